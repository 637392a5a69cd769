"""Invariants every task must keep: offsets inside the text, spans on token edges, relations between spans of the task.

The rules between fields, stated here and nowhere else (the record structs hold each field's
kind; the schemas are generated from those). ``task_is_sound`` asks them all a column at a time,
``task_problems`` words each one that is broken, ``edit_keeps_sound`` asks them of what an edit
adds to a sound task. Checked when records are read and before every write; a violation is reported, never silently fixed.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter, is_not, le, lt, sub
from typing import Sequence

from annotator.core.records import (CUE, QUOTE, SPEAKER, STRUCTURE_LABELS, RecordError, Relation, Span, Suggestion,
                                    Task, Token)


def task_problems(task: Task) -> list[str]:
    """Every invariant the task breaks, as readable sentences (empty when the task is sound)."""
    if task_is_sound(task.text, task.tokens, task.spans, task.relations, task.suggestions):
        return []
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
    if not token_problems:
        problems.extend(_suggestion_problems(task))
    return problems


def _suggestion_problems(task: Task) -> list[str]:
    problems = []
    for index, suggestion in enumerate(task.suggestions):
        for part, label in _SUGGESTION_PARTS:
            span = getattr(suggestion, part)
            if span is None:
                continue
            where = f"suggestion {index}: {part} {span.label} {span.start}-{span.end}"
            if span.label != label:
                problems.append(f"{where}: a suggestion's {part} is labelled {label}")
            elif not _sound_alone(span, task.text, task.tokens):
                problems.append(f"{where}: not on token edges inside the text, or its 'text' is not the document's")
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
    for left, right in zip(entities, entities[1:], strict=False):
        if right.start < left.end:
            problems.append(f"entity spans overlap: {left.label} {left.start}-{left.end} "
                            f"and {right.label} {right.start}-{right.end}")
    return problems


def task_is_sound(text: str, tokens: list[Token], spans: list[Span], relations: list[Relation],
                  suggestions: Sequence[Suggestion] = ()) -> bool:
    """Whether a task keeps every invariant, asked a column at a time (all the spans' starts, all
    their ends, ...): the speed of ``validate`` and of every check before a write. True means
    ``task_problems`` finds nothing; on False it is ``task_problems`` that says what is wrong."""
    return _annotations_sound(text, tokens, spans, relations) and all(
        map(_suggestion_sound, suggestions, repeat(text), repeat(tokens)))


def _suggestion_sound(suggestion: Suggestion, text: str, tokens: list[Token]) -> bool:
    return all(span is None or (span.label == label and _sound_alone(span, text, tokens))
               for span, label in zip(_parts(suggestion), _LABELS, strict=True))


def _annotations_sound(text: str, tokens: list[Token], spans: list[Span], relations: list[Relation]) -> bool:
    if not text.strip():
        return False
    token_starts, token_ends = _token_offsets(text, tokens) if tokens else ([], [])
    if token_starts is None:
        return False
    if not spans:
        return not relations
    starts, ends = list(map(_start, spans)), list(map(_end, spans))
    try:
        # Token offsets ascend, so "token_start's start is the span's start" is the same as
        # "the span starts on a token start, and that token is token_start" (and so for ends).
        if (list(map(token_starts.__getitem__, map(_token_start, spans))) != starts
                or list(map(token_ends.__getitem__, map(_token_end, spans))) != ends):
            return False
    except IndexError:
        return False
    if not all(map(lt, starts, ends)):
        return False
    keys = set(map(_key, spans))
    if len(keys) != len(spans):
        return False
    labels = list(map(_label, spans))
    given = list(map(_text, spans))
    if None in given:
        kept = list(map(is_not, given, repeat(None)))
        given, starts_given, ends_given = (list(compress(c, kept)) for c in (given, starts, ends))
    else:
        starts_given, ends_given = starts, ends
    if list(map(len, given)) != list(map(sub, ends_given, starts_given)) or not all(
            map(text.startswith, given, starts_given)):
        return False
    if not set(compress(labels, map(is_not, map(_quote_type, spans), repeat(None)))) <= _QUOTE_ONLY:
        return False
    if span_overlap([(s, e) for s, e, label in zip(starts, ends, labels, strict=True) if label not in STRUCTURE_LABELS]):
        return False
    if not relations:
        return True
    # (A relation's head and child are its spans' token ends: the Relation struct checks that.)
    return (keys.issuperset(map(_key, map(_head_span, relations)))
            and keys.issuperset(map(_key, map(_child_span, relations))))


def edit_keeps_sound(before: Task, after: Task) -> bool:
    """Whether ``after`` keeps every invariant, given that ``before`` (same text and tokens) does:
    only the spans it adds are checked one by one, then the rules between spans (no duplicate, no
    overlapping entities, relations between spans of the task). False means "ask
    ``task_problems``", which is the definition; a property test holds the two together."""
    if after.text is not before.text or after.tokens is not before.tokens:
        return False
    text, tokens = after.text, after.tokens
    # An edit keeps the span objects it does not change: what is new is what was not there.
    old = set(map(id, before.spans))
    added = [s for s in after.spans if id(s) not in old]
    if not all(_sound_alone(span, text, tokens) for span in added):
        return False
    keys = {s.key for s in after.spans}
    if len(keys) != len(after.spans):
        return False
    if any(span.is_entity and _overlaps_an_entity(span, after.spans) for span in added):
        return False
    offered = set(map(id, before.suggestions))
    if not all(_suggestion_sound(s, text, tokens) for s in after.suggestions if id(s) not in offered):
        return False
    return all(r.head_span.key in keys and r.child_span.key in keys for r in after.relations)


def _sound_alone(span: Span, text: str, tokens: list[Token]) -> bool:
    """The rules of one span: on token edges, not empty, its ``text`` the text's, a type only on a QUOTE."""
    return (0 <= span.token_start <= span.token_end < len(tokens)
            and tokens[span.token_start].start == span.start and tokens[span.token_end].end == span.end
            and span.start < span.end
            and (span.text is None or text.startswith(span.text, span.start) and len(span.text) == span.end - span.start)
            and (span.quote_type is None or span.label == QUOTE))


def _overlaps_an_entity(span: Span, spans: list[Span]) -> bool:
    return any(other.is_entity and other is not span and other.start < span.end and span.start < other.end
               for other in spans)


def _token_offsets(text: str, tokens: list[Token]) -> tuple[list[int] | None, list[int]]:
    """The tokens' starts and ends when ids count from 0, offsets ascend without overlap inside
    the text and each token's text is there; (None, []) otherwise."""
    if list(map(_id, tokens)) != list(range(len(tokens))):
        return None, []
    starts, ends, texts = list(map(_start, tokens)), list(map(_end, tokens)), list(map(_text, tokens))
    # Each token is as long as its text, so start < end when no text is empty; the document has
    # the text at its start (so no token ends past the text): startswith compares in place.
    if (list(map(len, texts)) != list(map(sub, ends, starts)) or "" in texts
            or not all(map(le, ends, starts[1:])) or not all(map(text.startswith, texts, starts))):
        return None, []
    return starts, ends


def span_overlap(entities: list[tuple[int, int]]) -> bool:
    """Whether any two of these (start, end) ranges overlap."""
    entities.sort()
    return not all(map(le, [end for _, end in entities[:-1]], [start for start, _ in entities[1:]]))


_start, _end, _text, _label, _id = (attrgetter(name) for name in ("start", "end", "text", "label", "id"))
_token_start, _token_end, _quote_type = attrgetter("token_start"), attrgetter("token_end"), attrgetter("quote_type")
_head_span, _child_span = attrgetter("head_span"), attrgetter("child_span")
_key = attrgetter("start", "end", "label")
_QUOTE_ONLY = frozenset({QUOTE})
_SUGGESTION_PARTS = (("quote", QUOTE), ("cue", CUE), ("speaker", SPEAKER), ("replaces", QUOTE))
_LABELS = tuple(label for _, label in _SUGGESTION_PARTS)
_parts = attrgetter(*(part for part, _ in _SUGGESTION_PARTS))
