"""How often a suggestion of each kind is right, out of the box: the share of a source's suggestions
that the scorer pairs with a gold attribution the pre-labels did not find, on PolNeAR ``train``'s
tuning part (90%; measured with the pipeline at this package's commit):

    nice .venv/bin/python bench/corpus.py /work/polnear --tuning --misses --speed-docs 0 --suggest-all

(``--suggest-all`` proposes every source, whatever its default, and prints each one's count and
right-rate). A source is suggested by default when taking its right suggestions saves more keys
than visiting all of them costs (``bench/corpus.py`` prints keys with and without suggestions).
The table holds rates only: never text or words of the corpus.
"""

from __future__ import annotations

#: source → right-rate of its suggestions (0–1): the score each suggestion carries.
SCORES: dict[str, float] = {}

#: The sources suggested by default (component config ``sources``).
DEFAULT_SOURCES: tuple[str, ...] = ()
