"""Taking and dropping the pre-labeler's suggestions (attributions it is unsure of, offered apart from
its pre-labels): taking one adds its quote, cue and speaker with the relations a pre-label has, or,
for another extent of a pre-labeled quote (``Suggestion.replaces``), gives that quote the new extent
keeping its cue, speaker and relations; dropping one takes it off the offer; each is one edit of the
history, so undo brings it back."""

from __future__ import annotations

from typing import Callable, Iterable

from annotator.core.edit_history import DocumentHistory, EditError
from annotator.core.records import COREF, CUE_REL, QUOTE, SAID_BY, Relation, Span, Suggestion, Task
from annotator.core.span_queries import describe, make_span, overlaps, quote_type_for, span_at_tokens, span_order

#: Given the task as it will be and a speaker in it, the entity that speaker refers to (or None);
#: the screen passes one built on the pre-labeler's coreference rules, so core stays free of spaCy.
CorefGuess = Callable[[Task, Span], "Span | None"]


def suggestion_order(suggestion: Suggestion) -> tuple[int, int, str]:
    return span_order(suggestion.quote)


def suggestion_at(suggestions: Iterable[Suggestion], token: int) -> Suggestion | None:
    """The suggestion whose quote holds token ``token``, if any."""
    return next((s for s in suggestions if s.quote.token_start <= token <= s.quote.token_end), None)


def with_extent(spans: list[Span], relations: list[Relation], old: Span, new: Span
                ) -> tuple[list[Span], list[Relation]]:
    """``spans`` and ``relations`` with ``old`` replaced by ``new`` everywhere (its relations kept)."""
    return ([new if s == old else s for s in spans],
            [Relation(new if r.head_span == old else r.head_span, new if r.child_span == old else r.child_span,
                      r.label, color=r.color) if old in (r.head_span, r.child_span) else r for r in relations])


class SuggestionEdits(DocumentHistory):
    """The suggestions of the open document, and the two edits on them."""

    def suggestions(self) -> list[Suggestion]:
        """The open document's suggestions in text order (by their quotes)."""
        return sorted(self.task.suggestions, key=suggestion_order)

    def quote_in_the_way(self, suggestion: Suggestion) -> Span | None:
        """A QUOTE of the document that overlaps the suggested one (marked since it was offered),
        other than the one it would replace."""
        return next((s for s in self.task.spans if s.label == QUOTE and overlaps(s, suggestion.quote)
                     and s != suggestion.replaces), None)

    def take_suggestion(self, suggestion: Suggestion, coref: CorefGuess | None = None) -> Span:
        """Add the suggestion's QUOTE (with its type), CUE and SPEAKER, reusing a span the document
        already has, linked by CUE and SAID_BY as the pre-labeler links its own; a new speaker gets
        its COREF from ``coref``. The suggestion leaves the offer; one edit. Returns the quote."""
        self._require_suggestion(suggestion)
        if suggestion.replaces is not None and suggestion.replaces not in self.task.spans:
            raise EditError(f"not taken: {describe(self.task, suggestion.replaces)} has changed since "
                            "(drop the suggestion instead)")
        clash = self.quote_in_the_way(suggestion)
        if clash is not None:
            raise EditError(f"not taken: the suggested quote overlaps {describe(self.task, clash)}, marked "
                            "since (drop the suggestion instead)")
        if suggestion.replaces is not None:
            return self._take_extent(suggestion)
        spans, relations = list(self.task.spans), list(self.task.relations)
        quote = self._own(spans, suggestion.quote)
        note = ""
        for part, label in ((suggestion.cue, CUE_REL), (suggestion.speaker, SAID_BY)):
            if part is None:
                continue
            span = self._own(spans, part)
            relations.append(Relation(quote, span, label))
            note += f" {'cued by' if label == CUE_REL else 'said by'} '{self.task.span_text(span)}'"
            if label == SAID_BY and coref is not None and not any(
                    r.label == COREF and r.head_span == span for r in relations):
                entity = coref(self._candidate(spans, relations), span)
                if entity is not None and entity in spans and entity.is_entity:
                    relations.append(Relation(span, entity, COREF))
        remaining = [s for s in self.task.suggestions if s != suggestion]
        self._commit(f"took the suggested {describe(self.task, quote)}{note}", spans, relations,
                     suggestion.quote, quote, remaining)
        return quote

    def _take_extent(self, suggestion: Suggestion) -> Span:
        """Give the replaced quote the suggested extent (and type), keeping every relation it has;
        the other extents offered for it leave the offer too (they name a quote no longer there)."""
        old, task = suggestion.replaces, self.task
        part = self._inside(suggestion.quote)
        new = make_span(task, part.token_start, part.token_end, QUOTE, part.quote_type or old.quote_type)
        spans, relations = with_extent(task.spans, task.relations, old, new)
        remaining = [s for s in task.suggestions if s != suggestion and s.replaces != old]
        self._commit(f"took another extent for {describe(task, old)}: {describe(task, new)}", spans, relations,
                     old, new, remaining)
        return new

    def drop_suggestion(self, suggestion: Suggestion) -> None:
        """Take the suggestion off the offer (it is never written as an annotation either way)."""
        self._require_suggestion(suggestion)
        remaining = [s for s in self.task.suggestions if s != suggestion]
        self._commit(f"dropped the suggested {describe(self.task, suggestion.quote)}", list(self.task.spans),
                     list(self.task.relations), suggestion.quote, None, remaining)

    def _require_suggestion(self, suggestion: Suggestion) -> None:
        if suggestion not in self.task.suggestions:
            raise EditError("that suggestion is no longer on offer in this document")

    def _own(self, spans: list[Span], part: Span) -> Span:
        """The document's span over ``part``'s tokens with its label (added to ``spans`` if new),
        built as a pre-label is: its text, and a quote's type."""
        task = self.task
        self._inside(part)
        found = span_at_tokens(spans, part.token_start, part.token_end, part.label)
        if found is not None:
            return found
        quote_type = None
        if part.label == QUOTE:
            quote_type = part.quote_type or quote_type_for(task, part.token_start, part.token_end)
        span = make_span(task, part.token_start, part.token_end, part.label, quote_type)
        spans.append(span)
        return span

    def _inside(self, part: Span) -> Span:
        if not 0 <= part.token_start <= part.token_end < len(self.task.tokens):
            raise EditError(f"the suggested {part.label} is outside the document")
        return part
