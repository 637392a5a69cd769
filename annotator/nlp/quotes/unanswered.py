"""The stock line of a reporter's questions left unanswered: ``the council did not respond to our
questions``, ``her lawyer never replied to the paper's emails``. PolNeAR marks what went unanswered
(the preposition's object) as the content, the subject as its source and the negated verb as the cue;
the prepositional rule (``prepositional_object``) refuses every negated verb, so this one reads only
``respond``/``reply`` with ``to``, negated, active, with a noun object."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import negated, passive
from annotator.nlp.name_words import TIME_ENTITIES, reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.cue_words import ANSWER_VERBS


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in ANSWER_VERBS or verb.pos_ != "VERB" or not negated(verb) \
            or scan.quoted(verb.idx):
        return []
    if passive(verb):
        return []
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
    thing = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    return content_quote(scan, verb, thing.left_edge.i, _last_unanswered(thing), scan.doc[verb.i:prep.i + 1])


def _last_unanswered(thing: Token) -> int:
    """The object's last token, without a trailing phrase that only dates it (``on Tuesday``)."""
    last = thing.right_edge.i
    for prep in reversed([c for c in thing.subtree if c.dep_ == "prep" and c.i > thing.i]):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.right_edge.i == last and objects and objects[0].ent_type_ in TIME_ENTITIES:
            last = prep.i - 1
    return last
