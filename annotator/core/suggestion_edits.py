"""Taking and dropping the pre-labeler's suggestions (attributions it is unsure of, offered apart from
its pre-labels): taking one adds its quote, cue and speaker with the relations a pre-label has, and
dropping one takes it off the offer; each is one edit of the history, so undo brings it back."""

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


class SuggestionEdits(DocumentHistory):
    """The suggestions of the open document, and the two edits on them."""

    def suggestions(self) -> list[Suggestion]:
        """The open document's suggestions in text order (by their quotes)."""
        return sorted(self.task.suggestions, key=suggestion_order)

    def quote_in_the_way(self, suggestion: Suggestion) -> Span | None:
        """A QUOTE of the document that overlaps the suggested one (marked since it was offered)."""
        return next((s for s in self.task.spans if s.label == QUOTE and overlaps(s, suggestion.quote)), None)

    def take_suggestion(self, suggestion: Suggestion, coref: CorefGuess | None = None) -> Span:
        """Add the suggestion's QUOTE (with its type), CUE and SPEAKER, reusing a span the document
        already has, linked by CUE and SAID_BY as the pre-labeler links its own; a new speaker gets
        its COREF from ``coref``. The suggestion leaves the offer; one edit. Returns the quote."""
        self._require_suggestion(suggestion)
        clash = self.quote_in_the_way(suggestion)
        if clash is not None:
            raise EditError(f"not taken: the suggested quote overlaps {describe(self.task, clash)}, marked "
                            "since (drop the suggestion instead)")
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
        if not 0 <= part.token_start <= part.token_end < len(task.tokens):
            raise EditError(f"the suggested {part.label} is outside the document")
        found = span_at_tokens(spans, part.token_start, part.token_end, part.label)
        if found is not None:
            return found
        quote_type = None
        if part.label == QUOTE:
            quote_type = part.quote_type or quote_type_for(task, part.token_start, part.token_end)
        span = make_span(task, part.token_start, part.token_end, part.label, quote_type)
        spans.append(span)
        return span
