"""Relation pickers: ``s`` links the focused quote to its speaker (the nearest plausible speakers
first, digits choose), ``c`` the focused quote to its cue or the focused speaker to the entity it
refers to (or clears it); each can instead mark a new span in the text (selection mode). The list
is the editor's picker, drawn over the text beside the span it is for (not a modal screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from annotator.core.records import COREF, CUE, QUOTE, SPEAKER, Span
from annotator.core.span_queries import SPEAKER_WINDOW
from annotator.tui.choice_picker import Choice
from annotator.tui.display_text import excerpt
from annotator.tui.label_styles import badge_style
from annotator.tui.span_editing import SpanEditing, coref_guess, cue_guess
from annotator.tui.widgets.label_row import short_label

if TYPE_CHECKING:
    from annotator.tui.screens.document_screen import DocumentScreen

#: How many candidates beyond those near the quote the speaker picker lists.
FAR_CANDIDATES = 40
_NEW = "\0new"  # the dialog value for "mark a new span in the text"
_CLEAR = "\0clear"  # "refers to no entity"


class RelationPickers:
    """What s and c do; "mark a new one" hands over to a selection in the editor."""

    def __init__(self, screen: DocumentScreen, edits: SpanEditing) -> None:
        self.screen = screen
        self.edits = edits

    @property
    def session(self):
        return self.screen.session

    def cue_words(self, quote: Span) -> list[tuple[int, int]]:
        """The rules' cue words in the quote's paragraph, nearest first (for the cue picker)."""
        from annotator.nlp.quote_cue import cue_words

        return cue_words(self.session.task, quote)

    def _span_choices(self, spans: list[Span], current: Span | None, new_label: str) -> list[Choice]:
        task = self.session.task
        in_task = set(task.spans)
        corefs = self.session.links(COREF)
        choices = []
        for index, span in enumerate(spans):
            prompt = Text()
            new = span.label in (SPEAKER, CUE) and span not in in_task
            # The short names the label rows use (PER, SPK, cue), so a narrow box keeps the name.
            prompt.append(f" {'word' if new else short_label(span.label)} ", style=badge_style(span.label))
            text = excerpt(task.span_text(span), 50)
            if span.label == SPEAKER and not new:
                text = excerpt(self.session.resolve(span, corefs), 50)
            prompt.append(f" {text}")
            if span == current:
                prompt.append("  ← current", style="bold #5fd75f")
            # Last, so a narrow box cuts it first (the row's span is marked in the text as well).
            prompt.append(f"  (token {span.token_start})", style="dim")
            choices.append(Choice(str(index), prompt, f"{span.label} {text}", (span.start, span.end)))
        choices.append(Choice(_NEW, Text(f"✚ mark a new {new_label} in the text…", style="bold"), "new mark"))
        return choices

    def pick_speaker(self) -> None:
        quote = self.edits.require_focus(QUOTE)
        if quote is None:
            return
        guess = cue_guess(self.session.task, quote) if self.session.cue_of(quote) is None else None
        current = self.session.speaker_of(quote)
        candidates = self.session.speaker_candidates(quote, cue_guess=guess)
        # The plausible speakers near the quote come first; of the rest of a long document, the
        # picker lists the first few (a speaker further off is marked with "new").
        near = sum(1 for c in candidates if abs(c.token_start - quote.token_start) <= 2 * SPEAKER_WINDOW)
        candidates = [c for i, c in enumerate(candidates) if i < near + FAR_CANDIDATES or c == current]

        def chosen(value: str | None) -> None:
            if value == _NEW:
                self.screen.editor.start_selection("speaker", self.session.next_token(quote.token_end, 1))
            elif value is not None:
                self.edits.edit(lambda: self.session.link_speaker(quote, candidates[int(value)], coref_guess))

        self.screen.editor.pick(f"Speaker of “{excerpt(self.session.task.span_text(quote), 50)}” (nearest first)",
                                self._span_choices(candidates, current, "speaker"), chosen,
                                highlight=_row_of(current, candidates), near=quote.start)

    def pick_cue(self, quote: Span) -> None:
        candidates = self.session.cue_candidates(quote, self.cue_words(quote))
        current = self.session.cue_of(quote)

        def chosen(value: str | None) -> None:
            if value == _NEW:
                self.screen.editor.start_selection("cue", self.session.next_token(quote.token_end, 1))
            elif value is not None:
                self.edits.edit(lambda: self.session.set_cue(quote, candidates[int(value)]))

        self.screen.editor.pick(f"Cue of “{excerpt(self.session.task.span_text(quote), 50)}” (nearest first)",
                                self._span_choices(candidates, current, "cue"), chosen,
                                highlight=_row_of(current, candidates), near=quote.start)

    def pick_coref(self) -> None:
        speaker = self.edits.require_focus(SPEAKER, QUOTE)
        if speaker is None:
            return
        if speaker.label == QUOTE:
            self.pick_cue(speaker)
            return
        current = self.session.coref_of(speaker)
        candidates = [c for i, c in enumerate(self.session.coref_candidates(speaker))
                      if i < FAR_CANDIDATES or c == current]
        choices = self._span_choices(candidates, current, "entity")
        if current is not None:
            choices.insert(len(candidates), Choice(_CLEAR, Text("✖ refers to no entity (clear the link)",
                                                                style="bold"), "none clear unlink"))

        def chosen(value: str | None) -> None:
            if value == _NEW:
                self.screen.editor.start_selection("coref", speaker.token_start)
            elif value == _CLEAR:
                self.edits.edit(lambda: self.session.unlink(speaker))
            elif value is not None:
                self.edits.edit(lambda: self.session.link_coref(speaker, candidates[int(value)]))

        self.screen.editor.pick(f"Who is “{excerpt(self.session.task.span_text(speaker), 50)}”?", choices, chosen,
                                highlight=_row_of(current, candidates), near=speaker.start)


def _row_of(current: Span | None, candidates: list[Span]) -> str | None:
    """The picker's value of the row of the span linked now (highlighted when the list opens)."""
    return str(candidates.index(current)) if current in candidates else None
