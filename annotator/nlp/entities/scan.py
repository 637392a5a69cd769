"""What the entity steps read about one document, built once: ``EntityScan``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.paragraphs import dateline_places


@dataclass
class EntityScan:
    doc: Doc
    #: Token indices of the speakers' heads: a name that speaks is a person.
    speaker_heads: set[int]
    #: Nouns the model's lemmatizer knows as common nouns (empty without one).
    common_nouns: frozenset[str]
    lexicon: Lexicon
    #: Token ranges of the dateline places at the head of the first paragraphs.
    places: list[tuple[int, int]]
    #: Leave ``the`` and a possessive out of entity spans.
    strip_determiners: bool = True

    @classmethod
    def of(cls, doc: Doc, *, common_nouns: frozenset[str], lexicon: Lexicon,
           strip_determiners: bool = True) -> EntityScan:
        return cls(doc=doc, speaker_heads={s.root.i for s in doc.spans["speakers"]}, common_nouns=common_nouns,
                   lexicon=lexicon, places=dateline_places(doc), strip_determiners=strip_determiners)
