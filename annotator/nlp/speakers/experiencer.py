"""``The ruling angered the union``: a quote cued by a verb of a feeling caused
(``quotes.feeling_caused``) is the reaction of the one who feels it, the verb's object, or in the
passive its subject (``the union was angered by the ruling``)."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import passive
from annotator.nlp.lexicon import FEELING_CAUSED_VERBS
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.scan import SpeakerScan


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    speakers = {}
    for index, cue in scan.cues.items():
        feeler = experiencer(cue.root) if index not in found and len(cue) == 1 else None
        if feeler is not None:
            speakers[index] = scan.mention(feeler)
    return speakers


def experiencer(verb: Token) -> Token | None:
    """The object of an active verb of a feeling caused (``FEELING_CAUSED_VERBS``, a fixed word list,
    not one a ``Lexicon`` configures), or the subject of a passive one, when it can feel and say so;
    else None."""
    if verb.lemma_.lower() not in FEELING_CAUSED_VERBS:
        return None
    role = "nsubjpass" if passive(verb) else "dobj"
    feeler = next((c for c in verb.children if c.dep_ == role), None)
    return feeler if feeler is not None and could_speak(feeler) else None
