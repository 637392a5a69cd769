"""Which decisions count: the newest one per input (and per annotator), found in two streaming passes.

Pass one reads every line but keeps only a small index (decision key → where its newest line is);
pass two streams the chosen lines again in file order. Memory grows with the number of
decisions kept, never with the size of the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from annotator.core.hash_clashes import HASH_CLASH_KEY, HashClashes, clash_message
from annotator.core.hashing import input_hash as hash_text
from annotator.core.invariants import check_task
from annotator.core.progress import Advance
from annotator.core.records import ANSWERS, STRUCTURE_LABELS, Annotation, RecordError
from annotator.core.sources import STDIN, InputError, NoticeHandler, RawRecord, iter_raw
from annotator.core.validation import check_record

#: How decisions are grouped into "one decision per input per ...": a record field, or None for per input.
GROUP_FIELDS = {"annotator": "_annotator_id", "session": "_session_id", "input": None}

#: who made a decision whose record names no annotator (or session)
UNKNOWN_GROUP = "unknown"


@dataclass(frozen=True)
class Decision:
    """One chosen decision: the record as read (for formats that copy it) and as checked."""

    raw: RawRecord
    annotation: Annotation
    #: who made it: the annotator (or session) the decisions are grouped by
    group: str


@dataclass
class DecisionIndex:
    """What pass one learned: which lines hold the newest decision of each key, and a few totals."""

    sources: list[str]
    group_field: str | None
    answers: tuple[str, ...]
    #: the place in the input (1 for the first record of the first file, and so on) of every chosen decision
    chosen: set[int] = field(default_factory=set)
    #: input hash → how many chosen decisions it has (one per annotator)
    decisions_per_input: dict[int, int] = field(default_factory=dict)
    #: every entity label seen in any record, so label ids can be fixed before writing starts
    entity_labels: set[str] = field(default_factory=set)
    records_read: int = 0
    #: answer → count over the newest decision of every key, before the answer filter
    newest_answers: dict[str, int] = field(default_factory=dict)
    #: place in the input → (the hash it goes by, the supplied one) for a record whose supplied
    #: ``_input_hash`` a different text carried first: it is another document, kept apart
    apart: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: records without an ``answer`` (tasks not yet decided, as ``import labelstudio`` writes for a
    #: task with only a prediction) left out of a file that has decisions
    tasks_left_out: int = 0

    @property
    def documents(self) -> list[int]:
        """Input hashes with at least one chosen decision, in the order first seen."""
        return list(self.decisions_per_input)

    def __len__(self) -> int:
        return len(self.chosen)


def check_sources(sources: Sequence[str | Path]) -> list[str]:
    """Decision files must be real files: they are read twice, so standard input cannot be used."""
    names = [str(s) for s in sources]
    if not names:
        raise InputError("-", None, "no annotation files given")
    for name in names:
        if name == STDIN:
            raise InputError(name, None, "this command reads its input twice and cannot read "
                             "standard input; save it to a file first")
        if not Path(name).exists():
            raise InputError(name, None, "no such file or folder")
    return names


def index_decisions(sources: Sequence[str | Path], *, answers: Iterable[str] = ("accept",),
                    group_by: str = "annotator", progress: Advance | None = None,
                    on_notice: NoticeHandler | None = None) -> DecisionIndex:
    """Pass one: find the newest decision per input (per ``group_by``) whose answer is in ``answers``.

    Newest means the highest ``_timestamp``; on a tie, the later line (files in the order given).
    A later ``reject`` therefore hides an earlier ``accept`` of the same input by the same annotator.
    An input is its text: a record whose supplied ``_input_hash`` a different text carried first
    is another document, kept apart under a hash of its own (``on_notice`` hears of it).
    """
    answers = tuple(answers)
    for answer in answers:
        if answer not in ANSWERS:
            raise RecordError(f"unknown answer {answer!r}; choose from {', '.join(ANSWERS)}")
    if group_by not in GROUP_FIELDS:
        raise RecordError(f"unknown grouping {group_by!r}; choose from {', '.join(GROUP_FIELDS)}")
    names = check_sources(sources)
    group_field = GROUP_FIELDS[group_by]
    # key → (timestamp, order, answer, input hash): a few numbers per decision, no records.
    newest: dict[tuple[int, Any], tuple[int, int, str, int]] = {}
    index = DecisionIndex(sources=names, group_field=group_field, answers=answers)
    clashes = HashClashes()
    order = 0
    first_task: RawRecord | None = None
    for name in names:
        for raw in iter_raw(name):
            order += 1
            data = _decision_data(raw)
            if data is None:
                first_task = first_task or raw
                index.tasks_left_out += 1
                continue
            hash_ = _input_hash(raw, data, clashes, index.apart, order, on_notice)
            key = (hash_, data.get(group_field) if group_field else None)
            timestamp = _timestamp(data)
            current = newest.get(key)
            if current is None or (timestamp, order) >= current[:2]:
                newest[key] = (timestamp, order, data["answer"], hash_)
            _add_entity_labels(index.entity_labels, data)
            if progress is not None:
                progress(1)
    index.records_read = order
    if first_task is not None and not newest:
        raise first_task.input_error("the record has no 'answer': this is a task or a document, not a "
                                     "decision; give the annotations file that 'annotator annotate' writes")
    if first_task is not None and on_notice is not None:
        on_notice(first_task.input_error(f"{index.tasks_left_out} record(s) without an 'answer' (tasks, not "
                                         "decisions) left out; this is the first"))
    _choose(index, newest)
    return index


def _input_hash(raw: RawRecord, data: dict[str, Any], clashes: HashClashes, apart: dict[int, tuple[int, int]],
                order: int, on_notice: NoticeHandler | None) -> int:
    """The hash the record's input goes by: its ``_input_hash`` (else its text's), unless a
    different text carried that hash first: then one of its own, noted in ``apart``."""
    supplied = data.get("_input_hash")
    if not isinstance(supplied, int) or isinstance(supplied, bool):
        supplied = hash_text(data["text"], data)
    hash_, first = clashes.place(supplied, data["text"], data, (raw.file, raw.line))
    if first is not None:
        apart[order] = (hash_, supplied)
        if on_notice is not None:
            on_notice(raw.input_error(clash_message(supplied, first, hash_)))
    return hash_


def _timestamp(data: dict[str, Any]) -> int:
    timestamp = data.get("_timestamp")
    return timestamp if isinstance(timestamp, int) and not isinstance(timestamp, bool) else 0


def _add_entity_labels(labels: set[str], data: dict[str, Any]) -> None:
    for span in data.get("spans") or ():
        if isinstance(span, dict) and isinstance(span.get("label"), str) and span["label"] not in STRUCTURE_LABELS:
            labels.add(span["label"])


def _choose(index: DecisionIndex, newest: dict[tuple[int, Any], tuple[int, int, str, int]]) -> None:
    """Count the newest decision of every key by answer; choose those whose answer is wanted."""
    for _, order, answer, hash_ in sorted(newest.values(), key=lambda entry: entry[1]):
        index.newest_answers[answer] = index.newest_answers.get(answer, 0) + 1
        if answer in index.answers:
            index.chosen.add(order)
            index.decisions_per_input[hash_] = index.decisions_per_input.get(hash_, 0) + 1


def iter_decisions(index: DecisionIndex, *, progress: Advance | None = None) -> Iterator[Decision]:
    """Pass two: the chosen decisions in file order, each checked against the record invariants."""
    order = 0
    for name in index.sources:
        for raw in iter_raw(name):
            order += 1
            if order not in index.chosen:
                continue
            try:
                annotation = Annotation.from_dict(raw.data)
                check_task(annotation.task)
            except RecordError as err:
                raise raw.input_error(str(err)) from None
            if order in index.apart:
                annotation.task.input_hash, annotation.task.meta[HASH_CLASH_KEY] = index.apart[order]
            if progress is not None:
                progress(1)
            group = raw.data.get(index.group_field) if index.group_field else annotation.annotator_id
            # Prodigy may leave out the annotator or write a null session.
            yield Decision(raw, annotation, UNKNOWN_GROUP if group is None else str(group))


def _decision_data(raw: RawRecord) -> dict[str, Any] | None:
    """The record as a decision, None for a task (no ``answer``); a broken record is an error."""
    if raw.error is not None:
        hint = ""
        if raw.line == 1 and ("UTF-8" in raw.error or "invalid JSON" in raw.error):
            hint = " (is this a JSONL file of annotations? export reads what 'annotator annotate' writes)"
        raise raw.input_error(raw.error + hint)
    data = raw.data
    if "answer" not in data:
        return None
    if data["answer"] not in ANSWERS:
        raise raw.input_error(f"'answer' must be one of {', '.join(ANSWERS)}, got {data['answer']!r}")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise raw.input_error("the record has no 'text'")
    check_record(raw)  # as strict as validate: every line, chosen or not
    return data
