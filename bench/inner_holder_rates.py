"""The reports ``nested.outermost`` drops, by how the demotion model rates the pre-label holding them
(counts only, never text): usage

    PYTHONPATH=. nice python bench/inner_holder_rates.py CORPUS_DIR --parse-cache DIR

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part) and
rates every rule pre-label with the shipped demotion model as ``Suggester`` does (before any suggestion
is promoted). Each dropped report gets its holder's rating (the lowest of the pre-labels holding its
words), whether that holder is demoted or of a doubtful class, whether ``suggest/inner_reports.offered``
offers it (else why not), and whether it is right: it pairs a missed gold attribution no other shown
suggestion pairs (as ``bench/nested_cuts.py`` counts)."""

from __future__ import annotations

import sys
from collections import Counter

from annotator.core.records import Task
from annotator.nlp.lexicon import shared_lexicon
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import inner_reports
from annotator.nlp.suggest.demote import AmongPreLabels, DemoteModel, default_demoter, prelabel_features, prelabels
from annotator.nlp.suggest.doubtful import is_doubtful
from annotator.nlp.suggest.inner_reports import INNER_REPORT
from annotator.nlp.suggest.inner_reports import left_out as inner_reports_left_out
from annotator.nlp.suggest.scorer import DocFacts

from corpus_misses import keep_per_text  # bench/corpus_misses.py
from extent_boundaries import tuning_run_of_args  # bench/extent_boundaries.py
from nested_cuts import missed_gold, pairs_any  # bench/nested_cuts.py

#: Upper bounds of the rating bands.
BANDS = (0.7, 0.8, 0.9)


def left_out(report: FoundQuote, holder_start: int) -> str:
    """Why ``inner_reports.offered`` leaves the report out ("offered": it does not)."""
    return inner_reports_left_out(report, holder_start) or "offered"


def holder_ratings(doc, demoter: DemoteModel, lexicon) -> list[tuple[tuple[int, int], float, bool]]:
    """Each pre-label's tokens, its rating and whether it is of a doubtful class."""
    found = prelabels(doc)
    if not found:
        return []
    facts, among = DocFacts.of(doc), AmongPreLabels.of(doc, found)
    return [((p.span.start, p.span.end), demoter.probability(prelabel_features(facts, p, among, lexicon)),
             is_doubtful(p)) for p in found]


def rated_reports(doc, demoter: DemoteModel, lexicon) -> list[tuple[tuple[int, int], dict]]:
    """Each dropped report's characters and facets: its holder's rating band, demoted or doubtful, why left out."""
    dropped = inner_reports(doc)
    rated = holder_ratings(doc, demoter, lexicon) if dropped else []
    out = []
    for report, holder_start in dropped:
        span = report.span
        holding = [(p, doubt) for (s, e), p, doubt in rated if s <= span.start and span.end <= e]
        p = min((p for p, _ in holding), default=None)
        out.append(((span.start_char, span.end_char), {
            "band": rating_band(p), "demoted": p is not None and p < demoter.min_score,
            "doubtful": any(doubt for _, doubt in holding), "left out": left_out(report, holder_start)}))
    return out


def rating_band(p: float | None) -> str:
    """``under 0.7``, ``0.7 to 0.8``, …, ``0.9 or more`` (``BANDS``)."""
    if p is None:
        return "no holder"
    lows = (None, *BANDS)
    for low, high in zip(lows, BANDS, strict=False):
        if p < high:
            return f"under {high}" if low is None else f"{low} to {high}"
    return f"{BANDS[-1]} or more"


def keep_holders(ours, gold: list[Task], store: dict[int, list]) -> str:
    """``keep_per_text`` before the suggestions (the rules' pre-labels as the demotion model rates them)."""
    demoter, lexicon = default_demoter(), shared_lexicon(ours)

    def record(doc, tasks: list[Task]) -> None:
        rows = rated_reports(doc, demoter, lexicon) if demoter is not None else []
        for task in tasks:
            store[id(task)] = rows

    return keep_per_text(ours, gold, "bench_inner_holder_rates", record, after="annotator_coref")


def count(gold: list[Task], predicted: list[Task], kept: dict) -> Counter:
    """(band, left out) → [dropped, right]."""
    by_text = {p.text: p for p in predicted}
    out: Counter = Counter()
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        shown = [(s.quote.start, s.quote.end) for s in pred.suggestions if s.source != INNER_REPORT]
        still = [m for m in missed_gold(g, by_text) if not any(pairs_any(c, [m]) for c in shown)]
        for chars, facets in kept.get(id(g), []):
            key = (facets["band"], facets["left out"], facets["demoted"] or facets["doubtful"])
            out[key + ("dropped",)] += 1
            out[key + ("right",)] += pairs_any(chars, still)
    return out


def main() -> int:
    _args, run = tuning_run_of_args(__doc__.splitlines()[0], keep_holders, 20)
    if run is None:
        return 0
    gold, predicted, kept, _covered = run
    rows = count(gold, predicted, kept)
    print("| holder's rating | offered or why not | demoted or doubtful | dropped | right |\n|---|---|---|---|---|")
    for key in sorted({k[:3] for k in rows}):
        print(f"| {key[0]} | {key[1]} | {'yes' if key[2] else 'no'} | {rows[key + ('dropped',)]} | "
              f"{rows[key + ('right',)]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
