"""How often a suggestion of each kind is right, out of the box: the share of a source's suggestions
that the scorer pairs with a gold attribution the pre-labels did not find, on PolNeAR ``train``'s
tuning part (90%):

    nice .venv/bin/python bench/corpus.py /work/polnear --tuning --misses --speed-docs 0 --suggest-all

(``--suggest-all`` proposes every source, whatever its default, and prints each one's count and
right-rate). A source is suggested by default when taking its right suggestions saves more keys
than visiting all of them costs (``bench/corpus.py`` prints keys with and without suggestions).
The table holds rates only: never text or words of the corpus.
"""

from __future__ import annotations

#: source → right-rate of its suggestions (0–1): the score each suggestion carries. Measured at
#: b0a2e74 with ``--suggest-all`` (755 tuning articles, 12.0 suggestions per article, 0.212 right).
SCORES: dict[str, float] = {
    "rule:stance-noun": 0.585,
    "frame:noun": 0.478,
    "frame:regard": 0.461,
    "frame:clause": 0.410,
    "frame:infinitive": 0.352,
    "frame:adjective-preposition": 0.350,
    "frame:adjective": 0.286,
    "frame:evidence": 0.195,
    "frame:passive": 0.188,
    "frame:stance": 0.174,
    "frame:object": 0.142,
    "frame:preposition": 0.126,
}

#: The sources suggested by default (component config ``sources``): every source but a verb's
#: object and a verb's preposition, which cost more visits than their right ones save (on tuning:
#: all sources 106.2 keys per article, without these two 105.5; without any other one more).
DEFAULT_SOURCES: tuple[str, ...] = tuple(source for source in SCORES
                                         if source not in ("frame:object", "frame:preposition"))

#: With a trained frames component, a frame's candidate is suggested when the team's counts rate it
#: at least this (``learned_min_score``). Chosen on tuning: counts from 604 tuning articles, keys on
#: the other 151 (0.10: 113.4, 0.15: 112.8, 0.20: 113.5, 0.30: 114.0; this table's defaults 115.1;
#: no suggestions 119.6); see docs/prelabel.md, "Suggestions".
LEARNED_MIN_SCORE = 0.15
