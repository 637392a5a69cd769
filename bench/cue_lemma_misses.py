"""The gold attributions the pre-labels miss, by the lemma of their cue verb (counts and lemmas only,
never text): usage

    PYTHONPATH=. nice python bench/cue_lemma_misses.py CORPUS_DIR --parse-cache DIR [--classes "verb: other"] [--top N]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part),
classes each gold quote with a source as ``--misses`` does, and for the classes asked for prints one
row per cue lemma (the verb heading gold's cue, with a particle or preposition the cue holds: ``call
for``): gold, found with the right speaker, not found, and where each missed one stands against the
suggestions (``--coverage``'s places: a pre-label of another extent, a shown suggestion, a hidden
candidate, nothing), with the commonest parse shape of the missed ones (``attribution_shape``).

``--sourceless``: the gold quotes WITHOUT a source (``Attribution-no-source``, which the classes leave
out and the keys count all the same), one row per cue lemma or shape (``--by``) with where each stands
(``SOURCELESS_PLACES``: found, found by a pre-label with a speaker, under a pre-label of another extent,
shown with a speaker, shown without one (below the promotion score), hidden, under a shown or hidden
candidate of another extent, nothing), and the sources of the candidates that pair with them."""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from annotator.core.records import CUE_REL, QUOTE, SAID_BY, Task

import corpus  # bench/corpus.py
from corpus_coverage import PLACES, _overlaps, _pairs, _record_span, attribution_shape, coverage_places, keep_coverage  # bench/corpus_coverage.py
from corpus_misses import attributed_found, classify_attributions, keep_per_text, paired, sourced_quotes  # bench/corpus_misses.py

#: The places, shortened for the table's heading.
PLACE_NAMES = ("extent", "shown", "hidden", "shown-over", "hidden-over", "none")


def cue_lemma(doc, cue) -> str:
    """The lemma of the verb heading a gold cue, with a particle or preposition inside the cue."""
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if words is None or not len(words):
        return "?"
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "neg")]
    head = words.root if words.root in verbs or not verbs else verbs[0]
    tail = [t.lower_ for t in words if t.i > head.i and t.dep_ in ("prt", "prep")]
    return " ".join([head.lemma_.lower(), *tail])


#: Where a gold quote without a source stands, the first that holds (short names for the table).
SOURCELESS_PLACES = ("found", "found+speaker", "extent", "shown+speaker", "shown", "hidden", "over-shown",
                     "over-hidden", "none")


def sourceless_quotes(gold: Task) -> list[tuple]:
    """Each gold quote without a source (no ``SAID_BY``, not optional), with its cues."""
    cues: dict[tuple, list] = {}
    for rel in gold.relations:
        if rel.label == CUE_REL and rel.head_span.label == QUOTE:
            cues.setdefault(rel.head_span.key, []).append(rel.child_span)
    sourced = {rel.head_span.key for rel in gold.relations if rel.label == SAID_BY}
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    return [(q, cues.get(q.key, [])) for q in gold.spans
            if q.label == QUOTE and q.key not in sourced and (q.start, q.end) not in optional]


def sourceless_facts(doc, task: Task) -> dict[tuple, tuple[str, str]]:
    """Each sourceless gold quote → (its nearest cue's lemma, the shape of cue and content)."""
    out = {}
    for quote, cues in sourceless_quotes(task):
        if not cues:
            out[quote.key] = ("(no cue)", "no cue")
            continue
        near = min(cues, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end)))
        out[quote.key] = (cue_lemma(doc, near), attribution_shape(doc, (quote.start, quote.end), (near.start, near.end)))
    return out


def sourceless_places(gold: Task, pred: Task, candidates: list[tuple[int, int, str]]) -> dict[tuple, tuple[str, str]]:
    """Each sourceless gold quote → (its place in ``SOURCELESS_PLACES``, the source that pairs with it)."""
    _g, pairs, _pieces = paired(gold, pred)
    partner = {g.key: p for g, p in pairs}
    with_speaker = {r.head_span.key for r in pred.relations if r.label == SAID_BY}
    prelabels = [s for s in pred.spans if s.label == QUOTE]
    shown = [s.quote.replace(source=s.source) for s in pred.suggestions]
    spoken = {(s.quote.start, s.quote.end) for s in pred.suggestions if s.speaker is not None}
    hidden = [_record_span(*c) for c in candidates]
    out = {}
    for g, _cues in sourceless_quotes(gold):
        if g.key in partner:
            out[g.key] = ("found+speaker" if partner[g.key].key in with_speaker else "found", "")
        elif _overlaps(g, prelabels) and _pairs(gold.text, g, shown) is None:
            out[g.key] = ("extent", "")
        elif (p := _pairs(gold.text, g, shown)) is not None:
            out[g.key] = ("shown+speaker" if (p.start, p.end) in spoken else "shown", p.source or "?")
        elif (p := _pairs(gold.text, g, hidden)) is not None:
            out[g.key] = ("hidden", p.source or "?")
        else:
            out[g.key] = ("over-shown" if _overlaps(g, shown) else "over-hidden" if _overlaps(g, hidden) else "none", "")
    return out


def placed_sourceless(gold: list[Task], predicted: list[Task], kept: dict, covered: dict):
    """Each sourceless gold quote as (what ``kept`` holds of it or None, its place, the source that pairs)."""
    by_text = {p.text: p for p in predicted}
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        facts = kept.get(id(g), {}).get("sourceless", {})
        places = sourceless_places(g, pred, covered.get(id(g), {"candidates": []})["candidates"])
        for key, (place, source) in places.items():
            yield facts.get(key), place, source


def print_sourceless(gold: list[Task], predicted: list[Task], kept: dict, covered: dict, by: str, top: int) -> None:
    """The sourceless gold quotes by cue lemma (or shape) and place; counts, lemmas and shapes only."""
    rows: dict[str, Counter] = defaultdict(Counter)
    beside: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, Counter] = defaultdict(Counter)
    for fact, place, source in placed_sourceless(gold, predicted, kept, covered):
        lemma, shape = fact or ("?", "?")
        row, other = (lemma, shape) if by == "lemma" else (shape, lemma)
        rows[row]["gold"] += 1
        rows[row][place] += 1
        if place not in ("found", "found+speaker"):
            beside[row][other] += 1
        if source:
            sources[place][source] += 1
    total = sum(rows.values(), Counter())
    print(f"\ngold quotes without a source: {total['gold']}, " + ", ".join(f"{p} {total[p]}" for p in SOURCELESS_PLACES))
    for place in ("shown+speaker", "shown", "hidden"):
        print(f"  {place}, by source: " + ", ".join(f"{s} {n}" for s, n in sources[place].most_common(10)))
    other = "shape" if by == "lemma" else "lemma"
    print(f"| {by} | gold | missed | " + " | ".join(SOURCELESS_PLACES) + f" | commonest missed {other}s |")
    ordered = sorted(rows.items(), key=lambda kv: -(kv[1]["gold"] - kv[1]["found"]))
    for row, v in ordered[:top]:
        shown = "; ".join(f"{k} ({n})" for k, n in beside[row].most_common(1 if by == "lemma" else 6))
        print(f"| {row} | {v['gold']} | {v['gold'] - v['found']} | " + " | ".join(str(v[p]) for p in SOURCELESS_PLACES)
              + f" | {shown} |")


def keep_lemmas(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: each gold attribution's class and its cue's lemma, off our parse (the shapes
    are ``keep_coverage``'s)."""

    def record(doc, tasks: list[Task]) -> None:
        for task in tasks:
            lemmas = {}
            for quote, cues in sourced_quotes(task):
                if cues:
                    near = min(cues, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end)))
                    lemmas[quote.key] = cue_lemma(doc, near)
            store[id(task)] = {"classes": classify_attributions(doc, task), "lemmas": lemmas,
                               "sourceless": sourceless_facts(doc, task)}

    return keep_per_text(ours, gold, "bench_cue_lemmas", record)


def count(gold: list[Task], predicted: list[Task], kept: dict, covered: dict, wanted: set[str], by: str = "lemma"):
    """Per (class, lemma): gold, right, missed places and missed shapes (``by="shape"``: per (class,
    shape), with the commonest missed lemmas in place of the shapes)."""
    by_text = {p.text: p for p in predicted}
    rows: dict[tuple[str, str], Counter] = defaultdict(Counter)
    shapes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        facts = kept.get(id(g), {"classes": {}, "lemmas": {}})
        _found, right = attributed_found(g, pred)
        coverage = covered.get(id(g), {"candidates": [], "shapes": {}})
        places = coverage_places(g, pred, coverage["candidates"])
        for key, name in facts["classes"].items():
            if name not in wanted:
                continue
            lemma, shape = facts["lemmas"].get(key, "?"), coverage["shapes"].get(key, "?")
            row = (name, lemma if by == "lemma" else shape)
            rows[row]["gold"] += 1
            rows[row]["right"] += key in right
            if key in places:
                rows[row][places[key][0]] += 1
                shapes[row][shape if by == "lemma" else lemma] += 1
    return rows, shapes


def tuning_run(corpus_dir: Path, parse_cache: Path, keep) -> tuple[list[Task], list[Task], dict, dict] | None:
    """The pipeline run on train's tuning part (as ``bench/corpus.py --tuning``) with two last
    components: ``keep(ours, gold, kept)`` (a ``keep_per_text`` of the caller's) and
    ``keep_coverage``; returns gold, predictions and the two stores (None, said, without the corpus)."""
    gold = corpus.tuning_gold(corpus_dir)
    if gold is None:
        return None
    ours = corpus.set_suggestions(corpus.add_components(corpus.load_model(None)), True)
    kept: dict[int, dict] = {}
    covered: dict[int, dict] = {}
    names = [keep(ours, gold, kept), keep_coverage(ours, gold, covered)]
    predicted, _rate = corpus.predict(ours, gold, 16, parse_cache)
    for name in names:
        ours.remove_pipe(name)
    return gold, predicted, kept, covered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--classes", default="verb: other,verb: communication")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--by", choices=("lemma", "shape"), default="lemma",
                        help="a row per cue lemma (the commonest missed shape beside it), or per shape (its lemmas)")
    parser.add_argument("--sourceless", action="store_true",
                        help="the gold quotes without a source instead of the classes (``print_sourceless``)")
    args = parser.parse_args()
    run = tuning_run(args.corpus, args.parse_cache, keep_lemmas)
    if run is None:
        return 0
    gold, predicted, kept, covered = run
    if args.sourceless:
        print_sourceless(gold, predicted, kept, covered, args.by, args.top)
        return 0
    rows, shapes = count(gold, predicted, kept, covered, set(args.classes.split(",")), args.by)
    for name in args.classes.split(","):
        mine = sorted(((k, v) for k, v in rows.items() if k[0] == name), key=lambda kv: -(kv[1]["gold"] - kv[1]["right"]))
        total = sum((v for _, v in mine), Counter())
        print(f"\n{name}: {total['gold']} gold, {total['right']} right, "
              + ", ".join(f"{short} {total[place]}" for short, place in zip(PLACE_NAMES, PLACES, strict=True)))
        other = "shape" if args.by == "lemma" else "lemma"
        print(f"| {args.by} | gold | right | missed | " + " | ".join(PLACE_NAMES) + f" | commonest missed {other}s |")
        for row, v in mine[:args.top]:
            beside = "; ".join(f"{k} ({n})" for k, n in shapes[row].most_common(1 if args.by == "lemma" else 8))
            print(f"| {row[1]} | {v['gold']} | {v['right']} | {v['gold'] - v['right']} | "
                  + " | ".join(str(v[place]) for place in PLACES) + f" | {beside} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
