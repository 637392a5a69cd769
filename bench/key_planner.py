"""The key planner of ``bench/keys.py``: it presses the keys of one fix at a time through Textual's
Pilot, plans the shortest moves the annotate screen offers (navigation included), and checks every
step on the painted screen (the jump tag on its target, the focus style, the selection)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from annotator.core.records import QUOTE, Span, Task
from annotator.tui.display_text import is_word
from annotator.tui.choice_picker import ChoicePicker
from tests.tui.painted import has_focus, has_selection, has_cursor, marked_words, painted, view_cells

DEBUG = False
DIGITS = {"PERSON": "1", "ORG": "2", "GPE": "3", QUOTE: "7"}


@dataclass
class Fix:
    kind: str
    where: int
    keys: list[str] = field(default_factory=list)
    note: str = ""


def span_key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label


class Planner:
    """Presses keys for one fix at a time and counts them."""

    def __init__(self, pilot, screen) -> None:
        self.pilot = pilot
        self.screen = screen
        self.fix: Fix | None = None

    @property
    def session(self):
        return self.screen.session

    @property
    def task(self) -> Task:
        return self.session.task

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            if DEBUG:
                print(key, type(self.pilot.app.screen).__name__, self.screen.editor.focused and
                      (self.screen.editor.focused.label, self.task.span_text(self.screen.editor.focused)[:20]),
                      self.screen.editor.cursor)
            assert self.fix is not None
            self.fix.keys.append(key)
        await self.pilot.pause()

    # -- cursor moves as the screen makes them (the planner predicts them to search) -----------

    def _next(self, token: int, step: int) -> int:
        return self.session.next_token(token, step)

    def _word(self, token: int, step: int) -> int:
        tokens = self.task.tokens
        probe = self._next(token, step)
        while probe != token and not is_word(tokens[probe].text):
            token, probe = probe, self._next(probe, step)
        return probe

    def shortest_moves(self, start: int, goal: int, selecting: bool, limit: int = 12) -> list[str] | None:
        moves = {"w": lambda t: self._word(t, 1), "b": lambda t: self._word(t, -1),
                 "right": lambda t: self._next(t, 1), "left": lambda t: self._next(t, -1)}
        if selecting:  # the screen's own rules for $ and . (. stops before ", he said")
            moves["dollar_sign"] = self.screen.edges.clause_end_after
            moves["full_stop"] = self.screen.edges.sentence_end_after
        seen = {start: []}
        queue = deque([start])
        while queue:
            token = queue.popleft()
            if token == goal:
                return seen[token]
            if len(seen[token]) >= limit:
                continue
            for key, move in moves.items():
                following = move(token)
                if following not in seen:
                    seen[following] = [*seen[token], key]
                    queue.append(following)
        return None

    # -- navigation ---------------------------------------------------------------------------

    def _visible(self, offset: int) -> bool:
        from annotator.tui.widgets.document_view import DocumentView

        first, last = self.screen.query_one(DocumentView).visible_offsets()
        return first <= offset < last

    async def _page_to(self, offset: int) -> None:
        from annotator.tui.widgets.document_view import DocumentView

        view = self.screen.query_one(DocumentView)
        for _ in range(20):
            first, last = view.visible_offsets()
            if first <= offset < last:
                return
            await self.press("pagedown" if offset >= last else "pageup")
        raise AssertionError("paging never showed the target")

    async def _hint(self, kind: str, target: object, select: bool = False) -> None:
        """f or g and the tag drawn on ``target``; ``select``: its last letter in capitals, which
        starts a selection there (g and v in one)."""
        await self.press("f" if kind == "span" else "g")
        hints = self.screen.editor.mode
        index = next(i for i, group in enumerate(hints.groups) if target in group)
        tag = hints.tags[index]
        self.check_tag_painted(tag, target)
        await self.press(*(tag[:-1] + tag[-1].upper() if select else tag))
        group = hints.groups[index]
        if len(group) > 1:  # spans that start on one word: the tag asks which
            await self.press(str(group.index(target) + 1))

    # -- what the screen shows ----------------------------------------------------------------

    def _view(self):
        from annotator.tui.widgets.document_view import DocumentView

        return self.screen.query_one(DocumentView)

    def check_tag_painted(self, tag: str, target: object) -> None:
        """The tag is drawn on the screen where the view put it: at the start of its target's word,
        or right after the tags of other spans that start on that word (in the other colour, so
        two one-letter tags never read as one)."""
        view = self._view()
        tag_styles = {(s.color, s.bgcolor) for s in (view.mark_style("hint"), view.mark_style("hint-next"))}
        tokens = self.task.tokens
        place = next(offset for offset, shown in view._hints.items() if shown == tag)
        token = next(t for t in tokens if t.start <= place < max(t.end, t.start + 1))
        rest = self.task.text[place + len(tag):token.end]

        def kind(cell) -> tuple | None:
            key = (cell.style.color, cell.style.bgcolor)
            return key if key in tag_styles else None

        region = view.content_region
        for row in painted(self.pilot.app)[region.y:region.bottom]:
            cells = [c for c in row if region.x <= c.x < region.right]
            for x in range(len(cells) - len(tag) + 1):
                run = cells[x:x + len(tag)]
                if "".join(c.char for c in run) != tag or kind(run[0]) is None \
                        or any(kind(c) != kind(run[0]) for c in run):
                    continue
                if x > 0 and kind(cells[x - 1]) == kind(run[0]):
                    continue  # part of a longer tag
                after = cells[x + len(tag):x + len(tag) + len(rest)]
                if after and kind(after[0]) == kind(run[0]):
                    continue
                if len(after) == len(rest) and all(c.char == ch or kind(c) is not None for c, ch in zip(after, rest, strict=True)):
                    return
        raise AssertionError(f"tag '{tag}' is not drawn on '{token.text}' ({self.fix})")

    def check_focus_painted(self, span: Span) -> None:
        view = self._view()
        focused = marked_words(view_cells(self.pilot.app, view, has_focus(view)))
        wanted = self.task.span_text(span).split()
        assert focused and wanted[:len(focused)] == focused, (
            f"the keys act on {span.label} {wanted[:6]} but the focus is painted on {focused[:6]} ({self.fix})")

    def check_selection_painted(self, first: int, last: int) -> None:
        view = self._view()
        either = has_selection(view), has_cursor(view)
        drawn = marked_words(view_cells(self.pilot.app, view, lambda style: any(h(style) for h in either)))
        tokens = self.task.tokens
        wanted = self.task.text[tokens[first].start:tokens[last].end].split()
        assert wanted[:len(drawn)] == drawn and drawn, (
            f"the selection will mark {wanted[:6]}… but {drawn[:6]}… is painted ({self.fix})")

    def _stepping(self, target: Span) -> list[str] | None:
        """tab / shift+tab, J / K or ) / ( presses that reach ``target``, if two or fewer do."""
        focused = self.screen.editor.focused
        spans = self.session.spans_in_order()
        options = []
        if focused in spans:
            distance = spans.index(target) - spans.index(focused)
            if abs(distance) <= 3:
                options.append(["tab" if distance > 0 else "shift+tab"] * abs(distance))
        here = self.task.tokens[self.screen.editor.cursor].start

        def steps(label: str, forward: str, back: str) -> list[str] | None:
            same = [s for s in spans if s.label == label]
            after = [s for s in same if s.start > here]
            before = [s for s in reversed(same) if s.start < here]
            if target in after[:3]:
                return [forward] * (after.index(target) + 1)
            if target in before[:3]:
                return [back] * (before.index(target) + 1)
            return None

        if target.label == QUOTE:
            options.append(steps(QUOTE, "right_parenthesis", "left_parenthesis"))
        if focused is not None and focused.label == target.label:
            options.append(steps(target.label, "J", "K"))
        options = [o for o in options if o]
        return min(options, key=len) if options else None

    async def focus(self, target: Span) -> None:
        if self.screen.editor.focused == target:
            return
        stepping = self._stepping(target)
        # A jump costs f and a tag (and a page key when the target is off screen).
        if stepping is not None and len(stepping) <= (2 if self._visible(target.start) else 3):
            await self.press(*stepping)
        else:
            await self._page_to(target.start)
            await self._hint("span", target)
        assert self.screen.editor.focused == target, (target, self.screen.editor.focused, self.fix)
        self.check_focus_painted(target)

    async def cursor_to(self, token: int) -> None:
        """Put the (normal-mode) cursor on ``token``."""
        if self.screen.editor.cursor == token:
            return
        moves = self.shortest_moves(self.screen.editor.cursor, token, selecting=False, limit=2)
        if moves is not None:
            await self.press(*moves)
        else:
            await self._page_to(self.task.tokens[token].start)
            await self._hint("word", token)
        assert self.screen.editor.cursor == token

    async def select_to(self, token: int) -> None:
        moves = self.shortest_moves(self.screen.editor.cursor, token, selecting=True)
        assert moves is not None, "no way to extend the selection there"
        await self.press(*moves)
        assert self.screen.editor.cursor == token
        self.check_selection_painted(self.screen.editor.selection[0], token)

    # -- fixes -------------------------------------------------------------------------------

    async def select_from(self, token: int) -> None:
        """Start a selection on ``token``: a move or two and v, or g and the word's tag in capitals."""
        moves = [] if self.screen.editor.cursor == token else self.shortest_moves(
            self.screen.editor.cursor, token, selecting=False, limit=1)
        if moves is not None:
            await self.press(*moves, "v")
        else:
            await self._page_to(self.task.tokens[token].start)
            await self._hint("word", token, select=True)
        assert self.screen.editor.selection == (token, token), (self.screen.editor.selection, token)

    async def add_span(self, gold: Span) -> Span:
        await self.select_from(gold.token_start)
        await self.select_to(gold.token_end)
        await self.press(DIGITS[gold.label])
        made = self.screen.editor.focused
        assert made is not None and span_key(made) == span_key(gold), (made, gold)
        if gold.label == QUOTE:
            while self.screen.editor.focused.quote_type != gold.quote_type:
                await self.press("t")
        return self.screen.editor.focused

    async def _choose_row(self, first_key: str, target: Span) -> None:
        """Open a picker with ``first_key`` and choose the row that shows ``target`` (read off the
        picker's rows, as they are drawn over the text): a digit for the first nine, else "new" and a
        selection."""
        await self.press(first_key)
        picker = self.screen.editor.mode
        assert isinstance(picker, ChoicePicker), f"{first_key} opened no picker"
        rows = [c.prompt.plain for c in picker.shown]
        text = self.task.span_text(target)
        index = next((i for i, row in enumerate(rows)
                      if f"(token {target.token_start})" in row and text[:40] in row), None)
        if index is not None and index < 9:
            await self.press(str(index + 1))
            return
        await self.press(*"new", "enter")  # mark it in the text: the selection starts after the quote
        if self.screen.editor.cursor != target.token_start:
            await self._hint("word", target.token_start, select=True)
        await self.select_to(target.token_end)
        await self.press("enter")

    async def link_speaker(self, quote: Span, gold_speaker: Span) -> None:
        await self.focus(quote)
        await self._choose_row("s", gold_speaker)

    async def set_cue(self, quote: Span, gold_cue: Span) -> None:
        await self.focus(quote)
        await self._choose_row("c", gold_cue)

    async def set_coref(self, speaker: Span, entity: Span | None) -> None:
        await self.focus(speaker)
        if entity is None:
            await self.press("c", *"clear", "enter")
            return
        await self._choose_row("c", entity)

    def _bound_options(self, span: Span, goal: int, which: str) -> list[list[str]]:
        """Key sequences that move one bound of the focused span to token ``goal``."""
        session, screen = self.session, self.screen
        here = span.token_end if which == "end" else span.token_start
        grow, shrink = (("right_curly_bracket", "left_curly_bracket") if which == "end"
                        else ("right_square_bracket", "left_square_bracket"))
        options = []
        for key, step in ((grow, 1), (shrink, -1)):
            token, count = here, 0
            while count < 9:
                token, count = session.next_token(token, step), count + 1
                if token == goal:
                    options.append([key] * count if count <= 2 else [key, str(count)])
                    break
        edge = (screen.edges.clause_end_after, screen.edges.sentence_end_after) if which == "end" else (
            screen.edges.clause_start_before, screen.edges.sentence_start_before)
        for key, move in zip(("dollar_sign", "full_stop"), edge, strict=True):
            token, keys = here, []
            for _ in range(3):
                if which == "start":
                    first = session.next_token(token, -1)
                    token, keys = move(first), [*keys, "left_square_bracket", key]
                else:
                    token, keys = move(token), [*keys, key]
                if token == goal:
                    options.append(keys)
                    break
        if self._visible(self.task.tokens[goal].start):
            options.append([grow if goal > here else shrink, "g", "<tag>"])
        if self.screen.edits.bound_pending is not None and self.screen.edits.bound_pending[1] != which:
            # Right after [ or ], $ and . move the start: the end needs its own bracket first.
            options = [o for o in options if o[0] not in ("dollar_sign", "full_stop")]
        return options

    async def set_bounds(self, span: Span, goal: Span) -> Span:
        """Give the focused span the gold's extent: each bound by the fewest keys."""
        await self.focus(span)
        for which in ("start", "end"):
            focused = self.screen.editor.focused
            here = focused.token_start if which == "start" else focused.token_end
            target = goal.token_start if which == "start" else goal.token_end
            if here == target:
                continue
            keys = min(self._bound_options(focused, target, which), key=len)
            if keys[-1] == "<tag>":
                await self.press(*keys[:-2])
                await self._hint("word", target)
            else:
                await self.press(*keys)
            focused = self.screen.editor.focused
            assert (focused.token_start if which == "start" else focused.token_end) == target, (keys, self.fix)
        self.check_focus_painted(self.screen.editor.focused)
        return self.screen.editor.focused
