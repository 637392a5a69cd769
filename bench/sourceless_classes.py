"""The gold quotes without a source (PolNeAR's ``Attribution-no-source``: a cue, nobody named), classed by
what carries them and counted by where they stand against the pre-labels and suggestions: usage

    PYTHONPATH=. nice python bench/sourceless_classes.py CORPUS_DIR --parse-cache DIR [--by class type lemma]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part). Each
gold quote without a source gets a class (``sourceless_class``: ``--misses``' ``cue_class`` read off our
parse of its nearest gold cue, split further where the reports that name nobody differ: a hearsay adverb,
an extraposed ``it`` + passive + clause, a raising verb, a passive, a poll or survey, a colon on a
headline's line) and a place (``cue_lemma_misses.SOURCELESS_PLACES``: found, found by a quote with a
speaker, under a pre-label of another extent, shown with or without a speaker, hidden, under a candidate
of another extent, nothing). One row per class (or quote type, or cue lemma), with the quote types, the
places and the sources of the candidates that pair. Counts, classes and lemmas only, never text; without
the corpus it says ``skipped`` and exits 0."""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from annotator.core.records import Task
from annotator.nlp.cue_words import RAISING_VERBS
from annotator.nlp.lexicon import POLL_NOUNS, QUOTE_MARKS
from annotator.nlp.cue_words import HEARSAY_ADVERBS

from corpus_misses import cue_class, keep_per_text  # bench/corpus_misses.py
from cue_lemma_misses import SOURCELESS_PLACES, cue_lemma, placed_sourceless, sourceless_quotes, tuning_run  # bench/


def sourceless_class(doc, text: str, quote, cues) -> str:
    """What carries a gold quote without a source, read off our parse of its nearest cue."""
    if not cues:
        return "no cue"
    cue = min(cues, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end)))
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if words is None or not len(words):
        return "unaligned"
    lowered = {t.lower_ for t in words}
    if lowered & HEARSAY_ADVERBS or all(t.pos_ == "ADV" for t in words):
        return "adverb (hearsay or other)"
    if any(t.lemma_.lower() in POLL_NOUNS for t in words):
        return "poll or survey"
    if all(t.is_punct for t in words):
        line_start = text.rfind("\n", 0, cue.start) + 1
        line_end = text.find("\n", cue.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
        return "colon on a headline line" if line and line[-1] not in ".!?" + QUOTE_MARKS else "punctuation cue"
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "neg")]
    if any(t.lemma_.lower() in RAISING_VERBS for t in verbs):
        return "raising verb"
    passives = [t for t in verbs if t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)]
    if passives:
        verb = passives[0]
        if any(c.dep_ in ("nsubjpass",) and c.lower_ == "it" for c in verb.children):
            return "passive: it is said that"
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return "passive with a subject"
        return "passive, no subject"
    if any(t.tag_ == "VBN" and t.dep_ in ("acl", "advcl", "amod") for t in verbs):
        return "bare past participle"
    if any(t.tag_ == "VBG" and t.dep_ in ("acl", "advcl", "amod", "pcomp") for t in verbs):
        return "bare gerund or present participle"
    kind = cue_class(words)
    if kind.startswith("verb") and verbs and not any(c.dep_ in ("nsubj", "csubj") for c in verbs[0].children):
        return f"{kind}, no subject"
    return kind


def keep_sourceless(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: each sourceless gold quote's class, type and cue lemma, off our parse."""

    def record(doc, tasks: list[Task]) -> None:
        for task in tasks:
            facts = {}
            for quote, cues in sourceless_quotes(task):
                near = min(cues, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end))) if cues else None
                facts[quote.key] = (sourceless_class(doc, task.text, quote, cues), quote.quote_type or "direct",
                                    cue_lemma(doc, near) if near is not None else "(no cue)")
            store[id(task)] = {"sourceless": facts}

    return keep_per_text(ours, gold, "bench_sourceless_classes", record)


def print_classes(gold: list[Task], predicted: list[Task], kept: dict, covered: dict, by: str, top: int) -> None:
    """One row per class (or type, or lemma): gold, missed, by type, by place; then the pairing sources."""
    column = {"class": 0, "type": 1, "lemma": 2}[by]
    rows: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, Counter] = defaultdict(Counter)
    for fact, place, source in placed_sourceless(gold, predicted, kept, covered):
        fact = fact or ("?", "?", "?")
        row = rows[fact[column]]
        row["gold"] += 1
        row[place] += 1
        row[f"type {fact[1]}"] += 1
        if source:
            sources[fact[column]][f"{place} {source}"] += 1
    total = sum(rows.values(), Counter())
    print(f"\ngold quotes without a source: {total['gold']}, " + ", ".join(f"{p} {total[p]}" for p in SOURCELESS_PLACES))
    print(f"| {by} | gold | missed | indirect / mixed / direct | " + " | ".join(SOURCELESS_PLACES) + " |")
    print("|" + "---|" * (4 + len(SOURCELESS_PLACES)))
    ordered = sorted(rows.items(), key=lambda kv: -(kv[1]["gold"] - kv[1]["found"]))
    for name, v in ordered[:top]:
        print(f"| {name} | {v['gold']} | {v['gold'] - v['found']} | {v['type indirect']} / {v['type mixed']} / "
              f"{v['type direct']} | " + " | ".join(str(v[p]) for p in SOURCELESS_PLACES) + " |")
    print("\ncandidates that pair, by row (place and source):")
    for name, _v in ordered[:top]:
        if sources[name]:
            print(f"  {name}: " + ", ".join(f"{s} {n}" for s, n in sources[name].most_common(6)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--by", choices=("class", "type", "lemma"), nargs="+", default=["class", "type"])
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    run = tuning_run(args.corpus, args.parse_cache, keep_sourceless)
    if run is None:
        return 0
    for by in args.by:
        print_classes(*run, by, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
