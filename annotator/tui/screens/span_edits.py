"""Edits on the focused span: focus moves, delete, label (digits or picker), bounds, quote type,
and undo/redo across documents."""

from __future__ import annotations

from annotator.core.editing import EditError
from annotator.core.records import CUE, QUOTE, QUOTE_TYPES, SPEAKER, Span
from annotator.tui.display_text import excerpt
from annotator.tui.screens.choice_dialog import ChoiceDialog
from annotator.tui.screens.session_screen import SessionScreen


class SpanEdits(SessionScreen):
    """The actions behind tab/j/k, d, 1…9, e, [ ] { }, t, u and ctrl+y."""

    def action_focus_span(self, step: int) -> None:
        if self.session.current is None:
            return
        spans = self.session.spans_in_order()
        if not spans:
            self.notify("This document has no spans yet: v selects text to make one.", markup=False)
            return
        if self.focused_span in spans:
            index = (spans.index(self.focused_span) + step) % len(spans)
        else:
            index = 0 if step > 0 else len(spans) - 1
        self.focus_span(spans[index])

    def action_delete_span(self) -> None:
        span = self._require_focus()
        if span is None:
            return
        spans = self.session.spans_in_order()
        after = spans[spans.index(span) + 1] if spans.index(span) + 1 < len(spans) else None

        def delete() -> Span | None:
            self.session.delete_span(span)
            return after

        self._edit(delete)

    def action_digit_label(self, index: int) -> None:
        if index >= len(self.labels):
            return
        label = self.labels[index]
        if self.bound_pending is not None and index >= 1:
            self.move_bound_by(index + 1)  # right after [ ] { }: a count, not a label
            return
        if self.selecting and self.purpose == "span":
            self._create_from_selection(label)
            return
        span = self._require_focus()
        if span is None:
            return
        if span.label in (QUOTE, SPEAKER, CUE) and label not in (QUOTE, SPEAKER, CUE):
            self._label_under(span, label)
            return
        self._edit(lambda: self.session.set_label(span, label))

    def _label_under(self, span: Span, label: str) -> None:
        """An entity key on a QUOTE, SPEAKER or CUE never turns it into an entity (that would drop
        its links): on a speaker or cue it labels the entity mention under it (adding one if there
        is none); on a quote it says how to change the quote itself."""
        if span.label == QUOTE:
            self.notify(f"{label} would turn this QUOTE into an entity and drop its speaker and cue. "
                        "To do that anyway, press e and pick the label; to mark a name inside it, "
                        "move the cursor there (arrows or g).", title="Not changed", severity="warning",
                        markup=False)
            return
        under = [s for s in self.session.task.spans if s.is_entity and
                 (s.token_start, s.token_end) == (span.token_start, span.token_end)]
        if under:
            self._edit(lambda: self.session.set_label(under[0], label))
        else:
            self._edit(lambda: self.session.create_span(span.token_start, span.token_end, label))

    def action_pick_label(self) -> None:
        if self.selecting and self.purpose == "span":
            self.action_finish_selection()
            return
        span = self._require_focus()
        if span is None:
            return

        def chosen(label: str | None) -> None:
            if label:
                self._edit(lambda: self.session.set_label(span, label))

        self.app.push_screen(ChoiceDialog(f"Label for “{excerpt(self.session.task.span_text(span), 50)}”",
                                          self._label_choices(), highlight=span.label), chosen)

    def action_move_start(self, step: int) -> None:
        span = self._require_focus()
        if span is not None:
            self._edit_bound(lambda: self.session.move_start(span, step), "start", step)

    def action_move_end(self, step: int) -> None:
        span = self._require_focus()
        if span is not None:
            self._edit_bound(lambda: self.session.move_end(span, step), "end", step)

    def move_bound_by(self, count: int) -> None:
        """Right after [ ] { }: move that bound ``count`` tokens in all (the first step is done)."""
        which, step = self.bound_pending or ("end", 1)
        span = self._require_focus()
        if span is None:
            return
        token = span.token_end if which == "end" else span.token_start
        for _ in range(count - 1):
            token = self.session.next_token(token, step)
        if which == "end":
            self._edit_bound(lambda: self.session.reshape(span, span.token_start, token, f"end {count} tokens"))
        else:
            self._edit_bound(lambda: self.session.reshape(span, token, span.token_end, f"start {count} tokens"))

    def move_bound_to_word(self, token: int) -> None:
        """Right after [ ] { } and a word jump: the moved bound goes to that word."""
        which, _ = self.bound_pending or ("end", 1)
        span = self._require_focus()
        if span is None:
            return
        if which == "end":
            self._edit_bound(lambda: self.session.reshape(span, span.token_start, token, "end to a word"))
        else:
            self._edit_bound(lambda: self.session.reshape(span, token, span.token_end, "start to a word"))

    def action_cycle_quote_type(self) -> None:
        span = self._require_focus(QUOTE)
        if span is not None:
            following = QUOTE_TYPES[(QUOTE_TYPES.index(span.quote_type) + 1) % len(QUOTE_TYPES)]
            self._edit(lambda: self.session.set_quote_type(span, following))

    def action_unlink(self) -> None:
        span = self._require_focus(QUOTE, SPEAKER)
        if span is not None:
            self._edit(lambda: self.session.unlink(span))

    # -- history ---------------------------------------------------------------------------

    def action_undo(self) -> None:
        self._travel(undo=True)

    def action_redo(self) -> None:
        self._travel(undo=False)

    def _travel(self, *, undo: bool) -> None:
        before = self.session.index
        try:
            edit = self.session.undo() if undo else self.session.redo()
        except EditError as err:
            self.notify(str(err), severity="warning", markup=False)
            return
        self._target = None
        if not self._save_draft(edit.index):
            # The journal could not follow: put the history back as it was, so screen and disk agree.
            self.session.redo() if undo else self.session.undo()
            self._show_spans()
            return
        focus = self._focus_after_travel(edit.focus_before if undo else edit.focus_after,
                                         edit.focus_after if undo else edit.focus_before)
        if self.session.index != before:
            self.open_document(self.session.index, focus)
        else:
            self._stop_selecting()
            self.focus_span(focus)
            self._show_spans()
        document = self.session.current
        note = f" (document {edit.index + 1})" if self.session.index != before else ""
        if document is not None and document.decided and document.dirty:
            note += f"; it was {document.answer}ed: a/x/space decides it again (kept as a draft until then)"
        self._status(f"{'undid' if undo else 'redid'}: {edit.description}{note}")

    def _focus_after_travel(self, wanted: Span | None, gone: Span | None) -> Span | None:
        """The span to focus after undo/redo: the one the edit was about, else the nearest to where
        it happened, so the next key works there."""
        spans = self.session.spans_in_order()
        if wanted in spans:
            return wanted
        where = wanted or gone
        if where is None or not spans:
            return None
        return min(spans, key=lambda s: (abs(s.start - where.start), s.label != where.label))
