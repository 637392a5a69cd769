"""Selection mode: ``v`` starts selecting tokens at the cursor, arrows and w/b extend it, and enter
turns it into a new span, a quote's new speaker or a speaker's new entity."""

from __future__ import annotations

from typing import Callable

from annotator.core.records import CUE, QUOTE, SPEAKER, Span
from annotator.tui.display_text import is_word
from annotator.tui.screens.choice_dialog import ChoiceDialog
from annotator.tui.screens.session_screen import SessionScreen
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.label_legend import LabelLegend


_SENTENCE_ENDS = frozenset({".", "?", "!", "…"})


class SelectionMode(SessionScreen):
    """The actions behind v, the arrows, w/b, enter and escape (the last four only while selecting)."""

    _SELECTION_ACTIONS = frozenset({"finish_selection", "cancel_selection", "extend_to_clause_end",
                                    "extend_to_sentence_end"})
    _BOUND_ACTIONS = frozenset({"extend_to_clause_end", "extend_to_sentence_end"})
    _IDLE_WHILE_SELECTING = frozenset({"decide", "delete_span", "pick_speaker"})

    def action_select(self) -> None:
        if self.session.current is None or not self.session.task.tokens:
            return
        if self.selecting:  # v again restarts the selection at the cursor, for the same purpose
            self.selection_anchor = self.cursor
            self._show_marks()
            return
        self._start_selecting("span", self.cursor)

    def _start_selecting(self, purpose: str, at: int) -> None:
        focused = self.focused_span
        # A selection started on a quote and made a quote again gives that quote its new extent,
        # keeping its speaker and cue (one made strictly inside it is a new, nested quote).
        self.reshaping = focused if purpose == "span" and focused is not None and focused.label == QUOTE else None
        self.selecting = True
        self.purpose = purpose
        self.selection_anchor = self.cursor = at
        hints = {"span": "enter or 1–9 makes a span (7: a quote)", "speaker": "enter makes it the quote's speaker",
                 "coref": "enter marks the entity this speaker refers to",
                 "cue": "enter makes it the quote's cue"}
        self.query_one(LabelLegend).show_hint(
            f"SELECTING: ←/→ w/b ↑/↓ $ . extend · v restarts here · {hints[purpose]} · esc cancels")
        self.refresh_bindings()
        self._show_marks()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.selecting and action in self._IDLE_WHILE_SELECTING:
            return False  # finish or cancel the selection first (and the footer has room for that)
        if action in self._SELECTION_ACTIONS:
            # $ and . also move the focused span's end (start, right after [ ]) outside a selection.
            return self.selecting or (action in self._BOUND_ACTIONS and self.focused_span is not None)
        return True

    def action_extend(self, how: str) -> None:
        tokens = self.session.task.tokens
        cursor = self.cursor
        if how in ("left", "right"):
            cursor = self.session.next_token(cursor, -1 if how == "left" else 1)
        elif how in ("word_left", "word_right"):
            step = -1 if how == "word_left" else 1
            probe = self.session.next_token(cursor, step)
            while probe != cursor and not is_word(tokens[probe].text):
                cursor, probe = probe, self.session.next_token(probe, step)
            cursor = probe
        else:
            cursor = self.query_one(DocumentView).token_on_next_line(cursor, -1 if how == "up" else 1)
        if self.selecting:
            self.cursor = cursor
            self._show_marks()
        else:
            self.move_cursor(cursor)

    def action_extend_to_clause_end(self) -> None:
        """Extend the selection to the word before the next , ; : . ? ! or closing quote mark; not
        selecting, move the focused span's end there (its start, right after [ or ])."""
        if not self.selecting:
            self.move_bound_to("clause")
            return
        self.cursor = self.clause_end_after(self.cursor)
        self._show_marks()

    def action_extend_to_sentence_end(self) -> None:
        """Extend the selection to the word before the next . ? ! (or the end of the paragraph),
        stopping before an attribution tail (``, he said``, ``, according to X``) as a quote does;
        not selecting, move the focused span's end there (its start, right after [ or ])."""
        if not self.selecting:
            self.move_bound_to("sentence")
            return
        self.cursor = self.sentence_end_after(self.cursor)
        self._show_marks()

    def move_bound_to(self, where: str) -> None:
        """Move the focused span's end to the clause or sentence end after it, or, right after
        [ or ], its start to the clause or sentence start before it."""
        span = self._require_focus()
        if span is None:
            return
        pending = self.bound_pending
        if pending is not None and pending[0] == "start":
            token = (self.clause_start_before if where == "clause" else self.sentence_start_before)(span.token_start)
            self._edit_bound(lambda: self.session.reshape(span, token, span.token_end, f"start to the {where} start"))
        else:
            token = (self.clause_end_after if where == "clause" else self.sentence_end_after)(span.token_end)
            self._edit_bound(lambda: self.session.reshape(span, span.token_start, token, f"end to the {where} end"))

    def clause_start_before(self, token: int) -> int:
        return self._last_word_before(token, is_word, step=-1)

    def sentence_start_before(self, token: int) -> int:
        return self._last_word_before(token, lambda text: text not in _SENTENCE_ENDS and "\n" not in text, step=-1)

    def sentence_end_after(self, token: int) -> int:
        """The last word of ``token``'s sentence before its attribution tail, if it has one; from a
        word right before the tail (or a sentence end), the end of the next piece."""
        def inside_sentence(text: str) -> bool:
            return text not in _SENTENCE_ENDS and "\n" not in text

        end = self._last_word_before(token, inside_sentence)
        tail = self.attribution_tail(token)
        if tail is not None and tail <= end:
            before_tail = self._last_word_before(token, lambda text: True, stop=tail)
            if before_tail != token:
                return before_tail
        return end

    def clause_end_after(self, token: int) -> int:
        return self._last_word_before(token, is_word)

    def _last_word_before(self, start: int, goes_on: Callable[[str], bool], stop: int | None = None,
                          step: int = 1) -> int:
        """The last word token after ``start`` (before it, with ``step`` -1) before the first token
        (after the first step) where ``goes_on`` fails, or before token ``stop``."""
        tokens = self.session.task.tokens
        probe = last_word = start
        while True:
            following = self.session.next_token(probe, step)
            if following == probe or (probe != start and not goes_on(tokens[following].text)):
                break
            if stop is not None and following >= stop:
                break
            low, high = sorted((probe, following))
            if "\n" in self.session.task.text[tokens[low].end:tokens[high].start]:
                break  # a selection made with these keys never crosses a paragraph
            probe = following
            if is_word(tokens[probe].text):
                last_word = probe
        return last_word

    def action_cancel_selection(self) -> None:
        self._stop_selecting()
        self._show_marks()

    def action_finish_selection(self) -> None:
        if not self.selecting:
            return
        if self.purpose == "speaker" and self.focused_span is not None:
            quote, first, last = self.focused_span, self.selection_anchor, self.cursor
            self._edit(lambda: self.session.create_speaker(quote, first, last, self.coref_guess))
            return
        if self.purpose == "coref" and self.focused_span is not None:
            self._create_from_selection(None, link_coref_from=self.focused_span)
            return
        if self.purpose == "cue" and self.focused_span is not None:
            quote, first, last = self.focused_span, self.selection_anchor, self.cursor
            self._edit(lambda: self.session.set_cue(quote, self.session.new_cue(first, last)))
            return

        def chosen(label: str | None) -> None:
            if label:
                self._create_from_selection(label)

        self.app.push_screen(ChoiceDialog("Label for the new span", self._label_choices()), chosen)

    def _create_from_selection(self, label: str | None, link_coref_from: Span | None = None) -> None:
        first, last = self.selection_anchor, self.cursor
        if label is None:
            def chosen_entity(picked: str | None) -> None:
                if picked:
                    self._create_from_selection(picked, link_coref_from)

            choices = [c for c in self._label_choices() if c.value not in (QUOTE, SPEAKER, CUE)]
            self.app.push_screen(ChoiceDialog("Entity label for the new mention", choices,
                                              highlight="PERSON"), chosen_entity)
            return
        if label == QUOTE:
            old = self.reshaping
            low, high = sorted((first, last))
            if old is not None and old in self.session.task.spans and low <= old.token_end \
                    and old.token_start <= high and not (old.token_start < low and high < old.token_end):
                self._edit(lambda: self.session.reshape(old, low, high))
                return
            # No question: the type is read off the text (marks around it or not); t cycles it. The
            # cue is the rules' cue word in its sentence, when it has one.
            quote_type = self.session.quote_type_for(first, last)
            self._edit(lambda: self.session.create_span(first, last, QUOTE, quote_type, cue=self.cue_guess))
            return

        def create() -> Span:
            span = self.session.create_span(first, last, label)
            if link_coref_from is not None:
                return self.session.link_coref(link_coref_from, span)
            return span

        self._edit(create)
