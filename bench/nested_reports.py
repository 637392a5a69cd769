"""The missed gold attributions under a pre-label with ANOTHER cue, by shape (counts, dependency labels,
parts of speech and function words only, never text): usage

    PYTHONPATH=. nice python bench/nested_reports.py CORPUS_DIR --parse-cache DIR [--top N]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part)
and takes the missed gold attributions ``--coverage`` puts under a pre-label of another extent whose cue
is not gold's (``extent_kind``: the pre-label holds gold's quote with gold's cue inside it, gold's
quote lies inside it, it pairs with another gold quote, or crosses it). Each is classed by: the rule
that made the pre-label (the quote span's ``id_``); the class of gold's cue (``--misses``' classes);
the path of dependency labels from gold's cue up to the pre-label's cue (``ccomp``: a report nested in
the reported clause; ``conj``: a second report merged into ours; or where it stands when apart);
whether gold's cue has a subject of its own; what opens gold's report inside the pre-label (``, and``,
``;``, a new sentence, a relative clause, ...); whether the pre-label pairs with some gold quote, and
whether gold marks a quote with the pre-label's cue at all (gold has both reports)."""

from __future__ import annotations

import sys
from collections import Counter

from annotator.core.records import QUOTE, Task
from annotator.measure.evaluation import match_quotes_with_pieces
from annotator.nlp.suggest.scores import BANDS, band

from corpus_coverage import PLACES, _cues, coverage_places, cue_head, most_overlapping  # bench/corpus_coverage.py
from corpus_misses import cue_class, keep_per_text, sourced_quotes  # bench/corpus_misses.py
from extent_boundaries import tuning_run_of_args  # bench/extent_boundaries.py
from nested_cuts import (  # bench/nested_cuts.py
    OPENERS, OWN_SUBJECT_DEPS, cue_spans, inner_clauses, missed_gold, pairs_any, possible_cuts, print_cuts,
)

#: ``extent_kind``'s kinds this script reads (the pre-label's cue is not gold's).
KINDS = ("holds it, gold's cue inside it", "inside it, another cue", "pairs with another gold quote",
         "crosses it, gold's cue inside it", "crosses it, another cue")
#: The facets each missed attribution is counted by, in the order printed.
FACETS = ("rule", "gold cue class", "path to our cue", "gold cue's subject", "opens gold's report",
          "ours pairs", "gold marks our cue")


def path_up(token, target) -> str:
    """The dependency labels from ``token`` up to ``target`` (at most four steps), else where ``token``
    stands: its own label, in another sentence, or above ``target``."""
    labels, at = [], token
    for _ in range(4):
        if at.i == target.i:
            return "<".join(labels) or "the same word"
        if at.head.i == at.i:
            break
        labels.append(at.dep_)
        at = at.head
    if at.i == target.i:
        return "<".join(labels)
    if token.sent.start != target.sent.start:
        return "apart: another sentence"
    up = target
    for _ in range(4):
        if up.head.i == up.i:
            break
        up = up.head
        if up.i == token.i:
            return f"above ours: ours {target.dep_} under it"
    return f"apart: {token.dep_} on {token.head.pos_}"


def opener(doc, start: int, outer_start: int) -> str:
    """What stands before a report starting at token ``start`` inside a pre-label starting at
    ``outer_start``: a new sentence, a mark or function word (up to two), else the part of speech."""
    if start <= outer_start:
        return "at our start"
    if doc[start].sent.start == start:
        return "a new sentence"
    words = [doc[i] for i in range(max(outer_start, start - 2), start)]
    shown = [t.lower_ if t.lower_ in OPENERS else t.pos_ for t in words]
    return " ".join(shown)


def pair_facts(doc, g_range, g_cue, p_span, p_cue) -> dict[str, str]:
    """The facets read off the parse for a gold quote and a pre-label overlapping it."""
    words = doc.char_span(*g_cue, alignment_mode="expand") if g_cue else None
    if words is None or not len(words):
        return {"gold cue class": "no cue"}
    inner = cue_head(words)
    outer_words = doc.char_span(*p_cue, alignment_mode="expand") if p_cue else None
    path = path_up(inner, cue_head(outer_words)) if outer_words is not None and len(outer_words) else "ours has no cue"
    subject = next((c for c in inner.children if c.dep_ in OWN_SUBJECT_DEPS), None)
    content = doc.char_span(*g_range, alignment_mode="expand")
    start = min(words.start, inner.left_edge.i, content.start if content is not None else words.start)
    return {"gold cue class": cue_class(words), "path to our cue": path,
            "gold cue's subject": f"{subject.dep_} {subject.pos_}" if subject is not None else "none",
            "opens gold's report": opener(doc, start, p_span.start) if p_span.start <= start < p_span.end
            else "outside ours"}


def rules_found(finder, doc) -> tuple[list, object]:
    """What the quote rules find in ``doc`` before ``nested.outermost`` drops the reports inside reports
    (``QuoteFinder.find`` without its last step), and the scan they read."""
    from annotator.nlp.quotes.found import made_by
    from annotator.nlp.quotes.scan import QuoteScan

    scan = QuoteScan.of(doc, finder.lexicon, min_direct_words=finder.min_direct_words,
                        headline_max_words=finder.headline_max_words)
    found: list = []
    for rule in finder.rules:
        found = rule.combine(found, made_by(rule.find(scan), rule.name))
    return found, scan


def dropped_reports(finder, doc) -> list[tuple[tuple[int, int], dict[str, str]]]:
    """Each report the rules found that ``nested.outermost`` drops (its cue and words inside another
    report): its characters and its facets (its rule and the holder's, the path from its cue up to the
    holder's, its cue's subject, what opens it)."""
    from annotator.nlp.quotes import nested
    from annotator.nlp.suggest.inner_reports import offered

    found, scan = rules_found(finder, doc)
    kept = {(k.span.start, k.span.end) for k in nested.outermost(found, scan)}
    reports = [f for f in found if f.quote_type != "direct"]
    out = []
    for f in found:
        if (f.span.start, f.span.end) in kept or f.cue is None:
            continue
        holder = next((o for o in reports if nested.holds(o, f)), None)
        if holder is None:
            continue
        inner = cue_head(f.cue)
        subject = next((c for c in inner.children if c.dep_ in OWN_SUBJECT_DEPS), None)
        start = min(f.cue.start, inner.left_edge.i, f.span.start)
        out.append(((f.span.start_char, f.span.end_char), {
            "rule": f"{f.rule} in {holder.rule}", "gold cue class": cue_class(f.cue),
            "path to our cue": path_up(inner, cue_head(holder.cue)) if holder.cue is not None else "no cue",
            "gold cue's subject": f"{subject.dep_} {subject.pos_}" if subject is not None else "none",
            "opens gold's report": opener(doc, start, holder.span.start),
            "band": BANDS[band(len(f.span.text.split()))],
            "offered (extent:inner-report)": "yes" if offered(f, holder.span.start) else "no"}))
    return out


def keep_pairs(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: the rule and facets of every pair of a gold quote and a pre-label overlapping
    it (which ones were missed is known later), and the reports ``nested.outermost`` dropped."""
    finder = ours.get_pipe("annotator_quotes")

    def record(doc, tasks: list[Task]) -> None:
        dropped = dropped_reports(finder, doc)
        cuts = possible_cuts(finder, doc)
        inner = inner_clauses(finder, doc)
        cues = cue_spans(doc)
        quotes = list(doc.spans.get("quotes", []))
        for task in tasks:
            pairs = {}
            for g, near in sourced_quotes(task):
                g_cue = None
                if near:
                    c = min(near, key=lambda c: min(abs(c.start - g.end), abs(g.start - c.end)))
                    g_cue = (c.start, c.end)
                for q in quotes:
                    if q.start_char < g.end and g.start < q.end_char:
                        facts = pair_facts(doc, (g.start, g.end), g_cue, q, cues.get((q.start_char, q.end_char)))
                        pairs[(g.key, q.start_char, q.end_char)] = {"rule": q.id_ or "(none: promoted)", **facts}
            store[id(task)] = {"pairs": pairs, "dropped": dropped, "cuts": cuts, "inner": inner}

    return keep_per_text(ours, gold, "bench_nested_reports", record)


def count(gold: list[Task], predicted: list[Task], kept: dict, covered: dict) -> dict[str, dict[str, Counter]]:
    """Per kind: facet → value → count, and "shape" → (path, opener, subject) → count."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, dict[str, Counter]] = {k: {f: Counter() for f in (*FACETS, "shape")} for k in KINDS}
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        places = coverage_places(g, pred, covered.get(id(g), {"candidates": []})["candidates"])
        prelabels = [s for s in pred.spans if s.label == QUOTE]
        g_quotes = [s for s in g.spans if s.label == QUOTE]
        quotes = {s.key: s for s in g_quotes}
        pairs, _ = match_quotes_with_pieces(g.text, g_quotes, prelabels)
        paired = {p.key for _, p in pairs}
        for key, (place, how) in places.items():
            if place != PLACES[0] or how not in out:
                continue
            p = most_overlapping(quotes[key], prelabels)
            facts = dict(kept.get(id(g), {}).get("pairs", {}).get((key, p.start, p.end), {"rule": "not recorded"}))
            facts["ours pairs"] = "yes" if p.key in paired else "no"
            p_cues = _cues(pred, p)
            marks = any(c.start < pc.end and pc.start < c.end for q in g_quotes if q.key != key
                        for c in _cues(g, q) for pc in p_cues)
            facts["gold marks our cue"] = "yes" if marks else "no" if p_cues else "ours has no cue"
            row = out[how]
            for facet in FACETS:
                row[facet][facts.get(facet, "?")] += 1
            row["shape"][(facts.get("path to our cue", "?"), facts.get("opens gold's report", "?"),
                          facts.get("gold cue's subject", "?"))] += 1
    return out


def count_dropped(gold: list[Task], predicted: list[Task], kept: dict) -> dict[str, Counter]:
    """The reports ``nested.outermost`` dropped, by facet: "right" (it pairs, alone, with a gold quote
    no pre-label pairs with: the scorer's overlap) or "wrong", per value of each facet."""
    facets = (*FACETS[:5], "band", "offered (extent:inner-report)")
    out: dict[str, Counter] = {f: Counter() for f in (*facets, "shape")}
    by_text = {p.text: p for p in predicted}
    for g in gold:
        missed = missed_gold(g, by_text)
        for chars, facts in kept.get(id(g), {}).get("dropped", []):
            right = "right" if pairs_any(chars, missed) else "wrong"
            for facet in facets:
                out[facet][(facts[facet], right)] += 1
            out["shape"][((facts["band"], facts["gold cue's subject"].split(" ")[-1]), right)] += 1
    return out


def print_dropped(rows: dict[str, Counter], top: int) -> None:
    for facet, counts in rows.items():
        values = Counter()
        for (value, _right), n in counts.items():
            values[value] += n
        print(f"- {facet} (right / dropped): " + ", ".join(
            f"{v} {counts[(v, 'right')]}/{n}" for v, n in values.most_common(top)))


def main() -> int:
    args, run = tuning_run_of_args(__doc__.splitlines()[0], keep_pairs, 12)
    if run is None:
        return 0
    gold, predicted, kept, covered = run
    for kind, rows in count(gold, predicted, kept, covered).items():
        total = sum(rows["rule"].values())
        print(f"\n## {kind}: {total} missed gold attributions")
        for facet in FACETS:
            print(f"- {facet}: " + ", ".join(f"{v} {n}" for v, n in rows[facet].most_common(args.top)))
        print("| path to our cue | opens gold's report | gold cue's subject | count |\n|---|---|---|---|")
        for (path, opens, subject), n in rows["shape"].most_common(args.top):
            print(f"| {path} | {opens} | {subject} | {n} |")
    dropped = count_dropped(gold, predicted, kept)
    print(f"\n## reports the rules found inside another report (dropped by nested.outermost): "
          f"{sum(dropped['rule'].values())}, right {sum(n for (_v, r), n in dropped['rule'].items() if r == 'right')}")
    print_dropped(dropped, args.top)
    print_cuts(gold, predicted, kept, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
