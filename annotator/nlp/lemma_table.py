"""The model's rule or lookup ``lemmatizer`` run as a table: each token's lemma looked up by its
word, part of speech and morphology, asked of the stock component once per such combination.

spaCy's ``Lemmatizer`` sets the lemmas token by token in Python (a ``Token``, a cache lookup and a
string written back for each, 2–3 ms of a news article); in ``rule`` and ``lookup`` modes its answer
is a function of the token's word (``ORTH``), ``POS`` and ``MORPH`` alone (``rule_lemmatize`` keys its
own cache by them; ``is_base_form``, English's included, reads the part of speech and morphology;
``lookup_lemmatize`` the word). ``LemmaTable`` reads those three as arrays, keeps the stock answer
for each combination, and writes the lemmas back at once, to the tokens the stock component would
set (those without a lemma, or all with ``overwrite``). Only spaCy's own ``Lemmatizer`` and
``EnglishLemmatizer`` become one (``use_lemma_table``): another language's may read more of a token.
"""

from __future__ import annotations

import threading

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

STOCK_NAME = "lemmatizer"
#: The modes whose answer is a function of (word, part of speech, morphology).
TABLE_MODES = ("rule", "lookup")
#: Lemmas kept at most (the combinations are a vocabulary's); then started again.
MOST_KEPT = 100_000


class _Table:
    """The lemma table's ``__call__``, for the lemmatizer classes below."""

    _known: dict | None = None
    _adding = threading.Lock()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode not in TABLE_MODES:
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            set_lemmas(self, doc)
            return doc
        except Exception as e:  # noqa: BLE001 - handed on as the stock component does
            error_handler(self.name, self, [doc], e)


class LemmaTable(_Table, Lemmatizer):
    """spaCy's ``Lemmatizer`` with its lemmas set by table (module docstring)."""


class EnglishLemmaTable(_Table, EnglishLemmatizer):
    """English's ``Lemmatizer`` with its lemmas set by table (module docstring)."""


TABLES = {Lemmatizer: LemmaTable, EnglishLemmatizer: EnglishLemmaTable}


def set_lemmas(lemmatizer, doc: Doc) -> None:
    """Each token's lemma as the stock component sets it: ``lemmatize(token)[0]`` for the tokens
    without a lemma (all with ``overwrite``), asked once per (word, part of speech, morphology)."""
    if not len(doc):
        return
    table = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = table[:, 3].copy()
    todo = range(len(doc)) if lemmatizer.overwrite else numpy.flatnonzero(lemmas == 0).tolist()
    if not len(todo):
        return
    known = lemmatizer._known
    if known is None or len(known) > MOST_KEPT:
        known = lemmatizer._known = {}
    keys, strings = table[:, :3].tolist(), doc.vocab.strings
    for i in todo:
        key = tuple(keys[i])
        lemma = known.get(key)
        if lemma is None:
            with lemmatizer._adding:  # (the stock component's own cache is a plain dict too)
                lemma = known[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
        lemmas[i] = lemma
    doc.from_array([LEMMA], lemmas)


def use_lemma_table(nlp: Language) -> Language:
    """Run the model's ``lemmatizer`` as a ``LemmaTable``: the same object, its class changed (it
    adds only its table), so the config and saved form stay the stock component's; a pipeline
    without one, or with another kind, is left as it is (a mode other than ``rule`` or ``lookup``
    runs the stock way)."""
    if STOCK_NAME in nlp.component_names:
        table = TABLES.get(type(nlp.get_pipe(STOCK_NAME)))
        if table is not None:
            nlp.get_pipe(STOCK_NAME).__class__ = table
    return nlp
