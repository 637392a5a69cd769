"""Agreement between annotators on the documents they share: spans, token labels and attribution.

For each pair (A, B), names in sorted order, over the documents both accepted:

- spans per label: *precision* is the share of B's spans A also has, *recall* the share of A's
  spans B also has, F1 their harmonic mean (symmetric). *Exact* needs the same offsets and
  label; *overlap* needs the same label and at least one shared character.
- Cohen's kappa on token labels, one layer at a time because spans of different kinds overlap:
  ``entity`` (the entity label or O), ``quote``, ``speaker`` and ``cue`` (inside such a span or O).
  Whitespace tokens are left out. Kappa is undefined (None) when both annotators used one label only.
- attribution: quotes are paired one to one by largest overlap; a pair agrees on who said it when
  both name no speaker, or a SAID_BY speaker of one has the same offsets as one of the other's, or
  resolves to the same name (the text of the entity a SPEAKER's COREF points to, else its own text).

Decisions are read in two passes; a document's versions are held only until every annotator's
version of it has been seen, so memory follows the documents in flight, not the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Sequence

from annotator.core.records import COREF, CUE, QUOTE, SAID_BY, SPEAKER, Span, Task
from annotator.core.progress import NoProgress, Progress
from annotator.core.decisions import index_decisions, iter_decisions
from annotator.measure.spans import Score, any_overlap, pair_spans, score_spans

OUTSIDE = "O"
LAYERS = ("entity", "quote", "speaker", "cue")
_LAYER_LABELS = {"quote": QUOTE, "speaker": SPEAKER, "cue": CUE}
_NOT_SPACE = re.compile(r"\S+")


@dataclass
class SpanCounts:
    """Span totals of one label for a pair, summed over shared documents: B scored against A."""

    a: int = 0
    b: int = 0
    exact: Score = field(default_factory=Score)
    overlap: Score = field(default_factory=Score)

    def add(self, other: SpanCounts) -> None:
        self.a += other.a
        self.b += other.b
        self.exact.add(other.exact)
        self.overlap.add(other.overlap)


@dataclass
class PairAgreement:
    a: str
    b: str
    documents: int = 0
    spans: dict[str, SpanCounts] = field(default_factory=dict)
    #: layer → Counter of (A's token label, B's token label)
    tokens: dict[str, Counter] = field(default_factory=lambda: {layer: Counter() for layer in LAYERS})
    quotes_matched: int = 0
    same_speaker: int = 0
    same_quote_type: int = 0

    def all_spans(self) -> SpanCounts:
        total = SpanCounts()
        for counts in self.spans.values():
            total.add(counts)
        return total

    def kappa(self, layer: str) -> float | None:
        return cohen_kappa(self.tokens[layer])

    def to_json(self) -> dict[str, Any]:
        labels = {label: _span_json(c) for label, c in sorted(self.spans.items())}
        labels["ALL"] = _span_json(self.all_spans())
        return {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "spans": labels,
            "kappa": {layer: self.kappa(layer) for layer in LAYERS},
            "tokens": {layer: sum(self.tokens[layer].values()) for layer in LAYERS},
            "attribution": {
                "quotes_matched": self.quotes_matched,
                "same_speaker": self.same_speaker,
                "agreement": self.same_speaker / self.quotes_matched if self.quotes_matched else None,
                "same_quote_type": self.same_quote_type,
            },
        }


@dataclass
class Agreement:
    annotators: list[str]
    pairs: list[PairAgreement]
    shared_documents: int

    def to_json(self) -> dict[str, Any]:
        return {"annotators": self.annotators, "shared_documents": self.shared_documents,
                "pairs": [p.to_json() for p in self.pairs]}


def cohen_kappa(pairs: Counter) -> float | None:
    """Cohen's kappa from counts of (label by A, label by B); None when chance agreement is 1."""
    total = sum(pairs.values())
    if not total:
        return None
    observed = sum(n for (x, y), n in pairs.items() if x == y) / total
    by_a: Counter = Counter()
    by_b: Counter = Counter()
    for (x, y), n in pairs.items():
        by_a[x] += n
        by_b[y] += n
    expected = sum(by_a[label] * by_b[label] for label in by_a) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def measure_agreement(*, sources: Sequence[str | Path], group_by: str = "annotator",
                      progress: Progress = NoProgress()) -> Agreement:
    """Agreement between every pair of annotators (or sessions) on the documents they both accepted."""
    index = index_decisions(sources, answers=("accept",), group_by=group_by,
                            progress=progress.stage("Finding newest decisions"))
    expected = {h: n for h, n in index.decisions_per_input.items() if n > 1}
    pending: dict[int, dict[str, Task]] = {}
    pairs: dict[tuple[str, str], PairAgreement] = {}
    annotators: set[str] = set()
    for decision in iter_decisions(index, progress=progress.stage("Comparing decisions", len(index))):
        annotators.add(decision.group)
        task = decision.annotation.task
        if task.input_hash not in expected:
            continue
        versions = pending.setdefault(task.input_hash, {})
        versions[decision.group] = task
        if len(versions) < expected[task.input_hash]:
            continue
        del pending[task.input_hash]
        for a, b in combinations(sorted(versions), 2):
            pair = pairs.setdefault((a, b), PairAgreement(a, b))
            compare_document(pair, versions[a], versions[b])
    return Agreement(sorted(annotators), [pairs[k] for k in sorted(pairs)], len(expected))


def compare_document(pair: PairAgreement, a: Task, b: Task) -> None:
    """Add one shared document's counts to the pair."""
    pair.documents += 1
    for label in sorted({s.label for s in a.spans} | {s.label for s in b.spans}):
        spans_a = [s for s in a.spans if s.label == label]
        spans_b = [s for s in b.spans if s.label == label]
        counts = pair.spans.setdefault(label, SpanCounts())
        counts.a += len(spans_a)
        counts.b += len(spans_b)
        counts.exact.add(score_spans(spans_a, spans_b))
        counts.overlap.add(score_spans(spans_a, spans_b, exact=False, matches=any_overlap))
    tokens = _token_ranges(a) or _token_ranges(b) or [(m.start(), m.end()) for m in _NOT_SPACE.finditer(a.text)]
    labels_a, labels_b = _token_labels(a, tokens), _token_labels(b, tokens)
    for layer in LAYERS:
        pair.tokens[layer].update(zip(labels_a[layer], labels_b[layer], strict=True))
    _compare_attribution(pair, a, b)


def _compare_attribution(pair: PairAgreement, a: Task, b: Task) -> None:
    quotes_a = [s for s in a.spans if s.label == QUOTE]
    quotes_b = [s for s in b.spans if s.label == QUOTE]
    speakers_a, speakers_b = _speakers(a), _speakers(b)
    names_a, names_b = _resolved_names(a), _resolved_names(b)
    for qa, qb in pair_spans(quotes_a, quotes_b, any_overlap):
        pair.quotes_matched += 1
        pair.same_quote_type += qa.quote_type == qb.quote_type
        said_a, said_b = speakers_a.get(qa.key, []), speakers_b.get(qb.key, [])
        if not said_a and not said_b:
            pair.same_speaker += 1
            continue
        same = any((x.start, x.end) == (y.start, y.end) or names_a[x.key] == names_b[y.key]
                   for x in said_a for y in said_b)
        pair.same_speaker += same


def _speakers(task: Task) -> dict[tuple[int, int, str], list[Span]]:
    said: dict[tuple[int, int, str], list[Span]] = {}
    for relation in task.relations:
        if relation.label == SAID_BY:
            said.setdefault(relation.head_span.key, []).append(relation.child_span)
    return said


def _resolved_names(task: Task) -> dict[tuple[int, int, str], str]:
    """Each SPEAKER's name: the text of the mention its COREF points to, else its own text."""
    names = {s.key: _normal(task.span_text(s)) for s in task.spans if s.label == SPEAKER}
    for relation in task.relations:
        if relation.label == COREF and relation.head_span.key in names:
            names[relation.head_span.key] = _normal(task.span_text(relation.child_span))
    return names


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _token_ranges(task: Task) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in task.tokens if not t.text.isspace()]


def _token_labels(task: Task, tokens: list[tuple[int, int]]) -> dict[str, list[str]]:
    layers = {layer: [OUTSIDE] * len(tokens) for layer in LAYERS}
    for span in task.spans:
        layer = "entity" if span.is_entity else next(k for k, v in _LAYER_LABELS.items() if v == span.label)
        tags = layers[layer]
        for i, (start, end) in enumerate(tokens):
            if start >= span.start and end <= span.end:
                tags[i] = span.label
    return layers


def _span_json(counts: SpanCounts) -> dict[str, Any]:
    return {"a": counts.a, "b": counts.b, "exact": counts.exact.ratios(), "overlap": counts.overlap.ratios()}
