"""``Pike said the levy was "a scandal" and blamed the treasurer for …``: a cue verb with a tense of its own
that the parser joins to a reported clause (a conjunct of the clause's verb) is the reporter's next
act; its speaker is the reporter's subject, not the clause's. ``mentions.subject_of`` climbs so for a
speech verb only; a cue of any kind is one here. Asked before ``cue_subject``, for the pre-labels'
cues only (``by_cue.PRE_LABEL_RULES``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import has_clause_subject
from annotator.nlp.lexicon import TENSED_VERB_TAGS
from annotator.nlp.speakers.conjunct_subject import conjunct_subject
from annotator.nlp.speakers.mentions import subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    reporter = reporter_of_conjunct(cue.root)
    subject = subject_of(reporter, scan.lexicon) if reporter is not None else None
    return scan.mention(subject) if subject is not None else None


def reporter_of_conjunct(verb: Token) -> Token | None:
    """The verb that reports the clause a finite conjunct ``verb`` without a subject of its own (nor
    one hung before it: ``conjunct_subject``) is joined to, when it stands before that clause."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in TENSED_VERB_TAGS or clause.dep_ != "ccomp" or clause.i > verb.i \
            or has_clause_subject(verb) or conjunct_subject(verb) is not None:
        return None
    reporter = clause.head
    return reporter if reporter.i < clause.i and reporter.pos_ == "VERB" else None
