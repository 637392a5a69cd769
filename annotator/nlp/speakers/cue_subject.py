"""``The minister said …``, ``…, she said``: the subject of the cue verb (or of the verb it hangs
from) is the speaker."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.mentions import noun_phrase, subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    subject = subject_of(cue.root, scan.lexicon)
    return noun_phrase(subject, scan.text) if subject is not None else None
