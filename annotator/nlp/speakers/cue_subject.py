"""``The minister said …``, ``…, she said``: the subject of the cue verb (or of the verb it hangs
from) is the speaker."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.speakers.mentions import noun_phrase, subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    subject = subject_outside_marks(scan, cue.root)
    return noun_phrase(subject, scan.text) if subject is not None else None


def subject_outside_marks(scan: SpeakerScan, verb: Token) -> Token | None:
    """``subject_of``, but a subject between quotation marks is quoted, not speaking: when the parser
    gives the verb two subjects (``"The plan," he said``: ``plan`` and ``he``), the one outside the
    marks with no quote between it and the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 and not (subjects and scan.quoted(subjects[0])):
        return subject_of(verb, scan.lexicon)
    outside = [s for s in subjects if not scan.quoted(s)]
    near = [s for s in outside if not scan.marks_between(s, verb)]
    return (near or outside or [None])[0]
