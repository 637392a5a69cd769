"""``Ms. Duarte stood to close the meeting, telling the room, "…"``: a participle cue the parser
hung inside the quote speaks for the subject of its sentence's main verb, before the cue."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.speakers.scan import SpeakerScan


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    verb = cue.root
    if quote is None or verb.tag_ not in ("VBG", "VBN") or not (quote.start <= verb.head.i < quote.end):
        return None
    root = verb.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < cue.start), None)
    if subject is None or quote.start <= subject.i < quote.end:
        return None
    return scan.mention(subject)
