"""Invariants every task must keep: offsets inside the text, spans on token edges, relations between spans of the task.

Checked when records are read and before every write; a violation is reported, never silently fixed.
"""

from __future__ import annotations

from annotator.core.records import QUOTE, RecordError, Span, Task


def task_problems(task: Task) -> list[str]:
    """Every invariant the task breaks, as readable sentences (empty when the task is sound)."""
    problems: list[str] = []
    n = len(task.text)
    problems.extend(_token_problems(task))
    starts = {t.start: t.id for t in task.tokens}
    ends = {t.end: t.id for t in task.tokens}
    token_problems = bool(problems)
    seen: set[tuple[int, int, str]] = set()
    for span in task.spans:
        where = f"span {span.label} {span.start}-{span.end}"
        if not 0 <= span.start < span.end <= n:
            problems.append(f"{where}: offsets outside the text (length {n}) or empty")
            continue
        if span.key in seen:
            problems.append(f"{where}: duplicate span")
        seen.add(span.key)
        if span.text is not None and span.text != task.text[span.start:span.end]:
            problems.append(f"{where}: 'text' is {span.text!r} but the document has "
                            f"{task.text[span.start:span.end]!r} there")
        if span.label != QUOTE and span.quote_type is not None:
            problems.append(f"{where}: only QUOTE spans have 'quote_type'")
        if token_problems:
            continue
        if not task.tokens:
            problems.append(f"{where}: the task has spans but no tokens")
            token_problems = True
            continue
        if span.start not in starts:
            problems.append(f"{where}: start {span.start} is not on a token start")
        elif starts[span.start] != span.token_start:
            problems.append(f"{where}: token_start is {span.token_start} but offset {span.start} "
                            f"starts token {starts[span.start]}")
        if span.end not in ends:
            problems.append(f"{where}: end {span.end} is not on a token end")
        elif ends[span.end] != span.token_end:
            problems.append(f"{where}: token_end is {span.token_end} but offset {span.end} "
                            f"ends token {ends[span.end]}")
    problems.extend(_entity_overlaps(task.spans))
    keys = {s.key for s in task.spans}
    for rel in task.relations:
        for end, span in (("head", rel.head_span), ("child", rel.child_span)):
            if span.key not in keys:
                problems.append(f"relation {rel.label}: {end} span {span.label} {span.start}-{span.end} "
                                "is not a span of the task")
    return problems


def check_task(task: Task) -> None:
    """Raise ``RecordError`` naming the first broken invariants."""
    problems = task_problems(task)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise RecordError("; ".join(problems[:3]) + more)


def _token_problems(task: Task) -> list[str]:
    previous_end = 0
    for index, token in enumerate(task.tokens):
        where = f"token {index}"
        if token.id != index:
            return [f"{where}: 'id' is {token.id}, expected {index}"]
        if not previous_end <= token.start < token.end <= len(task.text):
            return [f"{where}: offsets {token.start}-{token.end} out of order or outside the text"]
        if task.text[token.start:token.end] != token.text:
            return [f"{where}: 'text' is {token.text!r} but the document has "
                    f"{task.text[token.start:token.end]!r} there"]
        previous_end = token.end
    return []


def _entity_overlaps(spans: list[Span]) -> list[str]:
    entities = sorted((s for s in spans if s.is_entity), key=lambda s: (s.start, s.end))
    problems = []
    for left, right in zip(entities, entities[1:]):
        if right.start < left.end:
            problems.append(f"entity spans overlap: {left.label} {left.start}-{left.end} "
                            f"and {right.label} {right.start}-{right.end}")
    return problems
