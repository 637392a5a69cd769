"""The document editor: the document view plus the cursor, the selection and the focused span it
owns (as ``TextArea`` owns its cursor), and the keys that move them: the cursor, span to span,
jump tags, search, selecting. Edits are the screen's: the editor reports what the annotator chose
as reactives the screen watches (the focused span, the selection, the prompt line: followed at
once, so one key gives one screen update) and with messages for what it asks of the screen (a
selection finished, a word jumped to, a bound to move, a line for the status)."""

from __future__ import annotations

from bisect import bisect_right
from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator

from rich.text import Text
from textual import events
from textual.reactive import reactive

from annotator.core.records import QUOTE, Span, Suggestion, Task
from annotator.core.span_queries import SpansInOrder
from annotator.core.suggestion_edits import suggestion_at, suggestion_order
from annotator.tui.choice_picker import Choice, ChoicePicker, PickerStyles
from annotator.tui.jump_hints import JumpHints, SelectFrom, tags_on_screen
from annotator.tui.keymap import shipped_bindings
from annotator.tui.display_text import excerpt
from annotator.tui.text_edges import TextEdges
from annotator.tui.text_search import SearchLine, find, next_from, span_at
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.marks import Marks
from annotator.tui.widgets.editor_messages import EdgeWanted, Said, SelectionFinished, WordJumped

class DocumentEditor(DocumentView, can_focus=True):
    """The document with the cursor, the selection and the focused span drawn over it; its keys
    are the ``document_editor`` table of ``tui/default_keys.json`` (ids stable, for ``App.set_keymap``)."""

    BINDINGS = shipped_bindings("document_editor")

    #: the token the cursor is on (while selecting, the selection's moving end)
    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    #: the selection as (anchor token, end token), or None when not selecting
    selection: reactive[tuple[int, int] | None] = reactive(None, init=False, repaint=False, always_update=True)
    #: the span the span keys act on
    focused: reactive[Span | None] = reactive(None, init=False, repaint=False)
    #: the suggestion the take and drop keys act on: the one the cursor is in (drawn as focused
    #: while no span is)
    suggestion: reactive[Suggestion | None] = reactive(None, init=False, repaint=False)

    #: what the footer line says while the editor takes every key itself (jump tags, a search, a
    #: picker), None otherwise
    prompt: reactive[Text | None] = reactive(None, init=False, repaint=False, always_update=True)

    # What it asks of the screen (``editor_messages``), read as ``DocumentEditor.<name>``.
    SelectionFinished, WordJumped, EdgeWanted, Said = SelectionFinished, WordJumped, EdgeWanted, Said

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.doc_task: Task | None = None
        self.edges: TextEdges | None = None
        #: what the open selection is for: make a "span", or the focused quote's "speaker" / "cue",
        #: or the focused speaker's "coref" (the screen's edits decide); what was focused when it began
        self.purpose = "span"
        self.origin: Span | None = None
        self._batching = False
        self._last_search = ""
        #: what takes every key now (jump tags on screen, a search being typed, a picker shown over
        #: the text), and what to do after
        self.mode: JumpHints | SearchLine | ChoicePicker | None = None
        self._done: Callable[[object], None] = lambda target: None
        self._order = SpansInOrder()

    # -- what is shown (attributes down) -----------------------------------------------------

    def show_task(self, task: Task, edges: TextEdges) -> None:
        """Show a document; the cursor goes to its first word, nothing is focused or selected."""
        self.doc_task, self.edges = task, edges
        self._end_mode()
        self.set_reactive(DocumentEditor.selection, None)
        self.set_reactive(DocumentEditor.focused, None)
        self.set_reactive(DocumentEditor.cursor, edges.next_token(-1, 1) if task.tokens else 0)
        self.set_reactive(DocumentEditor.suggestion, suggestion_at(self.doc_task.suggestions, self.cursor))
        self.show_document(task.text, task.tokens, task.spans)
        self.tint("suggested", [s.quote for s in task.suggestions])
        self.repaint_marks()

    def show_message(self, message: str) -> None:
        self.doc_task = self.edges = None
        self._end_mode()
        self.set_reactive(DocumentEditor.selection, None)
        self.set_reactive(DocumentEditor.focused, None)
        self.set_reactive(DocumentEditor.suggestion, None)
        super().show_message(message)

    def marks(self) -> Marks:
        if self.doc_task is None:
            return Marks()
        focus, selection = self.focused, self.selection
        choice = self.mode.current if isinstance(self.mode, ChoicePicker) else None
        if focus is None and self.suggestion is not None:
            focus = self.suggestion.quote  # what + takes is marked as a focused span is
        return Marks(focus=(focus.start, focus.end) if focus is not None else None,
                     selection=self.token_chars(*selection) if selection is not None else None,
                     cursor=self.token_chars(self.cursor, self.cursor) if self.doc_task.tokens else None,
                     choice=choice.where if choice is not None else None)

    @property
    def selecting(self) -> bool:
        return self.selection is not None

    def spans_in_order(self) -> list[Span]:
        """The spans in text order (not to be changed; kept until an edit puts a new list in the task)."""
        return self._order.of(self.doc_task.spans if self.doc_task is not None else [])

    # -- state changes -----------------------------------------------------------------------

    def focus_span(self, span: Span | None) -> None:
        """Focus ``span`` and put the cursor on its first token."""
        with self._one_repaint():
            if span is not None and not self.selecting:
                self.cursor = span.token_start
            if self.doc_task is not None:
                self.suggestion = suggestion_at(self.doc_task.suggestions, self.cursor)
            self.focused = span

    def focus_suggestion(self, suggestion: Suggestion | None) -> None:
        """Put the cursor on a suggestion's first word, no span focused: take and drop act on it."""
        with self._one_repaint():
            if suggestion is not None and not self.selecting:
                self.cursor = suggestion.quote.token_start
                self.focused = None
            self.suggestion = suggestion

    def move_cursor(self, token: int) -> None:
        """The cursor to ``token``; while selecting the selection's end follows, otherwise focus
        follows to the span there (or leaves when there is none)."""
        with self._one_repaint():
            if self.selection is not None:
                self.selection = (self.selection[0], token)
                self.cursor = token
                return
            self.cursor = token
            self.focused = span_at(self.doc_task.spans, token)
            self.suggestion = suggestion_at(self.doc_task.suggestions, token)

    @contextmanager
    def _one_repaint(self) -> Iterator[None]:
        """Change several marks, then repaint and scroll once (not to a mark about to move)."""
        self._batching = True
        try:
            yield
        finally:
            self._batching = False
            self.repaint_marks()

    def start_selection(self, purpose: str, at: int) -> None:
        """Select from token ``at``; enter will finish it for ``purpose``."""
        if self.doc_task is None or not self.doc_task.tokens:
            return
        self.origin = self.focused
        self.purpose = purpose
        with self._one_repaint():
            self.cursor = at
            self.selection = (at, at)

    def finish_selection(self, label: str | None = None) -> None:
        if self.selection is None:
            return
        first, last = sorted(self.selection)
        message = self.SelectionFinished(first, last, self.purpose, self.origin, label)
        self.selection = None
        self.post_message(message)

    def watch_cursor(self) -> None:
        if not self._batching:
            self.repaint_marks()

    def watch_selection(self, before: tuple[int, int] | None, after: tuple[int, int] | None) -> None:
        if not self._batching:
            self.repaint_marks()
        if (before is None) != (after is None):
            self.refresh_bindings()  # the footer names enter / esc while selecting

    def watch_focused(self) -> None:
        if not self._batching:
            self.repaint_marks()

    watch_suggestion = watch_focused

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("finish_selection", "cancel_selection"):
            return self.selecting
        if action == "to_edge":
            # $ and . also move the focused span's end (start, right after [ ]) outside a selection.
            return self.selecting or self.focused is not None
        return True

    # -- keys: the cursor and selecting ------------------------------------------------------

    def action_move(self, how: str) -> None:
        if self.doc_task is None or not self.doc_task.tokens:
            return
        edges, cursor = self.edges, self.cursor
        if how in ("left", "right"):
            cursor = edges.next_token(cursor, -1 if how == "left" else 1)
        elif how in ("word_left", "word_right"):
            cursor = edges.next_word(cursor, -1 if how == "word_left" else 1)
        else:
            cursor = self.token_on_next_line(cursor, -1 if how == "up" else 1)
        self.move_cursor(cursor)

    def action_select(self) -> None:
        # v again restarts the selection at the cursor, for the same purpose.
        self.start_selection(self.purpose if self.selecting else "span", self.cursor)

    def action_to_edge(self, where: str) -> None:
        if not self.selecting:
            self.post_message(self.EdgeWanted(where))
            return
        edge = self.edges.clause_end_after if where == "clause" else self.edges.sentence_end_after
        self.move_cursor(edge(self.cursor))

    def action_finish_selection(self) -> None:
        self.finish_selection()

    def action_cancel_selection(self) -> None:
        self.selection = None

    def action_toggle_labels(self) -> None:
        self.set_label_rows(not self.label_rows)
        self.repaint_marks()
        self.post_message(self.Said("labels under the text: " + ("on" if self.label_rows else "off (L shows them)")))

    # -- keys: from span to span -------------------------------------------------------------

    def action_focus_span(self, step: int) -> None:
        if self.doc_task is None:
            return
        spans = self.spans_in_order()
        if not spans:
            self.post_message(self.Said("This document has no spans yet: v selects text to make one."))
            return
        at = self._order.index.get(id(self.focused))
        if at is None and self.focused in spans:
            at = spans.index(self.focused)
        self.focus_span(spans[(at + step) % len(spans) if at is not None else (0 if step > 0 else -1)])

    def action_next_quote(self, step: int) -> None:
        self._step_through(step, QUOTE, "quote")

    def action_same_label(self, step: int) -> None:
        if self.focused is None:
            self.post_message(self.Said("Focus a span first (tab / j / k).", warning=True))
            return
        self._step_through(step, self.focused.label, self.focused.label)

    def _step_through(self, step: int, label: str, name: str) -> None:
        if self.doc_task is not None:
            spans = [s for s in self.spans_in_order() if s.label == label]
            target = self._next_from_cursor(spans, step, name)
            if target is not None:
                self.focus_span(target)

    def action_next_suggestion(self, step: int) -> None:
        """The next (previous) suggestion from the cursor, around the end: take and drop act on it."""
        if self.doc_task is not None:
            offered = sorted(self.doc_task.suggestions, key=suggestion_order)
            quote = self._next_from_cursor([s.quote for s in offered], step, "suggestion left")
            if quote is not None:
                self.focus_suggestion(next(s for s in offered if s.quote is quote))

    def _next_from_cursor(self, spans: list[Span], step: int, name: str) -> Span | None:
        """``next_from`` the cursor; None, after saying so, when ``spans`` is empty."""
        if not spans:
            self.post_message(self.Said(f"No {name} in this document."))
        return next_from(spans, self.doc_task.tokens[self.cursor].start if self.doc_task.tokens else 0, step)

    def action_page(self, step: int) -> None:
        """A screenful down or up; the cursor (and focus) go to the first span on the new page."""
        if self.doc_task is None or not self.doc_task.tokens:
            return
        height = max(self.scrollable_content_region.height - 2, 1)
        self.scroll_to(y=max(round(self.scroll_y) + step * height, 0), animate=False, immediate=True)
        first, last = self.visible_offsets()
        spans = [s for s in self.spans_in_order() if first <= s.start < last]
        if spans and not self.selecting:
            self.focus_span(spans[0])
        else:
            starts = [t.start for t in self.doc_task.tokens]
            self.move_cursor(self.edges.next_token(max(bisect_right(starts, first) - 2, -1), 1))

    # -- keys: search ------------------------------------------------------------------------

    def action_search(self) -> None:
        if self.doc_task is None:
            return

        def searched(query: object) -> None:
            if isinstance(query, str) and query:
                self._last_search = query
                self.search(query)

        self._take_keys(SearchLine(self._last_search), searched)

    def action_search_next(self) -> None:
        if not self._last_search:
            self.post_message(self.Said("Nothing searched yet: / searches."))
        elif self.doc_task is not None:
            self.search(self._last_search)

    def search(self, query: str) -> None:
        """Focus the next span labelled ``query``, else the next place the text has it (``find``)."""
        task = self.doc_task
        here = task.tokens[self.cursor].start if task.tokens else 0
        found = find(task, self.spans_in_order(), query, here, labels=not self.selecting)
        if found is None:
            self.post_message(self.Said(f"'{query}' is not in this document.", warning=True))
        elif isinstance(found[0], Span):
            self.focus_span(found[0])
        else:
            self.move_cursor(found[0])
            if not self.selecting:
                self.post_message(self.Said(f"“{excerpt(task.text[found[1]:found[1] + len(query)], 60)}” "
                                            "found: v selects from here"))

    # -- keys: jump tags ---------------------------------------------------------------------

    def action_jump(self, kind: str) -> None:
        if self.doc_task is None or not self.doc_task.tokens:
            return
        jump = tags_on_screen(self.doc_task, self.spans_in_order(), kind, self.cursor, self.visible_offsets())
        if jump is None:
            self.post_message(self.Said(f"No {kind} on screen to jump to."))
            return

        def jumped(target: object) -> None:
            if isinstance(target, Span):
                self.focus_span(target)
            elif isinstance(target, SelectFrom):  # as g then v: while selecting, a restart there
                if not self.selecting:
                    self.move_cursor(target.token)
                self.start_selection(self.purpose if self.selecting else "span", target.token)
            elif target is not None:
                self.move_cursor(target)
                self.post_message(self.WordJumped(target))

        self._take_keys(jump[0], jumped)
        self.show_hints(jump[1])

    # -- a list to pick from, over the text ------------------------------------------------------

    def pick(self, title: str, choices: list[Choice], done: Callable[[str | None], None], *,
             highlight: str | None = None, near: int | None = None) -> None:
        """Show ``choices`` in a box over the text (on the rows that leave character ``near`` in
        view) and take every key until one is chosen: ``done`` gets its value (None: escape)."""
        picker = ChoicePicker(title, choices, highlight)
        self._take_keys(picker, done)
        styles = PickerStyles(self.get_component_rich_style("document-view--picker"), self.mark_style("picker-row"))
        self.show_overlay(partial(picker.lines, styles=styles), keep=near)
        self.repaint_marks(scroll=False)  # the highlighted row's span is marked in the text

    # -- every key to a mode (tags, search, picker) ------------------------------------------

    def _take_keys(self, mode: JumpHints | SearchLine | ChoicePicker, done: Callable[[object], None]) -> None:
        self.mode, self._done = mode, done
        self.prompt = mode.prompt()

    def on_key(self, event: events.Key) -> None:
        """While tags are shown, a search typed or a picker open, every key goes there (no binding sees it)."""
        if self.mode is not None:
            event.stop()
            event.prevent_default()
            self._mode_answered(*self.mode.key(event.key, event.character))

    def on_click(self, event: events.Click) -> None:
        """A click on a row of the picker chooses that row."""
        at = event.get_content_offset(self)
        value = self.mode.value_at(at.y - self._overlay_top) if isinstance(self.mode, ChoicePicker) and at else None
        if value is not None:
            event.stop()
            self._mode_answered(True, value)

    def _mode_answered(self, finished: bool, target: object) -> None:
        if finished:
            self._end_mode()
            return self._done(target)  # (it may open the next mode: _end_mode never touches _done)
        self.prompt = self.mode.prompt()
        if isinstance(self.mode, ChoicePicker):
            self.redraw_overlay()
            self.repaint_marks(scroll=False)

    def _end_mode(self) -> None:
        picking = isinstance(self.mode, ChoicePicker)
        if self.mode is not None:
            self.mode, self.prompt = None, None
        if picking:
            self.show_overlay(None)
            self.repaint_marks(scroll=False)
        if self._hints:
            self.show_hints({})
