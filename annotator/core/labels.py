"""Which labels an annotator is offered: the entity labels when the user gives none, and the nine
labels of the digit keys."""

from __future__ import annotations

from typing import Iterable

from annotator.core.records import CUE, QUOTE, SPEAKER

#: Entity labels offered when the user gives none (spaCy's English NER scheme, names first).
DEFAULT_ENTITY_LABELS = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)


def digit_labels(entity_labels: Iterable[str]) -> list[str]:
    """Labels for the keys 1…9: the first six entity labels, then QUOTE, SPEAKER and CUE."""
    return [*list(entity_labels)[:6], QUOTE, SPEAKER, CUE]
