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
        task = self.session.task
        anchor = task.tokens[self.cursor].start
        # One tag per place: spans that start on the same word share it, and the tag then asks which.
        groups: dict[int, list[Span | int]] = {}
        if kind == "span":
            for span in sorted(self.session.spans_in_order(), key=lambda s: (s.end - s.start, s.label == QUOTE)):
                if first <= span.start < last:
                    groups.setdefault(span.start, []).append(span)
            self._quote_tags_inside(groups, last)
        else:
            for token in task.tokens:
                if first <= token.start < last and is_word(token.text):
                    groups[token.start] = [token.id]
        if not groups:
            self.notify(f"No {kind} on screen to jump to.", markup=False)
            return
        width = self._tag_room(groups)
        # The nearest places get the single letters, those with room for one letter only first, so
        # no tag runs over the next word.
        places = sorted(groups, key=lambda start: (width[start] > 1, abs(start - anchor)))
        tags = hint_tags(len(places), HINT_LETTERS)
        places = places[:len(tags)]
        pairs = sorted(zip(places, tags), key=lambda pair: (len(pair[1]), abs(pair[0] - anchor)))
        if kind == "word":
            # A one-letter word left without a one-letter tag gets none (w / b reach it from the
            # next word): a longer tag would cover the word after it.
            pairs = [(p, t) for p, t in pairs if len(t) <= width[p]]
        places, tags = [p for p, _ in pairs], [t for _, t in pairs]
        view.show_hints(dict(zip(places, tags)))
        moving_bound = kind == "word" and self.bound_pending is not None

        def name(target: Span | int) -> str:
            if isinstance(target, int):
                return task.tokens[target].text
            return f"{target.label} “{excerpt(task.span_text(target), 24)}”"

        def jumped(target: Span | int | None) -> None:
            view.show_hints({})
            if target is None:
                self.bound_pending = None
                return
            if moving_bound and isinstance(target, int):
                self.move_bound_to_word(target)
            elif isinstance(target, Span):
                self.focus_span(target)
            elif self.selecting:  # a word jump while selecting moves the selection's end there
                self.cursor = target
                self._show_marks()
            else:
                self.move_cursor(target)

        self.app.push_screen(JumpHints(tags, "span" if kind == "span" else "word",
                                       [groups[p][0] for p in places], [groups[p] for p in places],
                                       [[name(t) for t in groups[p]] for p in places]), jumped)

    def _quote_tags_inside(self, groups: dict[int, list[Span | int]], last: int) -> None:
        """A quote that opens on a name (``NATO is heavily involved…``) takes its tag on its first
        word after that name, so both have a tag of their own and no second key is needed."""
        tokens = self.session.task.tokens
        for start, group in list(groups.items()):
            quotes = [s for s in group if isinstance(s, Span) and s.label == QUOTE]
            if len(group) < 2 or len(quotes) != 1:
                continue
            quote, inner = quotes[0], [s for s in group if s is not quotes[0]]
            after = max(s.token_end for s in inner)
            if after >= quote.token_end:
                continue
            following = next((t for t in tokens[after + 1:quote.token_end + 1] if is_word(t.text)), None)
            if following is None or following.start in groups or following.start >= last:
                continue
            group.remove(quote)
            groups[following.start] = [quote]

    def _tag_room(self, groups: dict[int, list[Span | int]]) -> dict[int, int]:
        """How many cells a tag at each place may cover: the word there (the space after it stays,
        so two tags never run together)."""
        task = self.session.task
        starts = [t.start for t in task.tokens]
        room = {}
        for start in groups:
            token = task.tokens[max(bisect_right(starts, start) - 1, 0)]
            room[start] = len(task.text[start:token.end])
        return room

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
