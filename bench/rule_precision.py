"""Precision of each rule's pre-labels on PolNeAR train's tuning part (issue 17: every wrong pre-label is
a delete, 3 keys): counts only, never text.

    nice .venv/bin/python bench/rule_precision.py CORPUS_DIR [--parse-cache DIR] [--limit N] [--top N]

Runs the shipped pipeline (``bench/corpus.py``'s run, suggestions on) over the tuning 90% and sorts
every pre-label by the rule that found it (the quote span's ``id_``: ``FoundQuote.rule``; a promoted
suggestion's ``promoted:SOURCE``). Each is paired with gold as ``measure/keys.py`` pairs them and
counted as right (with gold's speaker, or none where gold has none), right quote with its speaker
missing or wrong (a speaker fix, 5 keys), right quote with a speaker where gold has none (a delete),
or wrong (a delete); the wrong ones by where they stand against gold (over a gold quote another
pre-label found, over one of another extent, over an optional one, a gold quote elsewhere in the
paragraph, none in it). Beside them: attributed precision as the scorer counts it (of those with a
speaker) and the indirect ones' counts (the floor), the pre-labels of the rule the demotion model
took out and how many of those were right. Then the speaker fixes by the speaker rule that gave the
speaker (``SpeakerFinder.find_by_rule``). Only ``train``'s tuning part is read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import predict, tuning_gold  # noqa: E402  (bench/corpus.py)
from corpus_misses import keep_per_text  # noqa: E402  (bench/corpus_misses.py)

from annotator.core.records import QUOTE, Span, Task  # noqa: E402
from annotator.measure.evaluation import match_quotes_with_pieces, same_speaker, speakers_of  # noqa: E402
from annotator.measure.keys import KEY_COSTS  # noqa: E402
from annotator.measure.spans import overlap_match  # noqa: E402
from annotator.nlp.pipeline import add_components, load_model, set_suggestions  # noqa: E402
from annotator.nlp.speakers.scan import SpeakerScan  # noqa: E402
from annotator.nlp.suggest.demote import DEMOTED_SOURCE  # noqa: E402

SPEAKERS_PIPE = "annotator_speakers"
#: What a pre-label is against gold, in the order printed.
OUTCOMES = ("right", "speaker missing", "speaker wrong", "speaker where gold has none", "wrong")
#: Where a wrong pre-label stands against gold, in the order printed.
WRONG_PLACES = ("over gold another found", "over gold of another extent", "over optional gold",
                "gold elsewhere in paragraph", "no gold in paragraph")

Chars = tuple[int, int]


class Recorded:
    """What the recording components read off each Doc, by gold task (``id``): each quote's rule
    and speaker rule after the speakers ran (before any demotion or promotion), and each quote's
    rule as the pipeline left it."""

    def __init__(self) -> None:
        self.before: dict[int, dict[Chars, tuple[str, str | None]]] = {}
        self.after: dict[int, dict[Chars, str]] = {}

    def add_to(self, nlp, gold: list[Task]) -> list[str]:
        finder = nlp.get_pipe(SPEAKERS_PIPE)

        def before(doc, tasks: list[Task]) -> None:
            quotes = list(doc.spans.get("quotes", []))
            given = finder.find_by_rule(SpeakerScan.of(doc, finder.lexicon)) if quotes else {}
            rules = {index: rule for index, (_speaker, rule) in given.items()}
            row = {(q.start_char, q.end_char): (q.id_ or "?", rules.get(i)) for i, q in enumerate(quotes)}
            for task in tasks:
                self.before[id(task)] = row

        def after(doc, tasks: list[Task]) -> None:
            row = {(q.start_char, q.end_char): q.id_ or "?" for q in doc.spans.get("quotes", [])}
            for task in tasks:
                self.after[id(task)] = row

        return [keep_per_text(nlp, gold, "bench_rules_before", before, after=SPEAKERS_PIPE),
                keep_per_text(nlp, gold, "bench_rules_after", after)]


def _gold_parts(gold: Task) -> tuple[list[Span], list[Span]]:
    """Gold's quotes that count, and those marked optional (as ``measure/keys.py`` reads them)."""
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    quotes = [s for s in gold.spans if s.label == QUOTE]
    return [s for s in quotes if (s.start, s.end) not in optional], [s for s in quotes if (s.start, s.end) in optional]


def _paragraph(text: str, at: int) -> Chars:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _overlaps(span: Span, others: list[Span]) -> list[Span]:
    return [o for o in others if o.start < span.end and span.start < o.end]


def wrong_place(gold: Task, quote: Span, g_quotes: list[Span], optional: list[Span], found: set) -> str:
    """Where a pre-label that pairs with no gold quote stands against gold (``WRONG_PLACES``)."""
    over = _overlaps(quote, g_quotes)
    if any(g.key in found for g in over):
        return WRONG_PLACES[0]
    if over:
        return WRONG_PLACES[1]
    if any(overlap_match(quote, o) or _overlaps(quote, [o]) for o in optional):
        return WRONG_PLACES[2]
    start, end = _paragraph(gold.text, quote.start)
    return WRONG_PLACES[3] if any(start <= g.start < end or start < g.end <= end for g in g_quotes) else WRONG_PLACES[4]


def outcomes(gold: Task, pred: Task) -> list[tuple[Span, str, str]]:
    """Each pre-label of ``pred`` with its outcome (``OUTCOMES``) and, for a wrong one, its place."""
    g_quotes, optional = _gold_parts(gold)
    p_quotes = [s for s in pred.spans if s.label == QUOTE]
    pairs, pieces = match_quotes_with_pieces(gold.text, g_quotes, p_quotes)
    partner = {p.key: g for g, p in pairs}
    found = {g.key for g, _ in pairs}
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    out = []
    for quote in p_quotes:
        g = partner.get(quote.key)
        if g is None and quote.key in pieces:
            out.append((quote, "right", ""))
        elif g is None:
            out.append((quote, "wrong", wrong_place(gold, quote, g_quotes, optional, found)))
        elif g.key not in g_attr:
            out.append((quote, "speaker where gold has none" if quote.key in p_attr else "right", ""))
        elif quote.key not in p_attr:
            out.append((quote, "speaker missing", ""))
        else:
            out.append((quote, "right" if same_speaker(g_attr[g.key], p_attr[quote.key]) else "speaker wrong", ""))
    return out


def demoted_right(gold: Task, pred: Task) -> set[Chars]:
    """The demoted pre-labels (suggestions of source ``demoted``) that pair with a gold quote no
    pre-label found: those the annotator takes."""
    g_quotes, _ = _gold_parts(gold)
    pairs, _ = match_quotes_with_pieces(gold.text, g_quotes, [s for s in pred.spans if s.label == QUOTE])
    found = {g.key for g, _ in pairs}
    demoted = [s.quote for s in pred.suggestions if s.source == DEMOTED_SOURCE]
    taken, _ = match_quotes_with_pieces(gold.text, [g for g in g_quotes if g.key not in found], demoted)
    return {(q.start, q.end) for _, q in taken}


def tally(gold: list[Task], predicted: list[Task], recorded: Recorded) -> tuple[dict, dict]:
    """Per quote rule: outcomes, wrong places, types, attributed counts and demotions; per speaker rule:
    the outcomes of the quotes it gave a speaker."""
    rules: dict[str, Counter] = defaultdict(Counter)
    speakers: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, predicted, strict=True):
        before, after = recorded.before.get(id(g), {}), recorded.after.get(id(g), {})
        p_attr = speakers_of(p)
        for quote, outcome, place in outcomes(g, p):
            rule = after.get((quote.start, quote.end), "?")
            row = rules[rule]
            row["n"] += 1
            row[outcome] += 1
            row[f"type:{quote.quote_type}"] += 1
            if place:
                row[place] += 1
            if quote.key in p_attr:
                kind = quote.quote_type or "direct"
                row["with speaker"] += 1
                row["attr right"] += outcome == "right"
                row[f"{kind} with speaker"] += 1
                row[f"{kind} attr wrong"] += outcome != "right"
            spoken = before.get((quote.start, quote.end), (None, None))[1] if not rule.startswith("promoted:") \
                else "promoted"
            if quote.key in p_attr:
                speakers[spoken or "?"]["n"] += 1
                speakers[spoken or "?"][outcome] += 1
        right = demoted_right(g, p)
        for chars, (rule, _spoken) in before.items():
            if chars not in after and any((s.quote.start, s.quote.end) == chars for s in p.suggestions):
                rules[rule]["demoted"] += 1
                rules[rule]["demoted taken"] += chars in right
    return rules, speakers


def keys_of(row: Counter) -> int:
    """The keys a rule's pre-labels cost: a delete per wrong one and per speaker where gold has none,
    a speaker fix per missing or wrong speaker."""
    return KEY_COSTS["delete"] * (row["wrong"] + row["speaker where gold has none"]) \
        + KEY_COSTS["speaker"] * (row["speaker missing"] + row["speaker wrong"])


def print_rules(rules: dict[str, Counter], articles: int, top: int) -> None:
    print("| rule | pre-labels | right | spk missing | spk wrong | spk on sourceless | wrong | P quote | "
          "P attributed (n) | indirect wrong / with spk | keys per article | demoted (taken) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    total = sum(rules.values(), Counter())
    ordered = sorted(rules.items(), key=lambda item: -item[1]["wrong"])
    for name, row in [*ordered[:top], ("all", total)]:
        p_quote = 1 - row["wrong"] / max(row["n"], 1)
        p_attr = row["attr right"] / max(row["with speaker"], 1)
        print(f"| {name} | {row['n']} | {row['right']} | {row['speaker missing']} | {row['speaker wrong']} | "
              f"{row['speaker where gold has none']} | {row['wrong']} | {p_quote:.3f} | {p_attr:.3f} "
              f"({row['with speaker']}) | {row['indirect attr wrong']} / {row['indirect with speaker']} | "
              f"{keys_of(row) / articles:.2f} | {row['demoted']} ({row['demoted taken']}) |")
    print(f"({len(rules)} rules; {articles} articles)")
    print()
    print("wrong pre-labels by where they stand against gold:")
    print("| rule | wrong | " + " | ".join(WRONG_PLACES) + " | indirect / mixed / direct |")
    print("|---|---|" + "---|" * (len(WRONG_PLACES) + 1))
    for name, row in [*ordered[:top], ("all", total)]:
        print(f"| {name} | {row['wrong']} | " + " | ".join(str(row[p]) for p in WRONG_PLACES)
              + f" | {row['type:indirect']} / {row['type:mixed']} / {row['type:direct']} |")


def print_speakers(speakers: dict[str, Counter]) -> None:
    print()
    print("pre-labels with a speaker, by the speaker rule that gave it:")
    print("| speaker rule | with speaker | right | wrong speaker | speaker where gold has none | quote wrong |")
    print("|---|---|---|---|---|---|")
    for name, row in sorted(speakers.items(), key=lambda item: -item[1]["n"]):
        print(f"| {name} | {row['n']} | {row['right']} | {row['speaker wrong']} | "
              f"{row['speaker where gold has none']} | {row['wrong']} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="PolNeAR's folder (with data/train)")
    parser.add_argument("--parse-cache", type=Path, default=None, help="bench/corpus.py's parse cache (outside the repository)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N tuning texts")
    parser.add_argument("--top", type=int, default=25, help="rules printed, most wrong pre-labels first")
    args = parser.parse_args()
    gold = tuning_gold(args.corpus, args.limit)
    if gold is None:
        return 0
    nlp = set_suggestions(add_components(load_model(None)), True)
    recorded = Recorded()
    names = recorded.add_to(nlp, gold)
    predicted, _rate = predict(nlp, gold, 16, args.parse_cache)
    for name in names:
        nlp.remove_pipe(name)
    rules, speakers = tally(gold, predicted, recorded)
    print_rules(rules, len(gold), args.top)
    print_speakers(speakers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
