"""Scoring pre-labels against gold tasks: entities per label, quotes, and attributed quotes.

A quote that runs over paragraphs is one span in some gold files but one span per paragraph in our
records (the documented design): with overlap matching, the pieces inside such a gold quote that
together cover at least half of it count as one found quote, and no piece counts as invented.
Exact matching stays strict.

Gold quotes listed in the task's ``meta["optional"]`` (``[[start, end], ...]``, borderline
reported speech) count neither way: missing one costs nothing and finding one earns nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.records import COREF, QUOTE, SAID_BY, SPEAKER, Span, Task

#: A predicted quote matches a gold one when they share at least this share of the longer span.
OVERLAP = 0.5


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    """Scores summed over documents; ``entities`` only for labels the gold annotates."""

    documents: int = 0
    missing: int = 0
    entities: dict[str, Score] = field(default_factory=dict)
    quotes_exact: Score = field(default_factory=Score)
    quotes_overlap: Score = field(default_factory=Score)
    attributed: Score = field(default_factory=Score)
    #: Stricter than ``attributed``: the speaker must resolve to the gold's name (a pronoun's span
    #: overlapping the gold pronoun is not enough); unresolved descriptions still match by span.
    resolved: Score = field(default_factory=Score)

    @property
    def entities_total(self) -> Score:
        total = Score()
        for score in self.entities.values():
            total.add(score)
        return total

    def rows(self) -> list[tuple[str, Score]]:
        rows = [(f"entity {label}", score) for label, score in sorted(self.entities.items())]
        rows.append(("entities (all labels)", self.entities_total))
        rows.append(("quotes (exact)", self.quotes_exact))
        rows.append(("quotes (overlap ≥50%)", self.quotes_overlap))
        rows.append(("attributed quotes", self.attributed))
        rows.append(("speaker resolved", self.resolved))
        return rows

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "missing_predictions": self.missing,
            "entities": {label: s.to_dict() for label, s in sorted(self.entities.items())},
            "entities_total": self.entities_total.to_dict(),
            "quotes_exact": self.quotes_exact.to_dict(),
            "quotes_overlap": self.quotes_overlap.to_dict(),
            "attributed_quotes": self.attributed.to_dict(),
            "speaker_resolved": self.resolved.to_dict(),
        }


def evaluate(gold: Iterable[Task], predicted: Iterable[Task]) -> Evaluation:
    """Score every gold task against the prediction with the same input hash, else the same text
    (files hashed by different versions), none: all missed."""
    predicted = list(predicted)
    by_hash = {task.input_hash: task for task in predicted}
    by_text = {task.text: task for task in predicted}
    gold = list(gold)
    labels = {s.label for task in gold for s in task.spans if s.is_entity}
    result = Evaluation(entities={label: Score() for label in labels})
    for gold_task in gold:
        pred_task = by_hash.get(gold_task.input_hash) or by_text.get(gold_task.text)
        result.documents += 1
        if pred_task is None:
            result.missing += 1
            pred_task = Task(text=gold_task.text, input_hash=gold_task.input_hash)
        score_task(gold_task, pred_task, result, labels)
    return result


def score_task(gold: Task, pred: Task, result: Evaluation, labels: set[str]) -> None:
    for label in labels:
        g = {s.key for s in gold.spans if s.label == label}
        p = {s.key for s in pred.spans if s.label == label}
        result.entities[label].add(Score(len(g & p), len(p - g), len(g - p)))

    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    gold_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) not in optional]
    optional_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) in optional]
    pred_quotes = [s for s in pred.spans if s.label == QUOTE
                   and not any(overlap_match(s, o) for o in optional_quotes)]

    exact = {(s.start, s.end) for s in gold_quotes} & {(s.start, s.end) for s in pred_quotes}
    result.quotes_exact.add(Score(len(exact), len(pred_quotes) - len(exact), len(gold_quotes) - len(exact)))

    pairs, pieces = match_quotes_with_pieces(gold.text, gold_quotes, pred_quotes)
    pred_quotes = [q for q in pred_quotes if q.key not in pieces]
    result.quotes_overlap.add(Score(len(pairs), len(pred_quotes) - len(pairs), len(gold_quotes) - len(pairs)))

    gold_attr = speakers_of(gold)
    pred_attr = speakers_of(pred)
    for piece_key, head_key in pieces.items():
        if piece_key in pred_attr:
            pred_attr.setdefault(head_key, [])
            pred_attr[head_key] = pred_attr[head_key] + pred_attr[piece_key]
    attributed_gold = [q for q in gold_quotes if q.key in gold_attr]
    attributed_pred = [q for q in pred_quotes if q.key in pred_attr]
    right = sum(1 for g, p in pairs if g.key in gold_attr and p.key in pred_attr
                and same_speaker(gold_attr[g.key], pred_attr[p.key]))
    result.attributed.add(Score(right, len(attributed_pred) - right, len(attributed_gold) - right))
    resolved = sum(1 for g, p in pairs if g.key in gold_attr and p.key in pred_attr
                   and same_person(gold_attr[g.key], pred_attr[p.key]))
    result.resolved.add(Score(resolved, len(attributed_pred) - resolved, len(attributed_gold) - resolved))


def overlap_match(a: Span, b: Span) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared >= OVERLAP * max(a.end - a.start, b.end - b.start)


def match_quotes(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping quotes, largest overlaps first."""
    candidates = []
    for g in gold:
        for p in pred:
            if overlap_match(g, p):
                candidates.append((min(g.end, p.end) - max(g.start, p.start), g.key, p.key, g, p))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set = set()
    used_p: set = set()
    pairs = []
    for _, gk, pk, g, p in candidates:
        if gk in used_g or pk in used_p:
            continue
        used_g.add(gk)
        used_p.add(pk)
        pairs.append((g, p))
    return pairs


def match_quotes_with_pieces(text: str, gold: list[Span], pred: list[Span]
                             ) -> tuple[list[tuple[Span, Span]], dict[tuple, tuple]]:
    """``match_quotes``, then per-paragraph pieces of a gold quote that spans paragraphs: returns the
    pairs (a piece stands for the whole) and ``{piece key: key of the piece paired}`` for the pieces
    that are part of a found quote and so count neither as found nor as invented."""
    pairs = match_quotes(gold, pred)
    paired_gold = {g.key: p for g, p in pairs}
    paired_pred = {p.key for _, p in pairs}
    pieces: dict[tuple, tuple] = {}
    for g in gold:
        if "\n" not in text[g.start:g.end]:
            continue
        inside = [p for p in pred if p.key not in pieces and _mostly_inside(p, g)
                  and (p.key not in paired_pred or (g.key in paired_gold and paired_gold[g.key].key == p.key))]
        if g.key in paired_gold:
            head = paired_gold[g.key]
        else:
            covered = sum(min(p.end, g.end) - max(p.start, g.start) for p in inside)
            if not inside or covered < OVERLAP * (g.end - g.start):
                continue
            head = inside[0]
            pairs.append((g, head))
            paired_pred.add(head.key)
        for p in inside:
            if p.key != head.key:
                pieces[p.key] = head.key
    return pairs, pieces


def _mostly_inside(piece: Span, whole: Span) -> bool:
    shared = min(piece.end, whole.end) - max(piece.start, whole.start)
    return shared > 0 and shared >= OVERLAP * (piece.end - piece.start)


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker mention and the name it resolves to (the COREF target, else itself)."""

    speaker: Span
    name: str


def speakers_of(task: Task) -> dict[tuple[int, int, str], list[Attribution]]:
    resolved = {r.head_span.key: task.span_text(r.child_span) for r in task.relations
                if r.label == COREF and r.head_span.label == SPEAKER}
    out: dict[tuple[int, int, str], list[Attribution]] = {}
    for rel in task.relations:
        if rel.label == SAID_BY and rel.head_span.label == QUOTE:
            speaker = rel.child_span
            name = resolved.get(speaker.key, task.span_text(speaker))
            out.setdefault(rel.head_span.key, []).append(Attribution(speaker, name))
    return out


def same_speaker(gold: list[Attribution], pred: list[Attribution]) -> bool:
    for g in gold:
        for p in pred:
            if g.speaker.start < p.speaker.end and p.speaker.start < g.speaker.end:
                return True
            if _normal(g.name) == _normal(p.name):
                return True
    return False


def same_person(gold: list[Attribution], pred: list[Attribution]) -> bool:
    """The speakers resolve to the same name; a gold speaker that names nobody else matches by span."""
    for g in gold:
        for p in pred:
            if _normal(g.name) == _normal(p.name):
                return True
            if _normal(g.name) == _normal(g.speaker.text) and g.speaker.start < p.speaker.end \
                    and p.speaker.start < g.speaker.end:
                return True
    return False


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())
