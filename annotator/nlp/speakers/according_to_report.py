"""``"…," Pike said, according to the Daily Star.``: a cue verb that itself is reported by ``according
to`` (the phrase hangs on the verb, after it or before: ``According to the Star, Pike said …``) gives
the quote to the one it is according to: news
attribution corpora such as PolNeAR take the outer report's source, the paper or the transcript,
for the words it passes on."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb = cue.root
    for child in verb.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            return scan.mention(source) if source is not None else None
    return None
