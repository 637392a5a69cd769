"""Scoring pre-labels against gold tasks: entities per label, quotes, and attributed quotes.

A quote that runs over paragraphs is one span in some gold files but one span per paragraph in our
records (the documented design): with overlap matching, the pieces inside such a gold quote that
together cover at least half of it count as one found quote, and no piece counts as invented.
Exact matching stays strict. The other way round, a corpus that gives each sentence of a long
quote its own attribution (PolNeAR) has several gold quotes inside one of ours: consecutive ones
(nothing but spaces and punctuation between them) that together cover at least half of it are
each found by it, and it is not counted twice.

Per quote type (``by_kind``), quotes are matched as for all kinds together, then counted by kind:
recall over the gold quotes of that kind, precision over the predicted quotes of that kind, so a
quote found with another type counts as found for both sides' kinds.

Gold quotes listed in the task's ``meta["optional"]`` (``[[start, end], ...]``, borderline
reported speech) count neither way: missing one costs nothing and finding one earns nothing.
"""

from __future__ import annotations

from itertools import pairwise
from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator.core.progress import Advance
from annotator.core.records import COREF, QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER, Span, Task
from annotator.measure.spans import OVERLAP, Score, overlap_match, pair_spans, score_spans
from annotator.nlp.word_lists import word_set  # not name_words: it imports spaCy, which the CLI starts without

@dataclass
class KindScore:
    """Quotes of one type: recall over the gold's quotes of that type, precision over the
    prediction's; each side's quote counts as found whatever type the other side gave it."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_right: int = 0

    def count_gold(self, found: bool) -> None:
        self.gold += 1
        self.gold_found += found

    def count_predicted(self, right: bool) -> None:
        self.predicted += 1
        self.predicted_right += right

    def add(self, other: KindScore) -> None:
        """Count ``other``'s quotes too (as ``Score.add``)."""
        self.gold += other.gold
        self.gold_found += other.gold_found
        self.predicted += other.predicted
        self.predicted_right += other.predicted_right

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "gold": self.gold, "gold_found": self.gold_found, "predicted": self.predicted,
                "predicted_right": self.predicted_right}


#: What ``by_kind`` scores for each quote type.
KIND_MEASURES = ("quotes", "attributed")


def _kind_table() -> dict[str, dict[str, KindScore]]:
    return {kind: {measure: KindScore() for measure in KIND_MEASURES} for kind in QUOTE_TYPES}


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
    #: quote type → {"quotes": overlap-matched quotes, "attributed": with the right speaker}
    by_kind: dict[str, dict[str, KindScore]] = field(default_factory=_kind_table)

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

    def kind_rows(self) -> list[tuple[str, KindScore]]:
        return [(f"{measure} {kind}", scores[measure]) for measure in KIND_MEASURES
                for kind, scores in self.by_kind.items()]

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
            "by_kind": {kind: {m: s.to_dict() for m, s in scores.items()} for kind, scores in self.by_kind.items()},
        }


def evaluate(gold: Iterable[Task], predicted: Iterable[Task], *, progress: Advance | None = None) -> Evaluation:
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
        if progress is not None:
            progress(1)
    return result


def score_task(gold: Task, pred: Task, result: Evaluation, labels: set[str]) -> None:
    for label in labels:
        result.entities[label].add(score_spans([s for s in gold.spans if s.label == label],
                                               [s for s in pred.spans if s.label == label]))
    gold_quotes, pred_quotes = _scored_quotes(gold, pred)
    exact = {(s.start, s.end) for s in gold_quotes} & {(s.start, s.end) for s in pred_quotes}
    result.quotes_exact.add(Score(len(exact), len(pred_quotes) - len(exact), len(gold_quotes) - len(exact)))

    pairs, pieces = match_quotes_with_pieces(gold.text, gold_quotes, pred_quotes)
    pred_quotes = [q for q in pred_quotes if q.key not in pieces]
    # A predicted quote may stand for several gold sentence pieces: true positives count gold
    # quotes found, false positives predicted quotes that found none.
    paired_pred = {p.key for _, p in pairs}
    unpaired = sum(1 for q in pred_quotes if q.key not in paired_pred)
    result.quotes_overlap.add(Score(len(pairs), unpaired, len(gold_quotes) - len(pairs)))

    gold_attr = speakers_of(gold)
    pred_attr = _with_pieces_speakers(speakers_of(pred), pieces)
    _score_attribution(result, gold_quotes, pred_quotes, pairs, gold_attr, pred_attr)
    _score_kinds(result.by_kind, gold_quotes, pred_quotes, pairs, gold_attr, pred_attr)


def _scored_quotes(gold: Task, pred: Task) -> tuple[list[Span], list[Span]]:
    """The gold quotes that count, and the predicted ones: a gold quote marked optional
    (``meta.optional``) is neither to be found nor, when a prediction overlaps it, invented."""
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    gold_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) not in optional]
    optional_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) in optional]
    pred_quotes = [s for s in pred.spans if s.label == QUOTE
                   and not any(overlap_match(s, o) for o in optional_quotes)]
    return gold_quotes, pred_quotes


def _with_pieces_speakers(attributions: dict, pieces: dict[tuple, tuple]) -> dict:
    """``attributions`` with each piece's speakers added to those of the quote it is a piece of."""
    for piece_key, head_key in pieces.items():
        if piece_key in attributions:
            attributions.setdefault(head_key, [])
            attributions[head_key] = attributions[head_key] + attributions[piece_key]
    return attributions


def _score_attribution(result: Evaluation, gold_quotes: list[Span], pred_quotes: list[Span],
                       pairs: list[tuple[Span, Span]], gold_attr: dict, pred_attr: dict) -> None:
    """Paired quotes with the same speaker (``attributed``) and the same person (``resolved``)."""
    attributed_gold = [q for q in gold_quotes if q.key in gold_attr]
    attributed_pred = [q for q in pred_quotes if q.key in pred_attr]
    for score, same in ((result.attributed, same_speaker), (result.resolved, same_person)):
        right = [(g, p) for g, p in pairs if g.key in gold_attr and p.key in pred_attr
                 and same(gold_attr[g.key], pred_attr[p.key])]
        right_pred = {p.key for _, p in right}
        wrong = sum(1 for q in attributed_pred if q.key not in right_pred)
        score.add(Score(len(right), wrong, len(attributed_gold) - len(right)))


def _score_kinds(table: dict[str, dict[str, KindScore]], gold_quotes: list[Span], pred_quotes: list[Span],
                 pairs: list[tuple[Span, Span]], gold_attr: dict, pred_attr: dict) -> None:
    found = {g.key for g, _ in pairs}
    right = {p.key for _, p in pairs}
    attributed_pairs = [(g, p) for g, p in pairs if g.key in gold_attr and p.key in pred_attr
                        and same_speaker(gold_attr[g.key], pred_attr[p.key])]
    found_attributed = {g.key for g, _ in attributed_pairs}
    right_attributed = {p.key for _, p in attributed_pairs}
    _count_kinds(table, gold_quotes, gold_attr, found, found_attributed, KindScore.count_gold)
    _count_kinds(table, pred_quotes, pred_attr, right, right_attributed, KindScore.count_predicted)


def _count_kinds(table: dict[str, dict[str, KindScore]], quotes: list[Span], attributed: dict,
                 hits: set, attributed_hits: set, count: Callable[[KindScore, bool], None]) -> None:
    """One side's quotes into ``table`` by type: every quote under "quotes", an attributed one also
    under "attributed"; ``count`` is the side's tally (gold: found; prediction: right)."""
    for quote in quotes:
        scores = table.setdefault(quote.quote_type or "direct", {m: KindScore() for m in KIND_MEASURES})
        count(scores["quotes"], quote.key in hits)
        if quote.key in attributed:
            count(scores["attributed"], quote.key in attributed_hits)


def match_quotes(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping quotes, largest overlaps first."""
    return pair_spans(gold, pred, overlap_match)


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
    pairs.extend(_sentence_pieces(text, gold, [p for p in pred if p.key not in pieces], pairs))
    return pairs, pieces


def _sentence_pieces(text: str, gold: list[Span], pred: list[Span], pairs: list[tuple[Span, Span]]
                     ) -> list[tuple[Span, Span]]:
    """Gold quotes that are consecutive pieces of one predicted quote (only spaces and punctuation
    between them; PolNeAR gives each sentence of a long quote its own attribution) and together
    cover at least half of it: each is found by that quote, which is not counted twice."""
    partner = {p.key: g for g, p in pairs}
    paired_gold = {g.key for g, _ in pairs}
    extra = []
    for p in pred:
        run = sorted((g for g in gold if _mostly_inside(g, p)
                      and (g.key not in paired_gold or (p.key in partner and partner[p.key].key == g.key))),
                     key=lambda g: g.start)
        if len(run) < 2 or (p.key in partner and partner[p.key] not in run):
            continue
        if any(any(c.isalnum() for c in text[a.end:b.start]) for a, b in pairwise(run)):
            continue  # words between them: "“A,” he said. “B.”" is two quotes, not one
        covered = sum(min(g.end, p.end) - max(g.start, p.start) for g in run)
        if covered < OVERLAP * (p.end - p.start):
            continue
        for g in run:
            if g.key not in paired_gold:
                extra.append((g, p))
                paired_gold.add(g.key)
    return extra


def _mostly_inside(piece: Span, whole: Span) -> bool:
    shared = min(piece.end, whole.end) - max(piece.start, whole.start)
    return shared > 0 and shared >= OVERLAP * (piece.end - piece.start)


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker mention and the name it resolves to (the COREF target, else itself)."""

    speaker: Span
    name: str
    #: the speaker's own text (``name`` differs when a COREF relation resolves it)
    mention: str = ""


def speakers_of(task: Task) -> dict[tuple[int, int, str], list[Attribution]]:
    resolved = {r.head_span.key: task.span_text(r.child_span) for r in task.relations
                if r.label == COREF and r.head_span.label == SPEAKER}
    out: dict[tuple[int, int, str], list[Attribution]] = {}
    for rel in task.relations:
        if rel.label == SAID_BY and rel.head_span.label == QUOTE:
            speaker = rel.child_span
            mention = task.span_text(speaker)
            out.setdefault(rel.head_span.key, []).append(Attribution(speaker, resolved.get(speaker.key, mention),
                                                                     mention))
    return out


def same_speaker(gold: list[Attribution], pred: list[Attribution]) -> bool:
    """The speaker spans overlap, or the names (or the mentions) name the same person."""
    for g in gold:
        for p in pred:
            if g.speaker.start < p.speaker.end and p.speaker.start < g.speaker.end:
                return True
            if _same_name(g.name, p.name) or _same_name(g.name, p.mention) or _same_name(g.mention, p.name):
                return True
    return False


def same_person(gold: list[Attribution], pred: list[Attribution]) -> bool:
    """The speakers resolve to the same name; a gold speaker that names nobody else matches by span."""
    for g in gold:
        for p in pred:
            if _same_name(g.name, p.name):
                return True
            if _normal(g.name) == _normal(g.mention) and g.speaker.start < p.speaker.end \
                    and p.speaker.start < g.speaker.end:
                return True
    return False


#: Mentions that name nobody by themselves: equal text is not the same person.
_PRONOUNS = frozenset("i you he she it we they me him her us them his hers its our their who".split())


def _same_name(a: str, b: str) -> bool:
    """The same name, or one a part of the other (titles aside) ending on the same surname: a
    corpus' speaker is the mention nearest the quote ("Okonjo", "Dr. Okonjo"), ours may be another
    mention of the same name or resolve to the fullest one ("Ruth Okonjo")."""
    if _normal(a) == _normal(b):
        return True
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b or words_a[-1] != words_b[-1]:
        return False
    if _titled_apart(words_a, words_b):
        return False
    set_a, set_b = _untitled(words_a), _untitled(words_b)
    return set_a <= set_b or set_b <= set_a


def _titled_apart(words_a: list[str], words_b: list[str]) -> bool:
    """Titles of the two sexes ("Mrs. Okonjo", "Mr. Okonjo"): two people of one family name."""
    male, female = word_set("MALE_TITLES"), word_set("FEMALE_TITLES")
    return any(set(words_a) & first and set(words_b) & second for first, second in ((male, female), (female, male)))


def _untitled(words: list[str]) -> set[str]:
    """A name's words without the titles before its surname: "Mr. Okonjo" is a part of "Ruth Okonjo"."""
    titles = word_set("TITLES")
    return {word for word in words[:-1] if word not in titles} | {words[-1]}


def _name_words(name: str) -> list[str]:
    words = [w.strip(".,;:“”\"'‘’").casefold() for w in name.split() if w[:1].isupper()]
    words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words if w]
    return [] if not words or words[-1] in _PRONOUNS else words


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())
