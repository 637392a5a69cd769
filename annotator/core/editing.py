"""The annotation session: the documents seen so far, edits on their spans and relations, and an
undo/redo history that spans documents. Plain Python, so the terminal screen and tests share it.

Every edit builds the new span and relation lists, checks them with ``check_task`` and only then
commits; a refused edit raises ``EditError`` and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator.core.invariants import task_problems
from annotator.core.records import (
    COREF,
    CUE,
    CUE_REL,
    QUOTE,
    QUOTE_TYPES,
    SAID_BY,
    SPEAKER,
    Relation,
    Span,
    Task,
)

#: Entity labels offered when the user gives none (spaCy's English NER scheme, names first).
DEFAULT_ENTITY_LABELS = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)
#: Entity labels a speaker can be resolved to.
SPEAKER_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Words that can speak for a quote without being an entity (offered by the speaker picker).
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_OPENING_MARKS = ('"', "“", "„", "«", "‘")
_CLOSING_MARKS = ('"', "”", "“", "»", "’")
#: How far (in tokens) from a quote the speaker picker looks for plausible speakers first.
SPEAKER_WINDOW = 60

#: Given the task as it will be and a speaker in it, the entity that speaker refers to (or None);
#: the screen passes one built on the pre-labeler's coreference rules, so core stays free of spaCy.
CorefGuess = Callable[[Task, Span], "Span | None"]
#: Given the task as it will be and a quote in it, the tokens (first, last) of the cue the
#: pre-labeler's rules read for it (or None); the screen passes one built on the rules' lexicon.
CueGuess = Callable[[Task, Span], "tuple[int, int] | None"]
State = tuple[tuple[Span, ...], tuple[Relation, ...]]


class EditError(ValueError):
    """An edit that would break the task or makes no sense here; the message says why."""


def digit_labels(entity_labels: Iterable[str]) -> list[str]:
    """Labels for the keys 1…9: the first six entity labels, then QUOTE, SPEAKER and CUE."""
    return [*list(entity_labels)[:6], QUOTE, SPEAKER, CUE]


def span_order(span: Span) -> tuple[int, int, str]:
    """Text order: by start, longer first, so a quote comes before the entities inside it."""
    return (span.start, -span.end, span.label)


def relation_fits(relation: Relation) -> bool:
    """Whether a relation joins spans of the kinds its label allows."""
    head, child = relation.head_span, relation.child_span
    if relation.label == SAID_BY:
        return head.label == QUOTE and child.label == SPEAKER
    if relation.label == CUE_REL:
        return head.label == QUOTE and child.label == CUE
    if relation.label == COREF:
        return head.label == SPEAKER and child.is_entity
    return True


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _token_distance(span: Span, other: Span) -> int:
    if span.token_end < other.token_start:
        return other.token_start - span.token_end
    return max(span.token_start - other.token_end, 0)


def _describe(task: Task, span: Span) -> str:
    text = task.span_text(span)
    if len(text) > 30:
        text = text[:29] + "…"
    return f"{span.label} '{text}'"


def state_of(task: Task) -> State:
    return tuple(task.spans), tuple(task.relations)


@dataclass
class Document:
    """One document of the session: the task as edited, the newest decision taken on it, and the
    state that needs no draft (as decided, or as it came from the source)."""

    task: Task
    source: str = ""
    answer: str | None = None
    baseline: State | None = None

    def __post_init__(self) -> None:
        if self.baseline is None:
            self.baseline = state_of(self.task)

    @property
    def decided(self) -> bool:
        return self.answer is not None

    @property
    def dirty(self) -> bool:
        """Edited since its decision (or, undecided, since it was read): a draft, not yet an answer."""
        return state_of(self.task) != self.baseline


@dataclass(frozen=True)
class Edit:
    """One step of the history: which document, what was done, and its spans before and after."""

    index: int
    description: str
    before: tuple[tuple[Span, ...], tuple[Relation, ...]]
    after: tuple[tuple[Span, ...], tuple[Relation, ...]]
    focus_before: Span | None
    focus_after: Span | None


@dataclass
class EditingSession:
    """The documents of one annotation run, the one being edited, and the edit history."""

    documents: list[Document] = field(default_factory=list)
    index: int = -1
    _undo: list[Edit] = field(default_factory=list)
    _redo: list[Edit] = field(default_factory=list)

    # -- documents -------------------------------------------------------------------------

    def add_document(self, task: Task, *, source: str = "", answer: str | None = None,
                     baseline: Task | None = None) -> int:
        """Add a document; ``baseline`` is the version that needs no draft when ``task`` is a draft.
        A draft's changes become the oldest step of the history, so ``u`` can take them back after
        a restart as it could before."""
        self.documents.append(Document(task, source, answer, state_of(baseline) if baseline else None))
        index = len(self.documents) - 1
        document = self.documents[index]
        if baseline is not None and document.dirty:
            focus = next(iter(set(task.spans) - set(baseline.spans)), None)
            self._undo.insert(0, Edit(index, "the changes kept as a draft from the last session",
                                      document.baseline, state_of(task), None, focus))
        return index

    @property
    def current(self) -> Document | None:
        return self.documents[self.index] if 0 <= self.index < len(self.documents) else None

    @property
    def task(self) -> Task:
        if self.current is None:
            raise EditError("no document is open")
        return self.current.task

    def go_to(self, index: int) -> Document:
        if not 0 <= index < len(self.documents):
            raise EditError(f"there is no document {index + 1}")
        self.index = index
        return self.documents[index]

    def decide(self, answer: str) -> Document:
        """Record the newest decision on the current document (the caller writes it out)."""
        document = self.current
        if document is None:
            raise EditError("no document is open")
        document.answer = answer
        document.baseline = state_of(document.task)
        return document

    @property
    def dirty_documents(self) -> list[Document]:
        return [d for d in self.documents if d.dirty]

    def first_undecided(self, start: int = 0) -> int | None:
        for index in range(max(start, 0), len(self.documents)):
            if not self.documents[index].decided:
                return index
        return None

    @property
    def decided_count(self) -> int:
        return sum(1 for d in self.documents if d.decided)

    # -- queries on the current task -------------------------------------------------------

    def spans_in_order(self) -> list[Span]:
        return sorted(self.task.spans, key=span_order)

    def quotes(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.label == QUOTE]

    def entities(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.is_entity]

    def speakers(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.label == SPEAKER]

    def speaker_of(self, quote: Span) -> Span | None:
        for rel in self.task.relations:
            if rel.label == SAID_BY and rel.head_span == quote:
                return rel.child_span
        return None

    def coref_of(self, speaker: Span) -> Span | None:
        for rel in self.task.relations:
            if rel.label == COREF and rel.head_span == speaker:
                return rel.child_span
        return None

    def cue_of(self, quote: Span) -> Span | None:
        for rel in self.task.relations:
            if rel.label == CUE_REL and rel.head_span == quote:
                return rel.child_span
        return None

    def cue_candidates(self, quote: Span, words: Iterable[tuple[int, int]] = ()) -> list[Span]:
        """The cues a quote can have, nearest to it first: the CUE spans of the document and the
        token ranges ``words`` (the rules' cue words, as CUE spans not yet in the task), none inside
        the quote."""
        out: dict[tuple[int, int], Span] = {}
        for span in self.task.spans:
            if span.label == CUE:
                out[(span.token_start, span.token_end)] = span
        for first, last in words:
            if (first, last) not in out and 0 <= first <= last < len(self.task.tokens):
                out[(first, last)] = self._make(first, last, CUE)
        found = [s for s in out.values() if not _overlaps(s, quote)]
        return sorted(found, key=lambda s: (_token_distance(s, quote), span_order(s)))

    def links(self, label: str) -> dict[Span, Span]:
        """Head → child of every relation with this label (the last one wins), for bulk lookups."""
        return {rel.head_span: rel.child_span for rel in self.task.relations if rel.label == label}

    def resolve(self, speaker: Span, corefs: dict[Span, Span] | None = None) -> str:
        """How a speaker reads: ``she → Maria Zakharova`` when linked to a differently worded entity."""
        text = self.task.span_text(speaker)
        entity = corefs.get(speaker) if corefs is not None else self.coref_of(speaker)
        if entity is not None and self.task.span_text(entity) != text:
            return f"{text} → {self.task.span_text(entity)}"
        return text

    def speaker_candidates(self, quote: Span | None = None,
                           cue_guess: tuple[int, int] | None = None) -> list[Span]:
        """Speakers, name-like entities and (near the quote) pronouns, one per text range.

        Without a quote: in text order. With one: the plausible speakers near it first (those in
        the paragraphs of the quote and its cue before the others, then nearest first, measured
        from its cue, or from ``cue_guess`` (the rules' cue tokens) when it has none, so the cue's
        subject comes on top), then the rest of the document in text order. A pronoun comes as a
        SPEAKER span not yet in the task.
        """
        out: dict[tuple[int, int], Span] = {}
        for span in self.spans_in_order():
            if span.label == SPEAKER:
                out[(span.start, span.end)] = span
            elif span.label in SPEAKER_ENTITY_LABELS:
                out.setdefault((span.start, span.end), span)
        if quote is None:
            return sorted(out.values(), key=span_order)
        tokens = self.task.tokens
        low, high = max(quote.token_start - SPEAKER_WINDOW, 0), min(quote.token_end + SPEAKER_WINDOW, len(tokens) - 1)
        for token in tokens[low:high + 1]:
            inside = quote.token_start <= token.id <= quote.token_end
            if not inside and token.text.lower() in SPEAKER_PRONOUNS and (token.start, token.end) not in out:
                out[(token.start, token.end)] = self._make(token.id, token.id, SPEAKER)
        cue = self.cue_of(quote)
        if cue is None and cue_guess is not None:
            cue = self._make(*cue_guess, CUE)
        anchor = cue or quote
        paragraphs = {self._paragraph_of(quote.start), self._paragraph_of(anchor.start)}

        def distance(span: Span) -> int:
            return _token_distance(span, anchor)

        def inside_quote(span: Span) -> bool:
            return quote.token_start <= span.token_start and span.token_end <= quote.token_end

        near = [s for s in out.values() if not inside_quote(s) and distance(s) <= SPEAKER_WINDOW]
        near.sort(key=lambda s: (self._paragraph_of(s.start) not in paragraphs, distance(s),
                                 s.label != SPEAKER, span_order(s)))
        rest = sorted((s for s in out.values() if s not in near), key=span_order)
        return [*near, *rest]

    def coref_candidates(self, speaker: Span) -> list[Span]:
        """Name-like entities: those sharing a word with the speaker first (``Jens Stoltenberg``
        for ``Stoltenberg``), the fullest of them on top; for ``he``/``she`` a PERSON before an
        organisation; then by nearness to the speaker."""
        found = [s for s in self.entities() if s.label in SPEAKER_ENTITY_LABELS and s != speaker]
        words = {w.casefold() for w in re.findall(r"\w+", self.task.span_text(speaker))}
        personal = words <= {"he", "she", "him", "her", "i", "we"} and bool(words)

        def key(span: Span) -> tuple:
            shared = bool(words & {w.casefold() for w in re.findall(r"\w+", self.task.span_text(span))})
            return (not shared, personal and span.label != "PERSON",
                    -(span.token_end - span.token_start) if shared else 0, abs(span.start - speaker.start))

        return sorted(found, key=key)

    def quote_type_for(self, token_start: int, token_end: int) -> str:
        """The type a new quote over these tokens most likely has: direct inside quote marks,
        mixed when it holds a quoted part, indirect otherwise."""
        tokens, text = self.task.tokens, self.task.text
        first, last = sorted((token_start, token_end))
        start, end = tokens[first].start, tokens[last].end
        before, after = text[max(start - 2, 0):start], text[end:end + 3]
        if any(m in before for m in _OPENING_MARKS) and any(m in after for m in _CLOSING_MARKS):
            return "direct"
        if any(m in text[start:end] for m in _OPENING_MARKS):
            return "mixed"
        return "indirect"

    def span_at_tokens(self, token_start: int, token_end: int, label: str) -> Span | None:
        for span in self.task.spans:
            if (span.token_start, span.token_end, span.label) == (token_start, token_end, label):
                return span
        return None

    # -- edits -----------------------------------------------------------------------------

    def set_label(self, span: Span, label: str) -> Span:
        self._require(span)
        if label == span.label:
            return span
        quote_type = (span.quote_type or QUOTE_TYPES[0]) if label == QUOTE else None
        new = span.replace(label=label, quote_type=quote_type)
        return self._replace(span, new, f"{_describe(self.task, span)} → {label}", displace=True)

    def set_quote_type(self, span: Span, quote_type: str) -> Span:
        self._require(span)
        if span.label != QUOTE:
            raise EditError("only a quote has a type")
        if quote_type not in QUOTE_TYPES:
            raise EditError(f"a quote type is one of {', '.join(QUOTE_TYPES)}")
        if quote_type == span.quote_type:
            return span
        return self._replace(span, span.replace(quote_type=quote_type),
                             f"{_describe(self.task, span)} is {quote_type}")

    def delete_span(self, span: Span) -> None:
        """Delete a span and its relations; a quote's cue that cues nothing else goes with it."""
        self._require(span)
        spans = [s for s in self.task.spans if s != span]
        relations = [r for r in self.task.relations if span not in (r.head_span, r.child_span)]
        note = ""
        cue = self.cue_of(span) if span.label == QUOTE else None
        if cue is not None and not any(r.label == CUE_REL and r.child_span == cue for r in relations):
            spans.remove(cue)
            relations = [r for r in relations if cue not in (r.head_span, r.child_span)]
            note = f" and its cue '{self.task.span_text(cue)}'"
        self._commit(f"deleted {_describe(self.task, span)}{note}", spans, relations, span, None)

    def move_start(self, span: Span, step: int) -> Span:
        self._require(span)
        token = self._step(span.token_start, step)
        if token is None or token > span.token_end:
            raise EditError("the span cannot start there")
        return self.reshape(span, token, span.token_end, "moved the start")

    def move_end(self, span: Span, step: int) -> Span:
        self._require(span)
        token = self._step(span.token_end, step)
        if token is None or token < span.token_start:
            raise EditError("the span cannot end there")
        return self.reshape(span, span.token_start, token, "moved the end")

    def reshape(self, span: Span, token_start: int, token_end: int, what: str = "changed the extent") -> Span:
        """Give a span new bounds (tokens, inclusive, trimmed of whitespace), keeping its label,
        type and every relation: a quote keeps its speaker and cue. The message names the span as
        it is after the change."""
        self._require(span)
        first, last = self._word_range(token_start, token_end, outside="the span cannot reach past the document",
                                       blank="a span cannot hold only whitespace")
        if (first, last) == (span.token_start, span.token_end):
            raise EditError(f"{_describe(self.task, span)} already ends there")
        new = self._make(first, last, span.label, span.quote_type)
        kept = ""
        if span.label == QUOTE and (self.speaker_of(span) or self.cue_of(span)):
            kept = " (speaker and cue kept)"
        return self._replace(span, new, f"{what}: {_describe(self.task, new)}{kept}")

    def create_span(self, token_start: int, token_end: int, label: str,
                    quote_type: str | None = None, cue: CueGuess | None = None) -> Span:
        """A new span over tokens ``token_start..token_end`` (inclusive, in either order). A new
        quote gets the cue ``cue`` finds for it (the rules' cue in its sentence), in the same edit."""
        span = self._new_span(token_start, token_end, label, quote_type)
        spans, relations, note = self._displace(span, list(self.task.spans), list(self.task.relations))
        spans.append(span)
        if label == QUOTE and cue is not None:
            found = cue(self._candidate(spans, relations), span)
            if found is not None:
                cue_span = self.span_at_tokens(*found, CUE) or self._make(*found, CUE)
                if not _overlaps(cue_span, span):
                    if cue_span not in spans:
                        spans.append(cue_span)
                    relations.append(Relation(span, cue_span, CUE_REL))
                    note += f" with cue '{self.task.span_text(cue_span)}'"
        self._commit(f"added {_describe(self.task, span)}{note}", spans, relations, None, span)
        return span

    def set_cue(self, quote: Span, target: Span) -> Span:
        """Make ``target`` (a CUE span, or one not yet in the task) the quote's cue; a cue left
        cueing no quote is removed; all one edit."""
        self._require(quote)
        if quote.label != QUOTE:
            raise EditError("only a quote has a cue")
        if target.label != CUE:
            raise EditError(f"a {target.label} cannot be a cue")
        if _overlaps(target, quote):
            raise EditError("a quote's cue lies outside the quote")
        old = self.cue_of(quote)
        if old == target:
            raise EditError(f"'{self.task.span_text(target)}' is already this quote's cue")
        spans = list(self.task.spans)
        if target not in spans:
            if not 0 <= target.token_start <= target.token_end < len(self.task.tokens):
                raise EditError("the cue is outside the document")
            spans.append(target)
        relations = [r for r in self.task.relations if not (r.label == CUE_REL and r.head_span == quote)]
        relations.append(Relation(quote, target, CUE_REL))
        note = ""
        if old is not None and not any(r.label == CUE_REL and r.child_span == old for r in relations):
            spans.remove(old)
            relations = [r for r in relations if old not in (r.head_span, r.child_span)]
            note = f" (removed the old cue '{self.task.span_text(old)}')"
        self._commit(f"{_describe(self.task, quote)} cued by '{self.task.span_text(target)}'{note}",
                     spans, relations, quote, quote)
        return quote

    def new_cue(self, token_start: int, token_end: int) -> Span:
        """A CUE span over these tokens (trimmed), not yet in the task: for ``set_cue``."""
        first, last = sorted((token_start, token_end))
        existing = self.span_at_tokens(first, last, CUE)
        return existing or self._new_span(first, last, CUE)

    def link_speaker(self, quote: Span, target: Span, coref: CorefGuess | None = None) -> Span:
        """Make ``target`` the quote's speaker (SAID_BY); an entity or a pronoun gets a SPEAKER span
        over it. A speaker left speaking for no quote is removed, and a new speaker gets its COREF
        from ``coref``; all one edit."""
        self._require(quote)
        if quote.label != QUOTE:
            raise EditError("only a quote has a speaker")
        if target.label == SPEAKER and target not in self.task.spans:
            speaker = self._new_span(target.token_start, target.token_end, SPEAKER)
        else:
            self._require(target)
            if target.label != SPEAKER and not target.is_entity:
                raise EditError(f"a {target.label} cannot be a speaker")
            speaker = target if target.label == SPEAKER else (
                self.span_at_tokens(target.token_start, target.token_end, SPEAKER)
                or self._make(target.token_start, target.token_end, SPEAKER))
        return self._said_by(quote, speaker, "", coref)

    def create_speaker(self, quote: Span, token_start: int, token_end: int,
                       coref: CorefGuess | None = None) -> Span:
        """Mark tokens as a new SPEAKER and make it the quote's speaker, as one edit."""
        self._require(quote)
        if quote.label != QUOTE:
            raise EditError("only a quote has a speaker")
        speaker = self.span_at_tokens(min(token_start, token_end), max(token_start, token_end), SPEAKER)
        if speaker is None:
            speaker = self._new_span(token_start, token_end, SPEAKER)
        return self._said_by(quote, speaker, "new ", coref)

    def _said_by(self, quote: Span, speaker: Span, new: str, coref: CorefGuess | None) -> Span:
        spans = list(self.task.spans)
        if speaker not in spans:
            spans.append(speaker)
        old = self.speaker_of(quote)
        relations = [r for r in self.task.relations if not (r.label == SAID_BY and r.head_span == quote)]
        relations.append(Relation(quote, speaker, SAID_BY))
        note = ""
        if old is not None and old != speaker and not any(
                r.label == SAID_BY and r.child_span == old for r in relations):
            # The old speaker speaks for nothing now: it goes, with its COREF.
            spans.remove(old)
            relations = [r for r in relations if old not in (r.head_span, r.child_span)]
            note = f" (removed the old speaker '{self.task.span_text(old)}')"
        if coref is not None and not any(r.label == COREF and r.head_span == speaker for r in relations):
            entity = coref(self._candidate(spans, relations), speaker)
            if entity is not None and entity in spans and entity.is_entity:
                relations.append(Relation(speaker, entity, COREF))
                if self.task.span_text(entity) != self.task.span_text(speaker):
                    note += f" → {self.task.span_text(entity)}"
        self._commit(f"{_describe(self.task, quote)} said by {new}'{self.task.span_text(speaker)}'{note}",
                     spans, relations, quote, quote)
        return quote

    def unlink(self, span: Span) -> Span:
        """Remove a quote's speaker link (and the speaker, if it speaks for nothing else), or a
        speaker's COREF."""
        self._require(span)
        if span.label == QUOTE:
            speaker = self.speaker_of(span)
            if speaker is None:
                raise EditError("this quote has no speaker to unlink")
            relations = [r for r in self.task.relations if not (r.label == SAID_BY and r.head_span == span)]
            spans = list(self.task.spans)
            note = ""
            if not any(r.label == SAID_BY and r.child_span == speaker for r in relations):
                spans.remove(speaker)
                relations = [r for r in relations if speaker not in (r.head_span, r.child_span)]
                note = " (and removed it)"
            self._commit(f"unlinked speaker '{self.task.span_text(speaker)}' from {_describe(self.task, span)}"
                         + note, spans, relations, span, span)
            return span
        if span.label == SPEAKER:
            entity = self.coref_of(span)
            if entity is None:
                raise EditError("this speaker refers to no entity (c links one)")
            relations = [r for r in self.task.relations if not (r.label == COREF and r.head_span == span)]
            self._commit(f"'{self.task.span_text(span)}' no longer refers to {_describe(self.task, entity)}",
                         list(self.task.spans), relations, span, span)
            return span
        raise EditError("unlink works on a focused QUOTE (its speaker) or SPEAKER (its COREF)")

    def link_coref(self, speaker: Span, entity: Span) -> Span:
        """Say which entity mention a speaker refers to (COREF), replacing any earlier link."""
        self._require(speaker)
        self._require(entity)
        if speaker.label != SPEAKER:
            raise EditError("only a speaker refers to an entity")
        if not entity.is_entity:
            raise EditError(f"a speaker refers to an entity, not a {entity.label}")
        relations = [r for r in self.task.relations if not (r.label == COREF and r.head_span == speaker)]
        relations.append(Relation(speaker, entity, COREF))
        self._commit(f"'{self.task.span_text(speaker)}' refers to {_describe(self.task, entity)}",
                     list(self.task.spans), relations, speaker, speaker)
        return speaker

    # -- history ---------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def last_edit(self) -> Edit | None:
        return self._undo[-1] if self._undo else None

    def next_token(self, token: int, step: int) -> int:
        """The nearest non-whitespace token in ``step`` direction, or ``token`` at the edge."""
        found = self._step(token, step)
        return token if found is None else found

    def undo(self) -> Edit:
        """Undo the newest edit, opening its document if another one is on screen."""
        if not self._undo:
            raise EditError("nothing to undo")
        edit = self._undo.pop()
        self._restore(edit.index, edit.before)
        self._redo.append(edit)
        return edit

    def forget_redo(self) -> None:
        """Drop the redo history (after an edit that could not be kept was undone)."""
        self._redo.clear()

    def redo(self) -> Edit:
        if not self._redo:
            raise EditError("nothing to redo")
        edit = self._redo.pop()
        self._restore(edit.index, edit.after)
        self._undo.append(edit)
        return edit

    def _restore(self, index: int, state: tuple[tuple[Span, ...], tuple[Relation, ...]]) -> None:
        self.index = index
        task = self.documents[index].task
        task.spans = list(state[0])
        task.relations = list(state[1])

    # -- internals -------------------------------------------------------------------------

    def _require(self, span: Span) -> None:
        if span not in self.task.spans:
            raise EditError(f"{span.label} {span.start}-{span.end} is not a span of this document")

    def _paragraph_of(self, offset: int) -> int:
        """Which paragraph (counted by line breaks) a character offset is in."""
        return self.task.text.count("\n", 0, offset)

    def _is_blank(self, token_id: int) -> bool:
        return not self.task.tokens[token_id].text.strip()

    def _step(self, token: int, step: int) -> int | None:
        """The next token in ``step`` direction that is not whitespace, or None at the edge."""
        position = token + step
        while 0 <= position < len(self.task.tokens):
            if not self._is_blank(position):
                return position
            position += step
        return None

    def _make(self, token_start: int, token_end: int, label: str, quote_type: str | None = None) -> Span:
        tokens = self.task.tokens
        start, end = tokens[token_start].start, tokens[token_end].end
        if label == QUOTE and quote_type is None:
            quote_type = QUOTE_TYPES[0]
        return Span(start, end, token_start, token_end, label, text=self.task.text[start:end],
                    quote_type=quote_type if label == QUOTE else None)

    def _word_range(self, token_start: int, token_end: int, *, outside: str, blank: str) -> tuple[int, int]:
        """The tokens from one end to the other, in order, trimmed to their words: a span never
        starts or ends on whitespace. EditError ``outside`` or ``blank`` when that cannot be."""
        first, last = sorted((token_start, token_end))
        if not 0 <= first <= last < len(self.task.tokens):
            raise EditError(outside)
        while first < last and self._is_blank(first):
            first += 1
        while last > first and self._is_blank(last):
            last -= 1
        if self._is_blank(first):
            raise EditError(blank)
        return first, last

    def _new_span(self, token_start: int, token_end: int, label: str, quote_type: str | None = None) -> Span:
        if not label:
            raise EditError("a span needs a label")
        first, last = self._word_range(token_start, token_end, outside="the selection is outside the document",
                                       blank="the selection holds only whitespace")
        span = self._make(first, last, label, quote_type)
        if span in self.task.spans:
            raise EditError(f"{_describe(self.task, span)} is already marked")
        return span

    def _displace(self, span: Span, spans: list[Span], relations: list[Relation]
                  ) -> tuple[list[Span], list[Relation], str]:
        """Remove entities that a new or relabelled entity overlaps: the user's newest word wins."""
        if not span.is_entity:
            return spans, relations, ""
        losers = [s for s in spans if s.is_entity and s != span and _overlaps(s, span)]
        if not losers:
            return spans, relations, ""
        spans = [s for s in spans if s not in losers]
        relations = [r for r in relations if r.head_span not in losers and r.child_span not in losers]
        return spans, relations, " (replaced " + ", ".join(_describe(self.task, s) for s in losers) + ")"

    def _replace(self, old: Span, new: Span, description: str, *, displace: bool = False) -> Span:
        if new != old and new in self.task.spans:
            raise EditError(f"{_describe(self.task, new)} is already marked")
        spans = [s for s in self.task.spans if s != old]
        relations = []
        for rel in self.task.relations:
            head = new if rel.head_span == old else rel.head_span
            child = new if rel.child_span == old else rel.child_span
            moved = Relation(head, child, rel.label)
            if relation_fits(moved):
                relations.append(moved)
        note = ""
        if displace:
            spans, relations, note = self._displace(new, spans, relations)
        spans.append(new)
        self._commit(description + note, spans, relations, old, new)
        return new

    def _refusing_problems(self, before: Task, after: Task) -> list[str]:
        """The problems that refuse an edit: here, any broken invariant."""
        return task_problems(after)

    def _candidate(self, spans: list[Span], relations: list[Relation]) -> Task:
        task = self.task
        return Task(text=task.text, tokens=task.tokens, spans=sorted(spans, key=span_order),
                    relations=relations, meta=task.meta, input_hash=task.input_hash)

    def _commit(self, description: str, spans: list[Span], relations: list[Relation],
                focus_before: Span | None, focus_after: Span | None) -> None:
        task = self.task
        candidate = self._candidate(spans, relations)
        problems = self._refusing_problems(task, candidate)
        if problems:
            raise EditError(problems[0])
        edit = Edit(self.index, description, (tuple(task.spans), tuple(task.relations)),
                    (tuple(candidate.spans), tuple(candidate.relations)), focus_before, focus_after)
        task.spans = candidate.spans
        task.relations = candidate.relations
        self._undo.append(edit)
        self._redo.clear()
