"""``…, according to the ministry``: the object of ``to`` is the source (or the name or noun right
after it when the parser left it unattached)."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.scan import ACCORDING, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != ACCORDING:
        return None
    doc = cue.doc
    to = cue[-1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if objects:
        return scan.mention(objects[0])
    following = doc[to.i + 1:to.i + 2]
    return following if len(following) and following[0].pos_ in ("PROPN", "NOUN", "PRON") else None
