"""``The mayor thanked the porters for their patience, then says she will …``: the parser reads the second
of one subject's two predicates as the main verb, with no subject, and the first as a clause hung
on it before it; the subject of that first clause speaks, when it can. After the other cue rules
(an inverted speaker after the verb answers first)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import has_clause_subject
from annotator.nlp.lexicon import TENSED_VERB_TAGS
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    subject = left_clause_subject(cue.root)
    return scan.mention(subject) if subject is not None else None


def left_clause_subject(verb: Token) -> Token | None:
    """The subject of the clause hung before a subjectless finite verb, when it can speak."""
    if verb.pos_ != "VERB" or verb.tag_ not in TENSED_VERB_TAGS or has_clause_subject(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return subject if subject is not None and could_speak(subject) else None
