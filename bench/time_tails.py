"""The pre-labels and suggestions whose extent ends in a time phrase, by what gold does with it
(session 38, issue 17; counts only, never text): usage

    PYTHONPATH=. nice python bench/time_tails.py CORPUS_DIR --parse-cache DIR

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part).
A time phrase (``time_tail``) is the widest phrase closing the extent whose head is a preposition
with a DATE/TIME object (``on Tuesday``, ``in March``) or a DATE/TIME modifier (``last week``,
``earlier this year``), hung outside itself. Each such extent is set against the gold quote that
overlaps it most: gold ends right before the phrase ("cuts it"), further in ("ends earlier"), inside
the phrase, at or after the extent's end ("includes it"), or no gold quote overlaps. Counted per kind
(pre-labels, suggestions of their own, extents offered for a pre-label) and by where the phrase
hangs: on the content's head, inside the content, or outside it (the cue's clause), with the
head's part of speech."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from annotator.core.records import QUOTE
from annotator.nlp.convert import suggestions_in

from cue_lemma_misses import tuning_run  # bench/cue_lemma_misses.py
from corpus_misses import keep_per_text  # bench/corpus_misses.py

TIME_ENTITIES = frozenset({"DATE", "TIME"})
TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "since", "until", "by", "before", "after", "over",
                               "through", "for", "from"})
MODIFIER_DEPS = frozenset({"npadvmod", "tmod", "advmod", "nmod", "obl"})


def is_time_phrase(token) -> bool:
    """A preposition of time with a DATE/TIME object, or a DATE/TIME modifier."""
    if token.dep_ == "prep" and token.lower_ in TIME_PREPOSITIONS:
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and objects[0].ent_type_ in TIME_ENTITIES
    return token.dep_ in MODIFIER_DEPS and token.ent_type_ in TIME_ENTITIES


def time_tail(span):
    """The head of the widest time phrase that closes ``span`` (not its first word), or None."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return None
    last = words[-1]
    heads = [t for t in words[1:] if t.i != span.root.i and t.right_edge.i == last.i and t.left_edge.i > span.start
             and not t.left_edge.i <= t.head.i <= t.right_edge.i and is_time_phrase(t)]
    return min(heads, key=lambda t: t.left_edge.i, default=None)


def hangs_on(span, head) -> str:
    if head.head.i == span.root.i:
        where = "on the content head"
    elif span.start <= head.head.i < span.end:
        where = "inside the content"
    else:
        where = "outside (the cue's clause)"
    return f"{where}, head {span.root.pos_}"


def keep_tails(ours, gold, store: dict[int, list]) -> str:
    """``keep_per_text``: each extent closing in a time phrase: kind, its characters, where the phrase
    starts and where it hangs."""

    def record(doc, tasks) -> None:
        spans = [("pre-label", s) for s in doc.spans.get("quotes", [])]
        for s in suggestions_in(doc):
            span = doc.char_span(s.quote_start, s.quote_end, alignment_mode="expand")
            if span is not None:
                spans.append(("extent suggestion" if s[9] is not None else "own suggestion", span))
        rows = []
        for kind, span in spans:
            head = time_tail(span)
            if head is not None:
                rows.append((kind, span.start_char, span.end_char, doc[head.left_edge.i].idx, hangs_on(span, head)))
        for task in tasks:
            store[id(task)] = rows

    return keep_per_text(ours, gold, "bench_time_tails", record)


def outcome(text: str, quotes, start: int, end: int, cut: int) -> str:
    overlapping = [q for q in quotes if q.start < end and start < q.end]
    if not overlapping:
        return "no gold"
    q = max(overlapping, key=lambda q: min(q.end, end) - max(q.start, start))
    if q.end <= cut:
        return "cuts it" if text[q.end:cut].strip(" ,") == "" else "ends earlier"
    return "includes it" if q.end >= end else "ends inside it"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, required=True)
    args = parser.parse_args()
    run = tuning_run(args.corpus, args.parse_cache, keep_tails)
    if run is None:
        return 0
    gold, _predicted, kept, _covered = run
    counts: Counter = Counter()
    for g in gold:
        quotes = [s for s in g.spans if s.label == QUOTE]
        for kind, start, end, cut, where in kept.get(id(g), []):
            result = outcome(g.text, quotes, start, end, cut)
            counts[(kind, "all", result)] += 1
            counts[(kind, where, result)] += 1
    print("| kind | where the time phrase hangs | gold | count |")
    print("|---|---|---|---|")
    for (kind, where, result), n in sorted(counts.items()):
        print(f"| {kind} | {where} | {result} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
