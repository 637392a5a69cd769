"""The model's ``attribute_ruler`` run as a table: the same patterns set the same token attributes,
looked up once per distinct combination of the values the patterns test instead of matched token by
token.

spaCy's ``AttributeRuler`` runs every pattern through the ``Matcher`` and sets each match's
attributes through a ``Span``: on news about a tenth of the small English model's time, most of it
for the one-token ``{"TAG": …}`` rows of a tag map. ``AttributeTable`` is an ``AttributeRuler``
(same patterns, serialisation and initialisation) whose ``__call__`` reads the attributes the
patterns test as arrays, codes each value by the values the patterns name (any other value gets
code 0, which no exact, ``IN`` or ``NOT_IN`` test tells apart from another unnamed one) and by the
patterns' regexes it matches, and looks the codes up in a table of what the patterns then set,
filled as new combinations come (``attribute_codes``). What it does not read runs as spaCy runs it:
patterns with operators or other predicates go through a ``Matcher`` of their own and their matches
are merged in the stock order (a later pattern wins); a ruler with a pattern that sets anything
but ``POS``, ``TAG``, ``MORPH``, ``LEMMA`` or ``DEP`` runs as the stock component altogether.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.tokens import Doc

from annotator.nlp.attribute_codes import SETTABLE, Compiled, compile_patterns

#: The stock component's name in a spaCy pipeline.
STOCK_NAME = "attribute_ruler"


class AttributeTable(AttributeRuler):
    """An ``AttributeRuler`` that sets the same attributes by table lookup (module docstring)."""

    #: The patterns as tables, built at the first call after they change (class defaults: an
    #: ``AttributeRuler`` becomes one by a change of class, ``use_attribute_table``).
    _compiled: Compiled | None = None
    _stock_only = False

    def clear(self) -> None:
        super().clear()
        self._compiled, self._stock_only = None, False

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled, self._stock_only = None, False

    def __call__(self, doc: Doc) -> Doc:
        if self._compiled is None and not self._stock_only:
            self._compiled = compile_patterns(self)
            self._stock_only = self._compiled is None
        if self._stock_only or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            return set_by_table(self, self._compiled, doc)
        except Exception as e:  # noqa: BLE001 - handed on as the stock component does
            return error_handler(self.name, self, [doc], e)


def set_by_table(ruler: AttributeRuler, compiled: Compiled, doc: Doc) -> Doc:
    """Set what the ruler's patterns set on ``doc``, in the stock order: each token gets the
    attributes of the patterns that match it (their first token, or the one ``index`` names) in the
    order they were added, a later one overwriting an earlier one; every test reads the Doc as it
    was before any is set."""
    rows = compiled.rows
    token_rows = [rows.get(key) or compiled.row(key) for key in compiled.keys(doc)]
    extra: dict[int, set[int]] = {}
    for start, row in enumerate(token_rows):
        for which in row.starts:  # patterns of more than one token, checked token by token
            number, tests, target = compiled.longer[which]
            if start + len(tests) <= len(doc) and all(
                    test in token_rows[start + k].passes for k, test in enumerate(tests[1:], 1)):
                extra.setdefault(start + target, set()).add(number)
    if compiled.fallback is not None:
        for key, start, end in compiled.fallback(doc, allow_missing=True):
            number = int(ruler.vocab.strings[key])
            index = ruler.indices[number]
            if not start - end <= index < end - start:  # the stock component's error, from itself
                ruler.set_annotations(doc, ruler.match(doc))
            extra.setdefault(start + index % (end - start), set()).add(number)
    effects = numpy.array([row.effect for row in token_rows], dtype=numpy.int64)
    for i, numbers in extra.items():
        effects[i] = compiled.effect(tuple(sorted(numbers.union(token_rows[i].patterns))))
    masks, values = compiled.effect_arrays()
    masks = masks[effects]
    if masks.any():
        doc.from_array(list(SETTABLE), numpy.where(masks, values[effects], doc.to_array(list(SETTABLE))))
    return doc


def use_attribute_table(nlp: Language) -> Language:
    """Run the model's stock ``attribute_ruler`` as an ``AttributeTable``: the same object, its
    class changed (it adds no state of its own), so the pipeline's config and saved form stay the
    stock component's (a saved pipeline loads it with spaCy alone, and this is done again on
    loading); a pipeline without one, or with another kind, is left as it is."""
    if STOCK_NAME in nlp.component_names and type(nlp.get_pipe(STOCK_NAME)) is AttributeRuler:
        nlp.get_pipe(STOCK_NAME).__class__ = AttributeTable
    return nlp
