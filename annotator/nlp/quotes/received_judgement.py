"""A judgement received: ``the plan drew criticism from the mayors``, ``she won the backing of the
union``. The subject (what is judged) is the content, the verb with its judgement noun and
preposition the cue, and the ``from``/``of`` object the source (``speakers.judgement_source``)."""

from __future__ import annotations

from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from annotator.nlp.doc_words import negated, passive
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.judgement_source import judgement_source

_VERB = POS_IDS["VERB"]
#: The furthest the source's preposition may stand from the verb for the cue to run to it.
CUE_WORDS = 6


def find(scan: QuoteScan) -> list[FoundQuote]:
    return [item for verb in scan.words_where(POS, _VERB, LEMMA, scan.lexicon.received_verbs)
            for item in at(scan, verb)]


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if negated(verb) or scan.quoted(verb.idx) or passive(verb):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    source = judgement_source(verb, scan.lexicon)
    if subject is None or source is None:
        return []
    phrase = source.head
    doc = scan.doc
    cue = doc[verb.i:phrase.i + 1] if phrase.i - verb.i <= CUE_WORDS else doc[verb.i:verb.i + 1]
    return content_quote(scan, verb, subject.left_edge.i, subject.right_edge.i, cue)
