"""``…, Ellison said``: when the parser gives the verb no subject at all, a name or a personal
pronoun right after or right before it is the speaker."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

_SPEAKING_PRONOUNS = ("he", "she", "they")
#: Proper nouns that never speak (``said Tuesday``).
_NOT_SPEAKERS = frozenset({"DATE", "TIME"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    doc, verb = cue.doc, cue.root
    for i in (verb.i + 1, verb.i - 1):
        if 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in _NOT_SPEAKERS
                                  or doc[i].lower_ in _SPEAKING_PRONOUNS):
            return noun_phrase(doc[i], scan.text)
    return None
