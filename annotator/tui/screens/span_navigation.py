"""Reaching a span in a few keys: jump hints on spans (f) or words (g), search (/ and ;), the next or
previous quote ( ) ( ), the next or previous span of the focused label (J K), a page at a time, and
the cursor: moving it moves focus to the span under it."""

from __future__ import annotations

from bisect import bisect_right

from annotator.core.records import QUOTE, Span
from annotator.tui.display_text import excerpt, is_word
from annotator.tui.screens.jump_hints import HINT_LETTERS, JumpHints, hint_tags
from annotator.tui.screens.search_prompt import SearchPrompt
from annotator.tui.screens.session_screen import SessionScreen
from annotator.tui.widgets.document_view import DocumentView


class SpanNavigation(SessionScreen):
    """The actions behind f, g, /, ;, ( ), J K, page up/down and L."""

    _last_search = ""

    # -- jump hints ----------------------------------------------------------------------------

    def action_jump(self, kind: str) -> None:
        if self.session.current is None or not self.session.task.tokens:
            return
        view = self.query_one(DocumentView)
        first, last = view.visible_offsets()
        anchor = self.session.task.tokens[self.cursor].start
        if kind == "span":
            targets: list[tuple[int, Span | int]] = [(s.start, s) for s in self.session.spans_in_order()
                                                     if first <= s.start < last]
        else:
            targets = [(t.start, t.id) for t in self.session.task.tokens
                       if first <= t.start < last and is_word(t.text)]
        if not targets:
            self.notify(f"No {kind} on screen to jump to.", markup=False)
            return
        # The nearest targets get the single letters.
        targets.sort(key=lambda t: abs(t[0] - anchor))
        tags = hint_tags(len(targets), HINT_LETTERS)
        targets = targets[:len(tags)]
        view.show_hints(self._hint_offsets(targets, tags))

        def jumped(index: int | None) -> None:
            view.show_hints({})
            if index is None:
                return
            target = targets[index][1]
            if isinstance(target, Span):
                self.focus_span(target)
            else:
                self.move_cursor(target)

        self.app.push_screen(JumpHints(tags, "span" if kind == "span" else "word", [t for _, t in targets]), jumped)

    @staticmethod
    def _hint_offsets(targets: list[tuple[int, Span | int]], tags: list[str]) -> dict[int, str]:
        """Where each tag is drawn: at its target's start; a longer span that starts where a shorter
        one does (a quote opening on a name) shows its tag just before that start."""
        offsets: dict[int, str] = {}
        by_start: dict[int, list[tuple[Span | int, str]]] = {}
        for (start, target), tag in zip(targets, tags):
            by_start.setdefault(start, []).append((target, tag))
        for start, group in by_start.items():
            group.sort(key=lambda item: -(item[0].end - item[0].start) if isinstance(item[0], Span) else 0)
            position = start
            for target, tag in reversed(group):  # the shortest span at the start itself
                offsets[position] = tag
                position = max(position - len(tag) - 1, 0) if position > 0 else position + len(tag)
        return offsets

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        if self.session.current is None:
            return

        def searched(query: str | None) -> None:
            if query:
                self._last_search = query
                self.search(query)

        self.app.push_screen(SearchPrompt(self._last_search), searched)

    def action_search_next(self) -> None:
        if not self._last_search:
            self.notify("Nothing searched yet: / searches.", markup=False)
        elif self.session.current is not None:
            self.search(self._last_search)

    def search(self, query: str) -> None:
        """Jump to the next span with ``query`` as its label, else to the next place the text has it
        (after the cursor, wrapping round); focus the span there."""
        task = self.session.task
        here = task.tokens[self.cursor].start if task.tokens else 0
        labelled = [s for s in self.session.spans_in_order() if s.label == query.strip().upper()]
        if labelled and query.strip().isupper():
            after = [s for s in labelled if s.start > here] or labelled
            self.focus_span(after[0])
            return
        text = task.text.casefold()
        needle = query.casefold()
        found = text.find(needle, here + 1)
        if found < 0:
            found = text.find(needle)
        if found < 0:
            self.notify(f"'{query}' is not in this document.", markup=False)
            return
        starts = [t.start for t in task.tokens]
        token = max(bisect_right(starts, found) - 1, 0)
        starting = [s for s in self.session.spans_in_order() if s.start == task.tokens[token].start]
        if starting:
            self.focus_span(min(starting, key=lambda s: s.end - s.start))
        else:
            self.focused_span = None
            self.move_cursor(token)
            self._status(f"“{excerpt(task.text[found:found + len(query)], 60)}” found: v selects from here")

    # -- next / previous by kind ---------------------------------------------------------------

    def action_next_quote(self, step: int) -> None:
        self._step_through(step, QUOTE, "quote")

    def action_same_label(self, step: int) -> None:
        span = self._require_focus()
        if span is not None:
            self._step_through(step, span.label, span.label)

    def _step_through(self, step: int, label: str, name: str) -> None:
        if self.session.current is None:
            return
        spans = [s for s in self.session.spans_in_order() if s.label == label]
        if not spans:
            self.notify(f"No {name} in this document.", markup=False)
            return
        task = self.session.task
        here = task.tokens[self.cursor].start if task.tokens else 0
        if step > 0:
            target = next((s for s in spans if s.start > here), spans[0])
        else:
            target = next((s for s in reversed(spans) if s.start < here), spans[-1])
        self.focus_span(target)

    def action_page(self, step: int) -> None:
        """A screenful down or up; the cursor (and focus) go to the first span on the new page."""
        if self.session.current is None or not self.session.task.tokens:
            return
        view = self.query_one(DocumentView)
        height = max(view.scrollable_content_region.height - 2, 1)
        view.scroll_to(y=max(round(view.scroll_y) + step * height, 0), animate=False)
        first, last = view.visible_offsets()
        spans = [s for s in self.session.spans_in_order() if first <= s.start < last]
        if spans:
            self.focus_span(spans[0])
        else:
            starts = [t.start for t in self.session.task.tokens]
            self.move_cursor(self.session.next_token(max(bisect_right(starts, first) - 2, -1), 1))

    def action_toggle_labels(self) -> None:
        view = self.query_one(DocumentView)
        view.set_label_rows(not view.label_rows)
        self._show_marks()
        self._status("labels under the text: " + ("on" if view.label_rows else "off (L shows them)"))
