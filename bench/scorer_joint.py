"""Choosing what is pre-labeled in one go (``bench/fit_scorer.py`` runs it): the promotion thresholds
(indirect, the other types) and the demotion threshold together, on the out-of-fold probabilities
of the promotion model (``scorer_choice.fit`` of "right with its speaker") and of the demotion model
(``fit_demote``'s). Each setting is simulated as the component acts (the suggestions chosen and the
surest promoted as ``scorer_choice.simulate``, then the rules' pre-labels under the demotion threshold
suggested instead, ``fit_demote.demoted``); the one with the fewest plain keys per article among those
whose attributed precision holds every kind's bar (``BARS``) wins, keys with suggestions breaking a tie
(plain keys within ``TIE`` of the fewest)."""

from __future__ import annotations

import numpy

from annotator.core.records import QUOTE_TYPES, Task
from annotator.measure.evaluation import KindScore, evaluate
from annotator.measure.keys import document_keys
from annotator.measure.spans import Score
from fit_demote import Candidate, demoted  # bench/fit_demote.py
from scorer_choice import DocRows, _chosen, predicted, promoted  # bench/scorer_choice.py

#: The attributed precision each kind must keep on the simulated tuning output: the tuning floors
#: (direct .893, indirect .781, mixed .790, all .840) raised by the headroom indirect had at main
#: 0c8c89e (.7877 against .781: .0067), so an out-of-fold choice read in sample keeps that margin.
BARS = {"direct": 0.8997, "indirect": 0.7877, "mixed": 0.7967, "all": 0.8467}
#: Plain keys per article within this of the fewest count as a tie (broken by keys with suggestions).
TIE = 0.02
#: The promotion thresholds tried for indirect suggestions and for the others, and the demotion ones.
PROMOTE_INDIRECT = (0.45, 0.5, 0.53, 0.56, 0.59, 0.62, 0.65, 0.68, 0.75)
PROMOTE_OTHERS = (0.3, 0.35, 0.45, 0.55)
DEMOTE = (0.0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55)


def aligned(shown: list[DocRows], prelabels: list[DocRows]) -> None:
    """Raise unless both gatherings hold the same articles in the same order."""
    if len(shown) != len(prelabels) or any(a.gold.text != b.gold.text for a, b in zip(shown, prelabels, strict=True)):
        raise ValueError("the candidates' and the pre-labels' caches hold other articles: gather both again")


def with_demotion(tasks: list[Task], prelabels: list[DocRows], probs: list[list[float]], at: float) -> list[Task]:
    """``tasks`` with the pre-labels scored under ``at`` suggested instead."""
    return [demoted(task, [(c, p) for c, p in zip(r.candidates, ps, strict=True) if p < at])
            for task, r, ps in zip(tasks, prelabels, probs, strict=True)]


class Outcomes:
    """The articles simulated under many settings: each article's suggestions chosen once (the show
    model's ``probs`` at ``show_at``), and its measures kept by what was promoted and demoted in it,
    so a setting that changes a few articles is measured on those only (the figures are sums over
    articles: ``fit_demote.measure``'s, to the last place)."""

    def __init__(self, rows: list[DocRows], probs: list[list[float]], show_at: float, prelabels: list[DocRows]):
        aligned(rows, prelabels)
        self.rows, self.prelabels = rows, prelabels
        self.kept = [_chosen(list(zip(r.candidates, ps, strict=True)), show_at) for r, ps in zip(rows, probs, strict=True)]
        self.seen: list[dict[tuple, tuple]] = [{} for _ in rows]

    def measure(self, sure: list[list[float]], promote_at: dict[str, float] | None, unsure: list[list[float]],
                demote_at: float) -> dict:
        """Keys per article (plain and with suggestions) and attributed F1 and precision per kind, with
        the candidates ``sure`` rates at least their type's ``promote_at`` promoted and the pre-labels
        ``unsure`` rates under ``demote_at`` demoted."""
        plain, shown = [], []
        kinds = {kind: KindScore() for kind in QUOTE_TYPES}
        every = Score()
        for i, r in enumerate(self.rows):
            up = promoted(self.kept[i], {id(c): q for c, q in zip(r.candidates, sure[i], strict=True)}, promote_at)
            down = [(c, p) for c, p in zip(self.prelabels[i].candidates, unsure[i], strict=True) if p < demote_at]
            key = (tuple(map(id, up)), tuple(id(c) for c, _ in down))
            if key not in self.seen[i]:
                task = demoted(predicted(r, self.kept[i], up), down)
                result = evaluate([r.gold], [task])
                self.seen[i][key] = (*document_keys(r.gold, task),
                                     {k: result.by_kind[k]["attributed"] for k in QUOTE_TYPES}, result.attributed)
            keys, with_suggestions, by_kind, attributed = self.seen[i][key]
            plain.append(keys)
            shown.append(with_suggestions)
            for kind, score in by_kind.items():
                kinds[kind].add(score)
            every.add(attributed)
        scores = {k: (s.f1, s.precision) for k, s in kinds.items()}
        scores["all"] = (every.f1, every.precision)
        return {"plain": plain, "shown": shown, "scores": scores}


def held(m: dict, bars: dict[str, float] = BARS) -> bool:
    return all(m["scores"][k][1] >= bar for k, bar in bars.items())


def line(name: str, m: dict) -> str:
    n = len(m["plain"])
    return (f"  {name}: keys {sum(m['plain']) / n:.3f}, with suggestions {sum(m['shown']) / n:.3f}; "
            + " ".join(f"{k} {f:.4f} (P {p:.4f})" for k, (f, p) in m["scores"].items())
            + ("" if held(m) else " (a precision under its bar)"))


def refit_pays(shipped: dict | None, refit: dict) -> bool:
    """Whether a refit measured in sample (``refit``) is worth storing against the shipped models'
    figures measured the same way (``shipped``; None: nothing shipped): fewer plain keys, every
    precision at its bar."""
    return shipped is None or held(refit) and sum(refit["plain"]) < sum(shipped["plain"])


def best(results: dict[tuple, dict]) -> tuple | None:
    """The setting with the fewest plain keys whose precisions hold their bars (a tie: ``TIE``,
    broken by the fewest keys with suggestions)."""
    ok = {at: m for at, m in results.items() if held(m)}
    if not ok:
        return None
    fewest = min(sum(m["plain"]) / len(m["plain"]) for m in ok.values())
    close = [at for at, m in ok.items() if sum(m["plain"]) / len(m["plain"]) <= fewest + TIE]
    return min(close, key=lambda at: sum(ok[at]["shown"]))


def choose_together(outcomes: Outcomes, sure: list[list[float]], unsure: list[list[float]],
                    name: str) -> tuple[tuple | None, dict]:
    """Every (indirect, others, demotion) threshold of the grids simulated (``outcomes``) with the
    promotion model's probabilities ``sure`` and the demotion model's ``unsure``; the best (``best``)
    and every result, by setting."""
    results: dict[tuple, dict] = {}
    for indirect in PROMOTE_INDIRECT:
        for others in PROMOTE_OTHERS:
            if others > indirect:
                continue
            at = {"indirect": indirect, "mixed": others, "direct": others}
            for demote_at in DEMOTE:
                m = outcomes.measure(sure, at, unsure, demote_at)
                results[(indirect, others, demote_at)] = m
                print(line(f"{name}: promote {indirect} / {others}, demote under {demote_at}", m), flush=True)
    chosen = best(results)
    print(f"{name}: chosen promote indirect / others, demote under: {chosen}")
    return chosen, results


def reliability(p: list[float], y: list[bool], name: str, bins: int = 10) -> None:
    """The mean probability and the rate of right ones in each tenth of the items by probability."""
    order = numpy.argsort(p)
    probs, right = numpy.array(p)[order], numpy.array(y, dtype=float)[order]
    cells = []
    for part, hits in zip(numpy.array_split(probs, bins), numpy.array_split(right, bins), strict=True):
        if len(part):
            cells.append(f"{part.min():.2f}–{part.max():.2f}: mean {part.mean():.3f} right {hits.mean():.3f}")
    print(f"reliability by decile, {name} ({len(p)}): " + "; ".join(cells))


def promotable_pairs(rows: list[DocRows], probs: list[list[float]]) -> tuple[list[float], list[bool]]:
    """The probabilities and "right with its speaker" of the candidates that could be promoted (a cue
    and a speaker)."""
    pairs = [(p, c.attributed) for r, ps in zip(rows, probs, strict=True) for c, p in zip(r.candidates, ps, strict=True)
             if c.cue is not None and c.speaker is not None]
    return [p for p, _ in pairs], [y for _, y in pairs]


def prelabel_pairs(rows: list[DocRows], probs: list[list[float]], target: str) -> tuple[list[float], list[bool]]:
    pairs = [(p, getattr(c, target)) for r, ps in zip(rows, probs, strict=True)
             for c, p in zip(r.candidates, ps, strict=True)]
    return [p for p, _ in pairs], [y for _, y in pairs]


__all__ = ["BARS", "Candidate", "Outcomes", "TIE", "aligned", "best", "choose_together", "held", "line", "promotable_pairs",
           "prelabel_pairs", "refit_pays", "reliability", "with_demotion"]
