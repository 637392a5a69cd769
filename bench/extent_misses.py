"""The gold attributions missed for an extent, by where gold's boundaries fall against ours (counts
only, never text): usage

    PYTHONPATH=. nice python bench/extent_misses.py CORPUS_DIR --parse-cache DIR [--top N]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part)
and takes the missed gold attributions ``--coverage`` puts under a pre-label of another extent or
under a shown suggestion of another extent. For each, the span most overlapping it (the pre-label,
else the shown suggestion) and gold are compared at the start and at the end: which one runs on,
and what the stretch one has and the other lacks opens with, read off our parse (a sentence end, a
quotation mark, a comma and a participle, a relative clause, an apposition, ``and``/``but``, an
``according to`` phrase, a dash, a subordinate clause, a preposition, gold's cue, ``that``...).
Counted by the pre-label's rule (the quote span's ``id_``) or the suggestion's source, and by
gold's quote type. Prints counts only; without the corpus or the parse cache it says "skipped"."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from annotator.core.records import QUOTE, Task
from annotator.nlp.doc_words import DASHES
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS

from corpus_coverage import PLACES, _pairs, _record_span, coverage_places, most_overlapping  # bench/corpus_coverage.py
from corpus_misses import keep_per_text, sourced_quotes  # bench/corpus_misses.py

QUOTE_MARKS = QUOTE_MARK_TOKENS | {"`", "``"}
DASH_MARKS = DASHES | {"(", ")", "[", "]"}
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "when"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "note", "explain", "claim", "argue", "write", "insist"})
#: The places read (``corpus_coverage.PLACES``): a pre-label or a shown suggestion of another extent.
READ = (PLACES[0], PLACES[3])


def _words(doc, start: int, end: int) -> list:
    """The tokens whose characters fall in ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def opener(tokens: list, cue: tuple[int, int] | None) -> str:
    """What a stretch of tokens opens with (a boundary class), by text marks and our parse."""
    if not tokens:
        return "nothing (spaces)"
    if cue is not None and any(cue[0] <= t.idx < cue[1] for t in tokens):
        head = "holds gold's cue; "
    else:
        head = ""
    first = tokens[0]
    second = tokens[1] if len(tokens) > 1 else None
    if first.text in QUOTE_MARKS:
        return head + "a quotation mark"
    if first.text in (".", "?", "!") or first.is_sent_start:
        return head + "a sentence end"
    if first.text in (";", ":"):
        return head + f"'{first.text}'"
    if first.text in DASH_MARKS:
        return head + "a dash or bracket"
    if first.text == ",":
        return head + ", " + _word_class(second) if second is not None else head + "a comma alone"
    return head + _word_class(first)


def _word_class(token) -> str:
    lower = token.lower_
    if lower in ("and", "but", "or", "yet"):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        clause = nxt is not None and (nxt.pos_ in ("PRON", "PROPN", "DET") or nxt.dep_ in ("nsubj", "nsubjpass"))
        return f"and/but + {'a subject' if clause else 'no subject'}"
    if lower == "according":
        return "according to"
    if lower in RELATIVE_WORDS and token.dep_ != "advmod" or token.dep_ == "relcl":
        return "a relative clause"
    if token.tag_ in ("VBG", "VBN"):
        return f"a participle ({token.tag_})"
    if token.lemma_ in SPEECH_LEMMAS or token.dep_ in ("nsubj",) and token.head.lemma_ in SPEECH_LEMMAS \
            and token.head.i > token.i:
        return "an attribution (X said)"
    if lower == "that":
        return "that"
    if token.dep_ == "appos" or token.pos_ in ("DET", "PROPN") and token.head.dep_ == "appos":
        return "an apposition"
    if token.pos_ == "SCONJ" or token.dep_ == "mark":
        return "a subordinate clause"
    if lower == "to" and token.head.pos_ == "VERB":
        return "an infinitive"
    if token.pos_ == "ADP":
        return "a preposition"
    return f"a word ({token.pos_} {token.dep_})"


def boundary(doc, ours: tuple[int, int], gold: tuple[int, int], cue: tuple[int, int] | None) -> tuple[str, str]:
    """(start class, end class) of ``ours`` against ``gold``: which one reaches further and what the
    stretch it has more opens with (at the start: what ours has before gold's start, read at its
    last word, or what gold has before ours; at the end: what follows the shorter span's end)."""
    if ours[0] == gold[0]:
        start = "same start"
    elif ours[0] < gold[0]:
        extra = _words(doc, ours[0], gold[0])
        start = "ours starts earlier: " + _before(extra, cue)
    else:
        extra = _words(doc, gold[0], ours[0])
        start = "gold starts earlier: " + _before(extra, cue)
    if ours[1] == gold[1]:
        end = "same end"
    elif ours[1] > gold[1]:
        end = "ours ends later: " + opener(_words(doc, gold[1], ours[1]), cue)
    else:
        end = "gold ends later: " + opener(_words(doc, ours[1], gold[1]), cue)
    return start, end


def _before(tokens: list, cue: tuple[int, int] | None) -> str:
    """What a stretch before the other span's start is, read at its end (what stands right before)."""
    if not tokens:
        return "nothing (spaces)"
    if cue is not None and any(cue[0] <= t.idx < cue[1] for t in tokens):
        return "holds gold's cue"
    last = tokens[-1]
    if last.text in QUOTE_MARKS:
        return "ends on a quotation mark"
    if last.lower_ == "that":
        return "ends on that"
    if last.text in (",", ":", ";") or last.text in DASH_MARKS:
        return f"ends on '{last.text}'"
    if any(t.is_sent_start for t in tokens[1:]):
        return "a sentence end inside"
    if any(t.lower_ == "according" for t in tokens):
        return "an according-to phrase"
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens):
        return "a subject"
    return f"other ({tokens[0].dep_})"


def keep_boundaries(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: for every gold quote with a source and every pre-label or shown suggestion
    overlapping it, the two boundary classes; the pre-labels' rules (which gold quotes were missed is
    known later)."""

    def record(doc, tasks: list[Task]) -> None:
        spans = [(s.start_char, s.end_char) for s in doc.spans.get("quotes", [])]
        rules = {(s.start_char, s.end_char): s.id_ or "(none)" for s in doc.spans.get("quotes", [])}
        spans += [(s.quote_start, s.quote_end) for s in doc._.suggestions]
        for task in tasks:
            pairs = {}
            for g, cues in sourced_quotes(task):
                cue = (cues[0].start, cues[0].end) if cues else None
                for start, end in spans:
                    if start < g.end and g.start < end:
                        pairs[(g.key, start, end)] = boundary(doc, (start, end), (g.start, g.end), cue)
            store[id(task)] = {"rules": rules, "pairs": pairs}

    return keep_per_text(ours, gold, "bench_extent_misses", record)


def count(gold: list[Task], predicted: list[Task], kept: dict, covered: dict) -> dict[str, Counter]:
    """Counters: "place", "start", "end", "both", "by rule" (rule, end), "by type" (type, end),
    "rule", "type", "start by rule", and "hidden pair" (under a pre-label: the source of a candidate of
    any score, another extent included, that pairs with the gold quote alone)."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, Counter] = {k: Counter() for k in ("place", "start", "end", "both", "by rule", "by type",
                                                      "rule", "type", "start by rule", "hidden pair")}
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        facts = kept.get(id(g), {"rules": {}, "pairs": {}})
        places = coverage_places(g, pred, covered.get(id(g), {"candidates": []})["candidates"])
        prelabels = [s for s in pred.spans if s.label == QUOTE]
        shown = [s.quote.replace(source=s.source) for s in pred.suggestions]
        quotes = {s.key: s for s in g.spans}
        hidden = [_record_span(*c) for c in covered.get(id(g), {"candidates": []})["candidates"]]
        for key, (place, how) in places.items():
            if place not in READ:
                continue
            q = quotes[key]
            if place == PLACES[0]:
                p = most_overlapping(q, prelabels)
                rule = "pre-label " + facts["rules"].get((p.start, p.end), "?")
                place_name = f"pre-label: {how}"
                paired = _pairs(g.text, q, hidden)
                out["hidden pair"][paired.source if paired is not None else "none"] += 1
            else:
                p = most_overlapping(q, shown)
                rule = "suggestion " + (p.source or "?")
                place_name = "shown suggestion"
            start, end = facts["pairs"].get((key, p.start, p.end), ("not recorded", "not recorded"))
            kind = q.quote_type or "?"
            for name, value in (("place", place_name), ("start", start), ("end", end), ("both", (start, end)),
                                ("by rule", (rule, end)), ("by type", (kind, end)), ("rule", rule),
                                ("type", kind), ("start by rule", (rule, start))):
                out[name][value] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    if not args.parse_cache.is_dir() or not args.corpus.is_dir():
        print("no corpus or parse cache: skipped")
        return 0
    from cue_lemma_misses import tuning_run  # bench/cue_lemma_misses.py (loads the pipeline)

    run = tuning_run(args.corpus, args.parse_cache, keep_boundaries)
    if run is None:
        return 0
    gold, predicted, kept, covered = run
    counts = count(gold, predicted, kept, covered)
    for name, rows in counts.items():
        print(f"\n## {name} ({sum(rows.values())})")
        for value, n in rows.most_common(args.top):
            print(f"{n:6d}  {' | '.join(value) if isinstance(value, tuple) else value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
