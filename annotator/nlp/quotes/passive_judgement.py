"""A judgement or a report in the passive, with its source in a ``by`` phrase: ``the move was
criticized by economists``, ``the meeting was first reported by the paper``, ``the plan is
supported by most farmers``; the subject (what is judged or reported) is the content and the
agent its source (the ``passive_agent`` speaker rule). The verbs are the lexicon's ``passive_verbs``."""

from __future__ import annotations

from spacy.attrs import LEMMA, TAG
from spacy.strings import hash_string
from spacy.tokens import Token

from annotator.nlp.doc_words import negated
from annotator.nlp.name_words import could_speak
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan

_VBN = hash_string("VBN")


def find(scan: QuoteScan) -> list[FoundQuote]:
    return [item for verb in scan.words_where(TAG, _VBN, LEMMA, scan.lexicon.passive_verbs) for item in at(scan, verb)]


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if negated(verb) or scan.quoted(verb.idx):
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if source is None or subject is None or not could_speak(source):
        return []
    doc = scan.doc
    cue = doc[verb.i:agent.i + 1] if agent.i - verb.i <= 3 else doc[verb.i:verb.i + 1]
    return content_quote(scan, verb, subject.left_edge.i, subject.right_edge.i, cue)
