"""Questions asked of one task's spans while editing it: text order, overlap, the type a new quote
most likely has, and the candidates the pickers offer (speakers, the entity a speaker is, cues),
nearest first. Plain functions over a ``Task``; they never change it."""

from __future__ import annotations

import re
from typing import Iterable

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, QUOTE_TYPES, SPEAKER, Span, Task

#: Entity labels a speaker can be resolved to.
SPEAKER_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Words that can speak for a quote without being an entity (offered by the speaker picker).
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_OPENING_MARKS = ('"', "“", "„", "«", "‘")
_CLOSING_MARKS = ('"', "”", "“", "»", "’")
#: How far (in tokens) from a quote the speaker picker looks for plausible speakers first.
SPEAKER_WINDOW = 60


def span_at_tokens(spans: Iterable[Span], token_start: int, token_end: int, label: str) -> Span | None:
    """The span of ``spans`` over exactly these tokens with this label, if there is one."""
    return next((s for s in spans if (s.token_start, s.token_end, s.label) == (token_start, token_end, label)), None)


def span_order(span: Span) -> tuple[int, int, str]:
    """Text order: by start, longer first, so a quote comes before the entities inside it."""
    return (span.start, -span.end, span.label)


class SpansInOrder:
    """A task's spans in text order, sorted once per list: an edit puts a new list in the task, and
    every key between edits reads the order (thousands of spans in a long document)."""

    def __init__(self) -> None:
        self._of: list[Span] | None = None
        self.spans: list[Span] = []
        #: each span object's place in ``spans``, by its id
        self.index: dict[int, int] = {}

    def of(self, spans: list[Span]) -> list[Span]:
        """``spans`` in text order (the kept list: not to be changed)."""
        if self._of is not spans or len(self.spans) != len(spans):
            self._of, self.spans = spans, sorted(spans, key=span_order)
            self.index = {id(span): place for place, span in enumerate(self.spans)}
        return self.spans


def describe(task: Task, span: Span) -> str:
    """A span as messages name it: ``QUOTE 'the levy will fall…'``."""
    text = task.span_text(span)
    if len(text) > 30:
        text = text[:29] + "…"
    return f"{span.label} '{text}'"


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a.start < b.end and b.start < a.end


def token_distance(span: Span, other: Span) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    if span.token_end < other.token_start:
        return other.token_start - span.token_end
    return max(span.token_start - other.token_end, 0)


def paragraph_of(task: Task, offset: int) -> int:
    """Which paragraph (counted by line breaks) a character offset is in."""
    return task.text.count("\n", 0, offset)


def word_token_after(task: Task, token: int, step: int) -> int | None:
    """The next token from ``token`` in ``step`` direction that is not whitespace, or None at the edge."""
    position = token + step
    while 0 <= position < len(task.tokens):
        if task.tokens[position].text.strip():
            return position
        position += step
    return None


def make_span(task: Task, token_start: int, token_end: int, label: str, quote_type: str | None = None) -> Span:
    """A span of ``task`` over tokens ``token_start..token_end`` (inclusive), not added to it."""
    tokens = task.tokens
    start, end = tokens[token_start].start, tokens[token_end].end
    if label == QUOTE and quote_type is None:
        quote_type = QUOTE_TYPES[0]
    return Span(start, end, token_start, token_end, label, text=task.text[start:end],
                quote_type=quote_type if label == QUOTE else None)


def linked(task: Task, head: Span, label: str) -> Span | None:
    """The child of ``head``'s first relation with this label (a quote's speaker or cue, a
    speaker's entity)."""
    for rel in task.relations:
        if rel.label == label and rel.head_span == head:
            return rel.child_span
    return None


def quote_type_for(task: Task, token_start: int, token_end: int) -> str:
    """The type a new quote over these tokens most likely has: direct inside quote marks, mixed
    when it holds a quoted part, indirect otherwise."""
    tokens, text = task.tokens, task.text
    first, last = sorted((token_start, token_end))
    start, end = tokens[first].start, tokens[last].end
    before, after = text[max(start - 2, 0):start], text[end:end + 3]
    if any(m in before for m in _OPENING_MARKS) and any(m in after for m in _CLOSING_MARKS):
        return "direct"
    if any(m in text[start:end] for m in _OPENING_MARKS):
        return "mixed"
    return "indirect"


def cue_candidates(task: Task, quote: Span, words: Iterable[tuple[int, int]] = ()) -> list[Span]:
    """The cues a quote can have, nearest to it first: the CUE spans of the document and the token
    ranges ``words`` (the rules' cue words, as CUE spans not yet in the task), none inside the quote."""
    out: dict[tuple[int, int], Span] = {}
    for span in task.spans:
        if span.label == CUE:
            out[(span.token_start, span.token_end)] = span
    for first, last in words:
        if (first, last) not in out and 0 <= first <= last < len(task.tokens):
            out[(first, last)] = make_span(task, first, last, CUE)
    found = [s for s in out.values() if not overlaps(s, quote)]
    return sorted(found, key=lambda s: (token_distance(s, quote), span_order(s)))


def speaker_candidates(task: Task, quote: Span | None = None,
                       cue_guess: tuple[int, int] | None = None) -> list[Span]:
    """Speakers, name-like entities and (near the quote) pronouns, one per text range.

    Without a quote: in text order. With one: the plausible speakers near it first (those in the
    paragraphs of the quote and its cue before the others, then nearest first, measured from its
    cue, or from ``cue_guess`` (the rules' cue tokens) when it has none, so the cue's subject comes
    on top), then the rest of the document in text order. A pronoun comes as a SPEAKER span not yet
    in the task.
    """
    out: dict[tuple[int, int], Span] = {}
    for span in sorted(task.spans, key=span_order):
        if span.label == SPEAKER:
            out[(span.start, span.end)] = span
        elif span.label in SPEAKER_ENTITY_LABELS:
            out.setdefault((span.start, span.end), span)
    if quote is None:
        return sorted(out.values(), key=span_order)
    tokens = task.tokens
    low, high = max(quote.token_start - SPEAKER_WINDOW, 0), min(quote.token_end + SPEAKER_WINDOW, len(tokens) - 1)
    for token in tokens[low:high + 1]:
        inside = quote.token_start <= token.id <= quote.token_end
        if not inside and token.text.lower() in SPEAKER_PRONOUNS and (token.start, token.end) not in out:
            out[(token.start, token.end)] = make_span(task, token.id, token.id, SPEAKER)
    cue = linked(task, quote, CUE_REL)
    if cue is None and cue_guess is not None:
        cue = make_span(task, *cue_guess, CUE)
    anchor = cue or quote
    paragraphs = {paragraph_of(task, quote.start), paragraph_of(task, anchor.start)}

    def inside_quote(span: Span) -> bool:
        return quote.token_start <= span.token_start and span.token_end <= quote.token_end

    near = [s for s in out.values() if not inside_quote(s) and token_distance(s, anchor) <= SPEAKER_WINDOW]
    near.sort(key=lambda s: (paragraph_of(task, s.start) not in paragraphs, token_distance(s, anchor),
                             s.label != SPEAKER, span_order(s)))
    chosen = set(map(id, near))  # by object: comparing each of thousands of spans with each near one is slow
    rest = sorted((s for s in out.values() if id(s) not in chosen), key=span_order)
    return [*near, *rest]


def coref_candidates(task: Task, speaker: Span) -> list[Span]:
    """Name-like entities: those sharing a word with the speaker first (``Jens Stoltenberg`` for
    ``Stoltenberg``), the fullest of them on top; for ``he``/``she`` a PERSON before an
    organisation; then by nearness to the speaker."""
    found = [s for s in sorted(task.spans, key=span_order)
             if s.is_entity and s.label in SPEAKER_ENTITY_LABELS and s != speaker]
    words = {w.casefold() for w in re.findall(r"\w+", task.span_text(speaker))}
    personal = words <= {"he", "she", "him", "her", "i", "we"} and bool(words)

    def key(span: Span) -> tuple:
        shared = bool(words & {w.casefold() for w in re.findall(r"\w+", task.span_text(span))})
        return (not shared, personal and span.label != "PERSON",
                -(span.token_end - span.token_start) if shared else 0, abs(span.start - speaker.start))

    return sorted(found, key=key)


def resolve(task: Task, speaker: Span, corefs: dict[Span, Span] | None = None) -> str:
    """How a speaker reads: ``she → Maria Zakharova`` when linked to a differently worded entity."""
    text = task.span_text(speaker)
    entity = corefs.get(speaker) if corefs is not None else linked(task, speaker, COREF)
    if entity is not None and task.span_text(entity) != text:
        return f"{text} → {task.span_text(entity)}"
    return text


def links(task: Task, label: str) -> dict[Span, Span]:
    """Head → child of every relation with this label (the last one wins), for bulk lookups."""
    return {rel.head_span: rel.child_span for rel in task.relations if rel.label == label}

