"""Fit the demotion model (``annotator/nlp/suggest/demote.py``) on PolNeAR train's tuning part.

    nice -n 10 .venv/bin/python bench/fit_demote.py /work/polnear [--cache /tmp/fit_demote/rows.pkl] [--parse-cache DIR] [--write]

Pre-labels the 755 tuning articles (never the held-out 10%) with the rules, and for each of their
quotes reads its features (the scorer's, ``feature_blocks``, with the source ``prelabel``, and the
rule that found it, the span's ``id_``: ``rule=reports:reported``) and
whether it is right (pairs with a gold quote); the article's output as shipped (suggestions shown and
promoted, nothing demoted) is kept to simulate demoting. The model is fitted as the show model is
(``scorer_choice.fit``: logistic, regularisation by 5-fold cross-validation grouped by article, Platt
on the out-of-fold scores), each pre-label weighed by the keys at stake (``keep_gain``). Then, on
the out-of-fold probabilities, each threshold of ``GRID`` is simulated (the pre-labels under it
taken out and suggested, as the component does) and the one with the fewest keys with suggestions is
chosen among those that keep plain keys from rising and every attributed F1 within ``F1_MARGIN`` of
the shipped output's; printed with the in-sample figures apart. ``--write`` stores the weights and
threshold in ``annotator/nlp/suggest/demote_weights.json``. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import PARSE_CACHE, held_out_part, load_gold, split_folder, use_parse_cache  # noqa: E402  (bench/corpus.py)
from fit_scorer import corpus_arguments, unusable_folders, write_weights  # noqa: E402  (bench/fit_scorer.py)
from scorer_choice import Fitted, fit  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import Candidate, DocRows, load, save, span_record  # noqa: E402  (bench/scorer_data.py)

from annotator.core.records import COREF, CUE, QUOTE, QUOTE_TYPES, SPEAKER, Suggestion, Task  # noqa: E402
from annotator.measure.evaluation import (  # noqa: E402
    Attribution, evaluate, match_quotes_with_pieces, same_speaker, speakers_of,
)
from annotator.measure.keys import (  # noqa: E402
    KEY_COSTS, SUGGESTION_COSTS, document_keys,
)
from annotator.nlp.suggest.demote import (  # noqa: E402
    AmongPreLabels, DEMOTE_CROSSES, DEMOTED_SOURCE, PRELABEL_SOURCE, DemoteModel, prelabel_features, prelabels,
)
from annotator.nlp.suggest.scorer import DocFacts  # noqa: E402
from annotator.training.scorer_folds import gain_se  # noqa: E402

WEIGHTS = ROOT / "annotator" / "nlp" / "suggest" / "demote_weights.json"
#: The thresholds tried (a pre-label scored under one is demoted); 0: none demoted.
GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
#: How far each kind's attributed F1 may fall below the shipped output's (tuning stands ~0.01 above
#: the targets for indirect and all).
F1_MARGIN = 0.006


def keep_gain(right: bool) -> int:
    """The keys keeping a pre-label saves over suggesting it instead, with suggestions on screen
    (``measure/keys.py``): a right one, its visit and take (its speaker's fix is the same either
    way); a wrong one costs its delete less the visit its suggestion would cost."""
    if right:
        return SUGGESTION_COSTS["visit"] + SUGGESTION_COSTS["take"]
    return -(KEY_COSTS["delete"] - SUGGESTION_COSTS["visit"])


def label(rows: DocRows) -> None:
    """Each pre-label right when it pairs with a gold quote (or is a piece of one), attributed when
    its speaker is that quote's too, and its ``keep_gain``."""
    gold = [s for s in rows.gold.spans if s.label == QUOTE]
    quotes = [c.quote for c in rows.candidates]
    pairs, pieces = match_quotes_with_pieces(rows.gold.text, gold, quotes)
    paired = {p.key: g for g, p in pairs}
    said = speakers_of(rows.gold)
    for c in rows.candidates:
        g = paired.get(c.quote.key)
        c.right = g is not None or c.quote.key in pieces
        mention = rows.base.span_text(c.speaker) if c.speaker is not None else ""
        c.attributed = g is not None and c.speaker is not None and g.key in said and same_speaker(
            said[g.key], [Attribution(c.speaker, mention, mention)])
        c.gain = keep_gain(c.right)


def collect(nlp, suggester, gold: list[Task]) -> list[DocRows]:
    """Each article's pre-labels as candidates (features before any cross) and its output as shipped
    (``DocRows.base``: the suggestions component run on the rules' Doc, demoting nothing)."""
    from annotator.nlp.convert import doc_to_task
    from annotator.nlp.lexicon import shared_lexicon

    lexicon = shared_lexicon(nlp)
    out = []
    for g, doc in zip(gold, nlp.pipe([g.text for g in gold], batch_size=16), strict=True):
        rules = doc_to_task(doc)
        facts = DocFacts.of(doc)
        candidates = []
        found = prelabels(doc)
        among = AmongPreLabels.of(doc, found)
        for p in found:
            quote = span_record(rules, p.span, QUOTE, p.quote_type)
            if quote is not None:
                candidates.append(Candidate(prelabel_features(facts, p, among, lexicon), PRELABEL_SOURCE,
                                            quote, span_record(rules, p.cue, CUE), span_record(rules, p.speaker, SPEAKER)))
        rows = DocRows(g, doc_to_task(suggester(doc)), candidates)
        label(rows)
        out.append(rows)
    return out


def gather(corpus: Path, cache: Path, recollect: bool, parse_cache: Path | None) -> list[DocRows]:
    if cache.is_file() and not recollect:
        return load(cache)
    from annotator.nlp.pipeline import SUGGESTIONS, add_components, load_model

    gold, _problems = load_gold(split_folder(corpus, "train"), None)
    gold = held_out_part(gold, tuning=True)
    nlp = add_components(load_model(None))
    suggester = nlp.get_pipe(SUGGESTIONS)
    suggester.demoter = None
    cached = use_parse_cache(nlp, gold, parse_cache) if parse_cache is not None else None
    with nlp.select_pipes(disable=[SUGGESTIONS]):
        rows = collect(nlp, suggester, gold)
    if cached is not None:
        nlp.remove_pipe(PARSE_CACHE)
    save(rows, cache)
    return rows


def demoted(task: Task, unsure: list[tuple[Candidate, float]]) -> Task:
    """``task`` with each of ``unsure`` taken out of its quotes and suggested instead, as
    ``suggest.demote.demote`` does to a Doc."""
    gone = {c.quote.key for c, _ in unsure}
    if not gone:
        return task
    theirs = [r for r in task.relations if r.head_span.key in gone]
    kept = [r for r in task.relations if r.head_span.key not in gone]
    used = {r.child_span.key for r in kept if r.head_span.label == QUOTE}
    freed = {r.child_span.key for r in theirs} - used
    relations = [r for r in kept if not (r.label == COREF and r.head_span.key in freed)]
    spans = [s for s in task.spans if s.key not in gone and s.key not in freed]
    suggestions = [s for s in task.suggestions if s.replaces is None or s.replaces.key not in gone]
    suggestions += [Suggestion(c.quote, c.cue, c.speaker, round(p, 3), DEMOTED_SOURCE) for c, p in unsure]
    return Task(text=task.text, tokens=task.tokens, spans=spans, relations=relations, suggestions=suggestions)


def simulate(rows: list[DocRows], probs: list[list[float]], at: float) -> list[Task]:
    return [demoted(r.base, [(c, p) for c, p in zip(r.candidates, ps, strict=True) if p < at])
            for r, ps in zip(rows, probs, strict=True)]


def measure(rows: list[DocRows], predicted: list[Task]) -> dict:
    """Keys per article (plain, and with suggestions, each article's kept for a paired error), and
    attributed F1 and precision per kind."""
    gold = [r.gold for r in rows]
    plain, shown = [], []
    for g, p in zip(gold, predicted, strict=True):
        keys = document_keys(g, p)
        plain.append(keys[0])
        shown.append(keys[1])
    result = evaluate(gold, predicted)
    scores = {kind: result.by_kind[kind]["attributed"] for kind in QUOTE_TYPES}
    scores["all"] = result.attributed
    return {"plain": plain, "shown": shown, "demoted": sum(sum(s.source == DEMOTED_SOURCE for s in p.suggestions)
                                                           for p in predicted) / len(predicted),
            "scores": {k: (s.f1, s.precision) for k, s in scores.items()}}


def line(name: str, m: dict, base: dict | None = None) -> str:
    n = len(m["plain"])
    text = (f"  {name}: keys {sum(m['plain']) / n:.3f}, with suggestions {sum(m['shown']) / n:.3f}, "
            f"demoted {m['demoted']:.2f} per article; "
            + " ".join(f"{k} {f:.4f} (P {p:.4f})" for k, (f, p) in m["scores"].items()))
    if base is not None:
        text += (f"; with suggestions {(sum(m['shown']) - sum(base['shown'])) / n:+.3f} ± "
                 f"{gain_se(base['shown'], m['shown']):.3f}, plain {(sum(m['plain']) - sum(base['plain'])) / n:+.3f}"
                 f" ± {gain_se(base['plain'], m['plain']):.3f}")
    return text


def choose(rows: list[DocRows], probs: list[list[float]], name: str) -> tuple[float, dict]:
    """Each threshold of ``GRID`` simulated on ``probs``; the fewest keys with suggestions among those
    whose plain keys do not rise and whose attributed F1 stay within ``F1_MARGIN``."""
    base = measure(rows, simulate(rows, probs, 0.0))
    best, best_keys = 0.0, sum(base["shown"])
    for at in GRID:
        m = base if at == 0.0 else measure(rows, simulate(rows, probs, at))
        held = sum(m["plain"]) <= sum(base["plain"]) and all(
            m["scores"][k][0] >= base["scores"][k][0] - F1_MARGIN for k in m["scores"])
        print(line(f"{name}, demote under {at}{'' if held else ' (plain keys up or an F1 below its margin)'}", m,
                   base), flush=True)
        if held and sum(m["shown"]) < best_keys:
            best, best_keys = at, sum(m["shown"])
    return best, base


def in_sample(rows: list[DocRows], weights: dict[str, float]) -> list[list[float]]:
    """The fitted model's probabilities, as the component reads them."""
    model = DemoteModel(weights, 0.5)
    return [[model.probability(c.feats) for c in r.candidates] for r in rows]


def demote_table(fitted: Fitted, at: float, rows: list[DocRows], chosen: float) -> dict:
    """The table to store: the weights, the threshold ``at`` and how they were made (``chosen``: the
    threshold chosen out of fold)."""
    return {"min_score": at, "fit": {"pre-labels": sum(len(r.candidates) for r in rows), "articles": len(rows),
                                     "chosen_out_of_fold": chosen, "break_even": fitted.break_even,
                                     "crosses": [list(c) for c in DEMOTE_CROSSES]},
            "weights": fitted.weights}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arguments(parser, Path("/tmp/fit_demote/rows.pkl"), "pre-labels")
    parser.add_argument("--at", type=float, default=None, help="store this threshold instead of the one chosen")
    args = parser.parse_args()
    unusable = unusable_folders(args)
    if unusable is not None:
        return unusable
    rows = gather(args.corpus, args.cache, args.recollect, args.parse_cache)
    for r in rows:
        label(r)
    n = sum(len(r.candidates) for r in rows)
    print(f"{len(rows)} tuning articles, {n} pre-labels, {sum(c.right for r in rows for c in r.candidates)} right")
    fitted = fit(rows, "right", DEMOTE_CROSSES, by_gain=True)
    print("out of fold:")
    chosen, _ = choose(rows, fitted.oof, "out of fold")
    print("in sample:")
    choose(rows, in_sample(rows, fitted.weights), "in sample")
    at = chosen if args.at is None else args.at
    print(f"chosen on the out-of-fold figures: demote under {chosen}" + ("" if args.at is None else f"; stored {at}"))
    if args.write:
        command = "nice -n 10 .venv/bin/python bench/fit_demote.py " + " ".join(sys.argv[1:])
        write_weights(demote_table(fitted, at, rows, chosen), command, path=WEIGHTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
