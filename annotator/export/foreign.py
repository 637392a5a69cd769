"""Our tasks from other tools' records: character-offset spans and links between them, tokenized here.

doccano and Label Studio store spans as character offsets with no tokens. The text is tokenized
with spaCy's rules, and a token that a span starts or ends inside is split there, so every span
keeps exactly the characters the annotator chose. Offsets outside the text are an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Hashable, Iterable, Iterator, Mapping

import jsonlines

from annotator.core.invariants import check_task
from annotator.core.records import QUOTE, QUOTE_TYPES, RecordError, Relation, Span, Task, Token
from annotator.core.sources import BOM, InputError


@dataclass(frozen=True)
class ForeignSpan:
    start: int
    end: int
    label: str
    quote_type: str | None = None


def split_tokens(text: str, tokens: list[Token], edges: Iterable[int]) -> list[Token]:
    """``tokens`` with every token that an edge falls inside cut in two at that edge."""
    cuts = sorted(set(edges))
    out: list[Token] = []
    for token in tokens:
        inside = [c for c in cuts if token.start < c < token.end]
        bounds = [token.start, *inside, token.end]
        for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
            last = i == len(bounds) - 2
            out.append(Token(text[start:end], start, end, len(out), token.ws if last else False))
    return out


def build_task(text: str, spans: Mapping[Hashable, ForeignSpan], links: Iterable[tuple[Hashable, Hashable, str]],
               nlp: Any, *, meta: dict[str, Any] | None = None, extra: dict[str, Any] | None = None) -> Task:
    """A sound task from spans given by character offsets and links given by span keys."""
    for span in spans.values():
        if not 0 <= span.start < span.end <= len(text):
            raise RecordError(f"span {span.label} {span.start}-{span.end}: offsets outside the text "
                              f"(length {len(text)}) or empty")
        if span.quote_type is not None and (span.label != QUOTE or span.quote_type not in QUOTE_TYPES):
            raise RecordError(f"span {span.label} {span.start}-{span.end}: quote type {span.quote_type!r} "
                              f"(only a QUOTE has one: {', '.join(QUOTE_TYPES)})")
    doc = nlp.make_doc(text)
    tokens = [Token(t.text, t.idx, t.idx + len(t.text), t.i, bool(t.whitespace_)) for t in doc]
    tokens = split_tokens(text, tokens, [e for s in spans.values() for e in (s.start, s.end)])
    starts = {t.start: t.id for t in tokens}
    ends = {t.end: t.id for t in tokens}
    ours: dict[Hashable, Span] = {}
    for key, span in spans.items():
        if span.start not in starts or span.end not in ends:
            raise RecordError(f"span {span.label} {span.start}-{span.end} {text[span.start:span.end]!r} "
                              "starts or ends in whitespace")
        ours[key] = Span(span.start, span.end, starts[span.start], ends[span.end], span.label,
                         text=text[span.start:span.end], quote_type=span.quote_type)
    relations = [Relation(ours[head], ours[child], label) for head, child, label in links]
    unique = list({s.key: s for s in ours.values()}.values())
    task = Task(text=text, tokens=tokens, spans=sorted(unique, key=lambda s: (s.start, -s.end, s.label)),
                relations=list(dict.fromkeys(relations)), meta=meta or {}, extra=extra or {})
    check_task(task)
    return task


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each non-blank line of a JSONL file, via ``jsonlines``; a bad line
    raises ``InputError`` naming it."""
    current = 0
    with open(path, "rb") as stream:
        def lines() -> Iterator[bytes]:
            nonlocal current
            for current, line in enumerate(stream, start=1):
                yield line[len(BOM):] if current == 1 and line.startswith(BOM) else line

        reader = jsonlines.Reader(lines())
        try:
            # jsonlines reads one line per value, so the line last handed to it is the value's.
            for value in reader.iter(skip_empty=True):
                yield current, value
        except jsonlines.InvalidLineError as err:
            cause = err.__cause__
            reason = f"invalid JSON: {cause.msg} at column {cause.colno}" if hasattr(cause, "colno") \
                else err.message.split(" (line")[0]
            raise InputError(str(path), err.lineno, reason) from None
