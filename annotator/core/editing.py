"""The edits of an annotation session: labels, extents, deletions, quotes with their cues, speakers
and the entities speakers refer to. Plain Python, so the terminal screen and tests share it.

Every edit builds the new span and relation lists, checks them (``DocumentHistory._commit``) and
only then keeps them; a refused edit raises ``EditError`` and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator.core import span_queries
from annotator.core.edit_history import Document, Edit, EditError, State, state_of
from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER, Relation, Span, Task
from annotator.core.span_queries import SPEAKER_ENTITY_LABELS, SPEAKER_WINDOW, SpansInOrder, overlaps, span_order
from annotator.core.suggestion_edits import CorefGuess, SuggestionEdits

#: Given the task as it will be and a quote in it, the tokens (first, last) of the cue the
#: pre-labeler's rules read for it (or None); the screen passes one built on the rules' lexicon.
CueGuess = Callable[[Task, Span], "tuple[int, int] | None"]

__all__ = ["SPEAKER_ENTITY_LABELS", "SPEAKER_WINDOW", "Document", "Edit", "EditError",
           "EditingSession", "State", "relation_fits", "span_order", "state_of"]


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


_describe = span_queries.describe


@dataclass
class EditingSession(SuggestionEdits):
    """The documents of one annotation run, the one being edited, its history, and the edits."""

    # -- queries on the current task -------------------------------------------------------

    _ordered: SpansInOrder = field(default_factory=SpansInOrder, repr=False, compare=False)

    def spans_in_order(self) -> list[Span]:
        return list(self._ordered.of(self.task.spans))

    def quotes(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.label == QUOTE]

    def entities(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.is_entity]

    def speakers(self) -> list[Span]:
        return [s for s in self.spans_in_order() if s.label == SPEAKER]

    def speaker_of(self, quote: Span) -> Span | None:
        return span_queries.linked(self.task, quote, SAID_BY)

    def coref_of(self, speaker: Span) -> Span | None:
        return span_queries.linked(self.task, speaker, COREF)

    def cue_of(self, quote: Span) -> Span | None:
        return span_queries.linked(self.task, quote, CUE_REL)

    def cue_candidates(self, quote: Span, words: Iterable[tuple[int, int]] = ()) -> list[Span]:
        return span_queries.cue_candidates(self.task, quote, words)

    def links(self, label: str) -> dict[Span, Span]:
        return span_queries.links(self.task, label)

    def resolve(self, speaker: Span, corefs: dict[Span, Span] | None = None) -> str:
        return span_queries.resolve(self.task, speaker, corefs)

    def speaker_candidates(self, quote: Span | None = None,
                           cue_guess: tuple[int, int] | None = None) -> list[Span]:
        return span_queries.speaker_candidates(self.task, quote, cue_guess)

    def coref_candidates(self, speaker: Span) -> list[Span]:
        return span_queries.coref_candidates(self.task, speaker)

    def quote_type_for(self, token_start: int, token_end: int) -> str:
        return span_queries.quote_type_for(self.task, token_start, token_end)

    def span_at_tokens(self, token_start: int, token_end: int, label: str) -> Span | None:
        return span_queries.span_at_tokens(self.task.spans, token_start, token_end, label)

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
        token = span_queries.word_token_after(self.task, span.token_start, step)
        if token is None or token > span.token_end:
            raise EditError("the span cannot start there")
        return self.reshape(span, token, span.token_end, "moved the start")

    def move_end(self, span: Span, step: int) -> Span:
        self._require(span)
        token = span_queries.word_token_after(self.task, span.token_end, step)
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
                if not overlaps(cue_span, span):
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
        if overlaps(target, quote):
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

    def next_token(self, token: int, step: int) -> int:
        """The nearest non-whitespace token in ``step`` direction, or ``token`` at the edge."""
        found = span_queries.word_token_after(self.task, token, step)
        return token if found is None else found

    # -- internals -------------------------------------------------------------------------

    def _require(self, span: Span) -> None:
        if span not in self.task.spans:
            raise EditError(f"{span.label} {span.start}-{span.end} is not a span of this document")

    def _is_blank(self, token_id: int) -> bool:
        return not self.task.tokens[token_id].text.strip()

    def _make(self, token_start: int, token_end: int, label: str, quote_type: str | None = None) -> Span:
        return span_queries.make_span(self.task, token_start, token_end, label, quote_type)

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
        losers = [s for s in spans if s.is_entity and s != span and overlaps(s, span)]
        if not losers:
            return spans, relations, ""
        spans = [s for s in spans if s not in losers]
        relations = [r for r in relations if r.head_span not in losers and r.child_span not in losers]
        return spans, relations, " (replaced " + ", ".join(_describe(self.task, s) for s in losers) + ")"

    def _replace(self, old: Span, new: Span, description: str, *, displace: bool = False) -> Span:
        if new != old and any(s.start == new.start and s == new for s in self.task.spans):
            raise EditError(f"{_describe(self.task, new)} is already marked")
        # A start compared first: a long document has thousands of spans and relations, and a
        # span's full comparison builds two tuples.
        spans = [s for s in self.task.spans if s.start != old.start or s != old]
        relations = []
        for rel in self.task.relations:
            head_moves = rel.head_span.start == old.start and rel.head_span == old
            child_moves = rel.child_span.start == old.start and rel.child_span == old
            if not (head_moves or child_moves):
                relations.append(rel)  # as it was (it fitted before)
                continue
            moved = Relation(new if head_moves else rel.head_span, new if child_moves else rel.child_span, rel.label)
            if relation_fits(moved):
                relations.append(moved)
        note = ""
        if displace:
            spans, relations, note = self._displace(new, spans, relations)
        spans.append(new)
        self._commit(description + note, spans, relations, old, new)
        return new

