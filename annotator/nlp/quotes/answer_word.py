"""``Most voters said yes``, ``the senator said no to a new levy``, ``had to answer no``: a verb of
saying whose object is the word ``yes`` or ``no`` (the parser hangs it on the verb as an interjection
or an object). News attribution corpora mark that word as what was said, with the ``to`` phrase right
after it that says what it answered (``no to a new levy``); the verb's subject is the source, also a
share of the people asked (``a third said no``: ``name_words.bare_share``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import passive
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: The answers a verb of saying takes as its object.
ANSWER_WORDS = frozenset({"yes", "no"})
#: How the parser hangs the answer on the verb.
ANSWER_DEPS = frozenset({"intj", "dobj"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.pos_ != "VERB" or scan.cue_lemma(verb) not in scan.lexicon.speech or passive(verb):
        return []
    word = _answer(verb)
    if word is None or scan.quoted(word.idx):
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    return content_quote(scan, verb, word.i, _answered_to(word, verb), scan.doc[verb.i:verb.i + 1])


def _answer(verb: Token) -> Token | None:
    """``yes`` or ``no`` after the verb, hung on it or on the ``to`` phrase after it (``said no to
    a new levy``: the parser may make ``no`` the preposition's interjection)."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i]
    return next((c for head in heads for c in head.children
                 if c.dep_ in ANSWER_DEPS and c.lower_ in ANSWER_WORDS and c.i > verb.i), None)


def _answered_to(word: Token, verb: Token) -> int:
    """The answer's last token: the end of a ``to`` phrase right after it (``no to a new levy``),
    whichever word the parser hangs it on, else the answer itself."""
    doc = word.doc
    if word.i + 1 < len(doc):
        after = doc[word.i + 1]
        if after.lower_ == "to" and after.dep_ == "prep" and after.head.i in (word.i, verb.i):
            return after.right_edge.i
    return word.i
