"""What each source's suggestions gain or cost, by the shipped scorer's score: per source and score
band, how many would be shown (those below the show threshold too, when no shown one overlaps
them), how many are right and the keys they save net (``bench/corpus.py``'s costs).

    nice -n 10 .venv/bin/python bench/scorer_bands.py --cache /tmp/fit_scorer/rows.pkl

Reads ``bench/fit_scorer.py``'s cache of the tuning candidates (gather it with that script's
``--cache … --recollect``); the scores are the shipped table's (in sample: it was fitted on them).
A suggestion costs its visit; a right one saves the add of its quote less its take, and costs a
speaker fix when gold's quote has a speaker it does not name, a delete when gold's has none and it
names one. A candidate the scorer would promote to a pre-label is counted as shown. A cell near 0 or below is where a per-source show threshold or dropping a source could
gain; session 17 found none that did (docs/prelabel.md, "Session 17, suggestions"). Without the
cache it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorer_choice import _chosen  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import Candidate, DocRows, label, load  # noqa: E402  (bench/scorer_data.py)

from annotator.core.records import QUOTE  # noqa: E402
from annotator.measure.evaluation import match_quotes_with_pieces, speakers_of  # noqa: E402
from annotator.measure.keys import KEY_COSTS, SUGGESTION_COSTS  # noqa: E402
from annotator.nlp.frames.candidates import overlaps_any  # noqa: E402
from annotator.nlp.suggest.scorer import crossed, default_scorer, shipped_table  # noqa: E402

#: The lower edges of the score bands.
EDGES = (0.0, 0.05, 0.1, 0.14, 0.17, 0.2, 0.23, 0.26, 0.3, 0.35, 0.45)


def net_keys(rows: DocRows, candidate: Candidate) -> int:
    """The keys a shown ``candidate`` saves (negative: costs), as ``bench/corpus.py`` counts them."""
    keys = -SUGGESTION_COSTS["visit"]
    if not candidate.right:
        return keys
    keys += KEY_COSTS["add"] - SUGGESTION_COSTS["take"]
    gold = [s for s in rows.gold.spans if s.label == QUOTE]
    pairs, _ = match_quotes_with_pieces(rows.gold.text, gold, [candidate.quote])
    said = speakers_of(rows.gold)
    if pairs and pairs[0][0].key in said and not candidate.attributed:
        keys -= KEY_COSTS["speaker"]
    elif pairs and pairs[0][0].key not in said and candidate.speaker is not None:
        keys -= KEY_COSTS["delete"]
    return keys


def band_gains(rows: list[DocRows], probs: list[list[float]], show_at: float) -> Counter:
    """Per (source, band's lower edge): ``n``, ``right`` and ``keys``, over the suggestions shown at
    ``show_at`` and those below it that no shown one overlaps (chosen among themselves the same way)."""
    out: Counter = Counter()
    for r, ps in zip(rows, probs, strict=True):
        scored = list(zip(r.candidates, ps, strict=True))
        shown = _chosen(scored, show_at)
        taken = [(c.quote.start, c.quote.end) for c, _ in shown]
        hidden = _chosen([(c, p) for c, p in scored if p < show_at
                          and not overlaps_any(c.quote.start, c.quote.end, taken)], 0.0)
        for c, p in shown + hidden:
            edge = max(e for e in EDGES if e <= p)
            for source in (c.source, "all"):
                out[(source, edge, "n")] += 1
                out[(source, edge, "right")] += c.right
                out[(source, edge, "keys")] += net_keys(r, c)
    return out


def print_gains(gains: Counter) -> None:
    for source in sorted({s for s, _, _ in gains}):
        cells = [f"{edge:.2f}: {gains[(source, edge, 'n')]} right {gains[(source, edge, 'right')] / n:.2f} "
                 f"keys {gains[(source, edge, 'keys')]:+d}" for edge in EDGES
                 if (n := gains[(source, edge, "n")])]
        print(f"{source} | " + " | ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fit_scorer/rows.pkl"),
                        help="bench/fit_scorer.py's cache of the tuning candidates")
    args = parser.parse_args()
    scorer = default_scorer()
    if not args.cache.is_file() or scorer is None:
        print(f"no cache at {args.cache} (or no shipped scorer): skipped")
        return 0
    rows = load(args.cache)
    for r in rows:
        label(r)
    probs = [[scorer.probability(crossed(c.feats)) if scorer.knows(c.source) else 0.0 for c in r.candidates]
             for r in rows]
    show_at = float(shipped_table().get("min_score", 0.2))
    print(f"{len(rows)} articles; shown at {show_at}; per source, by score band: suggestions, right-rate, net keys")
    print_gains(band_gains(rows, probs, show_at))
    return 0


if __name__ == "__main__":
    sys.exit(main())
