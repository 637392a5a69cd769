"""Our tasks from other tools' records: character-offset spans and links between them, tokenized here.

doccano and Label Studio store spans as character offsets with no tokens. The text is tokenized
with spaCy's rules, and a token that a span starts or ends inside is split there, so every span
keeps exactly the characters the annotator chose. Offsets outside the text are an error.
"""

from __future__ import annotations

from itertools import pairwise
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable, Iterable, Iterator, Mapping, Sequence

from annotator.core.invariants import check_task
from annotator.core.records import QUOTE, QUOTE_TYPES, RecordError, Relation, Span, Task, Token
from annotator.core.record_decoding import json_type
from annotator.core.sources import InputError, jsonl_lines, parse_line, refuse_special_file


@dataclass(frozen=True)
class ForeignSpan:
    start: int
    end: int
    label: str
    quote_type: str | None = None
    #: fields the other tool wrote on the span that our spans carry through (Prodigy's ``score``, ...)
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


def split_tokens(text: str, tokens: list[Token], edges: Iterable[int]) -> list[Token]:
    """``tokens`` with every token that an edge falls inside cut in two at that edge."""
    cuts = sorted(set(edges))
    out: list[Token] = []
    for token in tokens:
        inside = [c for c in cuts if token.start < c < token.end]
        bounds = [token.start, *inside, token.end]
        for i, (start, end) in enumerate(pairwise(bounds)):
            last = i == len(bounds) - 2
            out.append(Token(text[start:end], start, end, len(out), token.ws if last else False))
    return out


def build_task(text: str, spans: Mapping[Hashable, ForeignSpan], links: Iterable[tuple[Hashable, Hashable, str]],
               nlp: Any, *, meta: dict[str, Any] | None = None, extra: dict[str, Any] | None = None,
               tokens: Sequence[Token] | None = None, input_hash: int | None = None,
               task_hash: int | None = None, link_extra: Mapping[int, Mapping[str, Any]] | None = None) -> Task:
    """A sound task from spans given by character offsets and links given by span keys.

    ``tokens``: the record's own tokens (else the text is tokenized with ``nlp``); either way a
    token that a span starts or ends inside is split there. ``input_hash``/``task_hash``: hashes
    the record came with, kept as they are. ``link_extra``: fields of the n-th link to carry through.
    """
    for span in spans.values():
        if not 0 <= span.start < span.end <= len(text):
            raise RecordError(f"span {span.label} {span.start}-{span.end}: offsets outside the text "
                              f"(length {len(text)}) or empty")
        if span.quote_type is not None and (span.label != QUOTE or span.quote_type not in QUOTE_TYPES):
            raise RecordError(f"span {span.label} {span.start}-{span.end}: quote type {span.quote_type!r} "
                              f"(only a QUOTE has one: {', '.join(QUOTE_TYPES)})")
    if tokens is None:
        doc = nlp.make_doc(text)
        tokens = [Token(t.text, t.idx, t.idx + len(t.text), t.i, bool(t.whitespace_)) for t in doc]
    tokens = split_tokens(text, list(tokens), [e for s in spans.values() for e in (s.start, s.end)])
    starts = {t.start: t.id for t in tokens}
    ends = {t.end: t.id for t in tokens}
    ours: dict[Hashable, Span] = {}
    for key, span in spans.items():
        if span.start not in starts or span.end not in ends:
            raise RecordError(f"span {span.label} {span.start}-{span.end} {text[span.start:span.end]!r} "
                              "starts or ends in whitespace")
        ours[key] = Span(span.start, span.end, starts[span.start], ends[span.end], span.label,
                         text=text[span.start:span.end], quote_type=span.quote_type, **span.extra)
    link_extra = link_extra or {}
    relations = [Relation(ours[head], ours[child], label, **link_extra.get(number, {}))
                 for number, (head, child, label) in enumerate(links)]
    unique = list({s.key: s for s in ours.values()}.values())
    task = Task(text=text, tokens=tokens, spans=sorted(unique, key=lambda s: (s.start, -s.end, s.label)),
                relations=list(dict.fromkeys(relations)), meta=meta or {}, extra=extra or {},
                input_hash=input_hash, given_task_hash=task_hash)
    check_task(task)
    return task


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each non-blank line of a JSONL file, read as strictly as ``validate``
    reads ours: NaN, a lone surrogate, deep nesting, bad UTF-8 or a line that is not a JSON object
    raise ``InputError`` naming the line. A named pipe or device is refused before it is opened."""
    path = Path(path)
    refuse_special_file(path)
    with open(path, "rb") as stream:
        for number, raw, last in jsonl_lines(stream):
            record = parse_line(str(path), number, raw, last=last)
            if record is None:
                continue
            if record.error is not None:
                raise InputError(str(path), number, record.error)
            yield number, record.data


class SkipRecord(Exception):
    """A record with nothing to annotate (its text is only whitespace): left out and counted, not an error."""


def list_of_objects(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    """``data[name]`` as a list of JSON objects (none when absent), or a RecordError naming what it is."""
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise RecordError(f"'{name}' must be a list of objects, got {json_type(value)}")
    return value


def check_text(text: Any) -> str:
    """The record's text, if there is something in it to annotate."""
    if not isinstance(text, str):
        raise RecordError("the record needs 'text' (a string)")
    if not text.strip():
        raise SkipRecord("text is empty or only whitespace")
    return text
