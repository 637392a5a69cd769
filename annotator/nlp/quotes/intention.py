"""An intention stated in the speaker's own sentence: ``the governor plans to run``, ``she hopes to
win Iowa``, ``the senator agreed to testify``; the infinitive is what is meant. Only a verb heading
its sentence, and only a subject that can mean something (``the bill aims to cut taxes`` is none):
deeper in a sentence (``a donor who wants to …``, ``said he plans to …``) these infinitives are
attributions with this speaker far less often."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.commitment import infinitive_quote
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.own_clause import own_clause
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.cue_words import GUESSING_MODALS


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if not own_clause(verb, scan.lexicon, gerunds=False):
        return []
    # The lexicon's lemma first: a tagger's lemma of "hoping" is sometimes "hop".
    lemma = scan.lexicon.lemma_of(verb) or verb.lemma_.lower()
    if lemma not in scan.lexicon.intention_verbs or _guessed(verb):
        return []
    return infinitive_quote(scan, verb, meant_by_anyone=False)


def _guessed(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in GUESSING_MODALS for c in verb.children)
