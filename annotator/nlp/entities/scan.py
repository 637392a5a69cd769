"""What the entity steps read about one document, built once: ``EntityScan``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc

from annotator.nlp.doc_words import doc_words
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import doc_text
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

    @cached_property
    def text(self) -> str:
        """The Doc's text (shared with the other components)."""
        return doc_text(self.doc).text

    @cached_property
    def capitalised(self) -> list[int]:
        """Indices of the tokens whose first character is upper case, read off the text."""
        text = self.text
        return [i for i, start in enumerate(doc_words(self.doc).starts) if text[start].isupper()]

    @cached_property
    def capitalised_inside_sentences(self) -> frozenset[str]:
        """The lower-case forms of the capitalised words that do not start a sentence."""
        doc = self.doc
        strings = doc.vocab.strings
        array = doc.to_array([SENT_START, LOWER])
        return frozenset(strings[int(array[i, 1])] for i in self.capitalised if array[i, 0] != 1)
