"""An intention stated in the speaker's own sentence: ``the governor plans to run``, ``she hopes to
win Iowa``, ``the senator agreed to testify``; the infinitive is what is meant. Only a verb heading
its sentence, and only a subject that can mean something (``the bill aims to cut taxes`` is none):
deeper in a sentence (``a donor who wants to …``, ``said he plans to …``) these infinitives are
attributions with this speaker far less often. An adverbial clause with a subject of its own is
that subject's own sentence too (``as the council seeks to reopen the pier``, ``because they wanted to
meet the voters``: session 36)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.commitment import infinitive_quote
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.own_clause import own_clause
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.cue_words import GUESSING_MODALS, INTENTION_CLAUSE_MARKS


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if not own_clause(verb, scan.lexicon, gerunds=False) and not adverbial_clause(verb):
        return []
    # The lexicon's lemma first: a tagger's lemma of "hoping" is sometimes "hop".
    lemma = scan.lexicon.lemma_of(verb) or verb.lemma_.lower()
    if lemma not in scan.lexicon.intention_verbs or _guessed(verb):
        return []
    return infinitive_quote(scan, verb, meant_by_anyone=False)


def adverbial_clause(verb: Token) -> bool:
    """The verb heads an adverbial clause with its own subject, opened by a subordinating word
    of time, reason, concession or condition (``as``, ``when``, ``because``, ``if``: ``INTENTION_CLAUSE_MARKS``)."""
    if verb.dep_ != "advcl":
        return False
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.i < verb.i and c.lower_ in INTENTION_CLAUSE_MARKS for c in children) \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in children)


def _guessed(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in GUESSING_MODALS for c in verb.children)
