"""The missed gold attributions whose cue lies inside one of our pre-labels (a report inside a report), by
shape (counts, dependency labels, parts of speech and cue classes only, never text): usage

    PYTHONPATH=. nice python bench/inner_misses.py CORPUS_DIR --parse-cache DIR [--top N]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part) and
takes each gold attribution no pre-label pairs with whose cue lies inside a pre-label's words (any type;
the smallest such pre-label is the holder). Each is classed by how gold's cue hangs in the holder
(``relation``: it heads the holder's words, a relative, adverbial or preposition's clause, a second verb
``conj``, a clause of a verb inside, a noun cue, ``according to``), the cue's class (``--misses``'),
who gold names (a name, a noun, a personal or relative pronoun), whether the holder pairs with a gold
quote, where it stands (``--coverage``'s place), and what became of an inner report: none of the report
rules fires on gold's cue word, or the rules found one that ``nested.outermost`` dropped and
``suggest/inner_reports.py`` shows it or leaves it out (which filter)."""

from __future__ import annotations

import sys
from collections import Counter

from annotator.core.records import QUOTE, SAID_BY, Task
from annotator.measure.evaluation import match_quotes_with_pieces

from corpus_coverage import coverage_places, cue_head  # bench/corpus_coverage.py
from corpus_misses import cue_class, keep_per_text, sourced_quotes  # bench/corpus_misses.py
from extent_boundaries import tuning_run_of_args  # bench/extent_boundaries.py
from nested_cuts import RELATIVE_TAGS  # bench/nested_cuts.py

#: The facets each missed attribution is counted by, in the order printed.
FACETS = ("relation", "gold cue class", "holder type", "gold speaker", "holder pairs", "inner report", "place")


def relation(head, holder, words) -> str:
    """How gold's cue word ``head`` hangs inside the holder's words."""
    if words[0].lower_ in ("according", "per"):
        return "according to"
    if head.head.i == head.i or not holder.start <= head.head.i < holder.end:
        return f"heads the holder's words ({head.pos_} {head.dep_})"
    if head.pos_ in ("NOUN", "PROPN"):
        return "noun cue"
    if head.dep_ == "ccomp":
        return "clause of a verb inside"
    return head.dep_ if head.dep_ in ("relcl", "advcl", "pcomp", "conj", "acl", "xcomp") else "other"


def speaker_kind(doc, span) -> str:
    """What gold names as the speaker: a relative or personal pronoun, a name, another word, none."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    if words is None or not len(words):
        return "none"
    root = words.root
    if root.tag_ in RELATIVE_TAGS:
        return "relative pronoun"
    if root.tag_ == "PRP":
        return "personal pronoun"
    return "name" if root.pos_ == "PROPN" else root.pos_


def inner_fate(doc, finder, head, gold_cue) -> str:
    """What became of an inner report on gold's cue: a report rule fires on the word or not, ``nested``
    dropped one and ``inner_reports`` shows it or the filter that leaves it out."""
    from annotator.nlp.quotes.nested import inner_reports
    from annotator.nlp.suggest.inner_reports import left_out

    dropped = next(((r, at) for r, at in inner_reports(doc)
                    if r.cue.start_char < gold_cue.end and gold_cue.start < r.cue.end_char), None)
    if dropped is None:
        return "a rule fires, not dropped" if _fires(doc, finder, head) else "no report rule fires"
    report, holder_start = dropped
    why = left_out(report, holder_start)
    if why in ("conj", "other dependency"):
        return f"dropped: {report.cue.root.dep_} not offered"
    return f"dropped: {why}" if why is not None else "dropped: offered (score and speaker gates after)"


def _fires(doc, finder, head) -> bool:
    from annotator.nlp.quotes.reports import REPORT_RULES
    from annotator.nlp.quotes.scan import QuoteScan

    scan = QuoteScan.of(doc, finder.lexicon, min_direct_words=finder.min_direct_words,
                        headline_max_words=finder.headline_max_words)
    return any(rule(scan, head) for rule in REPORT_RULES)


def keep_inner(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: per gold attribution whose cue lies inside a pre-label, its facets and the
    holder's characters (which ones were missed is known later)."""
    finder = ours.get_pipe("annotator_quotes")

    def record(doc, tasks: list[Task]) -> None:
        quotes = list(doc.spans.get("quotes", []))
        for task in tasks:
            speakers = {r.head_span.key: r.child_span for r in task.relations if r.label == SAID_BY}
            rows = {}
            for g, near in sourced_quotes(task):
                cue = min(near, key=lambda c: min(abs(c.start - g.end), abs(g.start - c.end))) if near else None
                holders = [q for q in quotes if cue is not None and q.start_char <= cue.start and cue.end <= q.end_char]
                words = doc.char_span(cue.start, cue.end, alignment_mode="expand") if holders else None
                if words is None or not len(words):
                    continue
                holder, head = min(holders, key=len), cue_head(words)
                rows[g.key] = ((holder.start_char, holder.end_char), {
                    "relation": relation(head, holder, words), "gold cue class": cue_class(words),
                    "holder type": holder._.quote_type, "gold speaker": speaker_kind(doc, speakers.get(g.key)),
                    "inner report": inner_fate(doc, finder, head, cue)})
            store[id(task)] = rows

    return keep_per_text(ours, gold, "bench_inner_misses", record)


def count(gold: list[Task], predicted: list[Task], kept: dict, covered: dict) -> dict[str, Counter]:
    """Facet → value → count over the missed attributions, and "shape" → (relation, inner report)."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, Counter] = {f: Counter() for f in (*FACETS, "shape")}
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        places = coverage_places(g, pred, covered.get(id(g), {"candidates": []})["candidates"])
        prelabels = [s for s in pred.spans if s.label == QUOTE]
        pairs, _ = match_quotes_with_pieces(g.text, [s for s in g.spans if s.label == QUOTE], prelabels)
        paired = {(p.start, p.end) for _, p in pairs}
        for key, (holder, facts) in kept.get(id(g), {}).items():
            if key not in places:
                continue
            place, how = places[key]
            facts = {**facts, "holder pairs": "yes" if holder in paired else "no", "place": f"{place}: {how}"}
            for facet in FACETS:
                out[facet][facts[facet]] += 1
            out["shape"][(facts["relation"], facts["inner report"])] += 1
    return out


def main() -> int:
    args, run = tuning_run_of_args(__doc__.splitlines()[0], keep_inner, 14)
    if run is None:
        return 0
    gold, predicted, kept, covered = run
    rows = count(gold, predicted, kept, covered)
    print(f"missed gold attributions with their cue inside a pre-label: {sum(rows['relation'].values())}")
    for facet in FACETS:
        print(f"- {facet}: " + ", ".join(f"{v} {n}" for v, n in rows[facet].most_common(args.top)))
    print("| how gold's cue hangs | inner report | count |\n|---|---|---|")
    for (how, fate), n in rows["shape"].most_common(args.top * 2):
        print(f"| {how} | {fate} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
