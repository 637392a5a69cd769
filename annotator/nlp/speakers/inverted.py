"""``"…," added a state Democrat``: an inverted attribution the parser read as the verb's object."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: How far after the verb the inverted speaker may start, in tokens.
MAX_DISTANCE = 6
_OBJECT_DEPS = ("dobj", "attr", "npadvmod", "oprd")


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb = cue.root
    doc = cue.doc
    if verb.i == 0 or not (doc[verb.i - 1].text in QUOTE_MARK_TOKENS or doc[verb.i - 1].text == ","):
        return None
    after = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS
                  and 0 < c.i - verb.i <= MAX_DISTANCE and c.pos_ in ("PROPN", "NOUN")), None)
    return noun_phrase(after, scan.text) if after is not None else None
