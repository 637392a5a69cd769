"""What the span keys do to the session: delete, label (digits or picker), bounds (with a count, a
word, a clause or sentence edge right after them), quote type, unlink, spans made from a
selection, and undo/redo across documents. Every edit is journalled before it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text

from annotator.core.editing import EditError
from annotator.core.records import CUE, QUOTE, QUOTE_TYPES, SPEAKER, Span, Task
from annotator.tui.choice_picker import Choice
from annotator.tui.display_text import excerpt
from annotator.tui.label_styles import badge_style

if TYPE_CHECKING:
    from annotator.tui.screens.document_screen import DocumentScreen


def coref_guess(task: Task, speaker: Span) -> Span | None:
    """The COREF a new speaker gets, by the pre-labeler's rules (no model is run)."""
    from annotator.nlp.speaker_coref import guess_coref

    return guess_coref(task, speaker)


def cue_guess(task: Task, quote: Span) -> tuple[int, int] | None:
    """The cue a quote made by hand gets: the rules' cue word in its sentence (no model is run)."""
    from annotator.nlp.quote_cue import guess_cue

    return guess_cue(task, quote)


class SpanEditing:
    """The screen's edits on the open document; the screen owns one."""

    #: Keys that act on the bound [ ] { } just moved (a count, a word jump, a clause or sentence edge).
    BOUND_KEYS = frozenset({"g", "dollar_sign", "full_stop", *"23456789", "left_square_bracket",
                            "right_square_bracket", "left_curly_bracket", "right_curly_bracket"})

    def __init__(self, screen: DocumentScreen) -> None:
        self.screen = screen
        #: right after [ ] { }: the span, which of its bounds the next key may move further
        #: ("start"/"end") and the step's direction; any other key closes it
        self.bound_pending: tuple[Span, str, int] | None = None

    @property
    def session(self):
        return self.screen.session

    @property
    def editor(self):
        return self.screen.editor

    # -- the edit itself ---------------------------------------------------------------------

    def edit(self, change: Callable[[], Span | None]) -> bool:
        """Run ``change`` on the session, journal it, and show it; False if nothing was kept."""
        screen, session = self.screen, self.session
        if session.current is None:
            screen.notify("No document is open.", severity="warning", markup=False)
            return False
        last = session.last_edit
        try:
            result = change()
        except EditError as err:
            screen.notify(str(err), title="Not changed", severity="warning", markup=False)
            return False
        if session.last_edit is last:
            # Nothing changed (a label set to the label it has): nothing to write, and it says so.
            self.editor.selection = None
            screen.status("nothing changed: " + (f"{result.label} is already its label" if result else "no edit"))
            return False
        if not screen.save_draft():
            # Not on disk, so not kept: the screen must never show an edit that a crash would lose.
            session.undo()
            session.forget_redo()
            screen.show_spans()
            return False
        self.editor.selection = None
        screen.show_spans()
        self.editor.focus_span(result)
        if session.last_edit is not None:
            screen.status(session.last_edit.description)
        return True

    def edit_bound(self, change: Callable[[], Span | None], which: str | None = None, step: int = 1) -> bool:
        """An edit of the focused span's bounds; with ``which``, the next key may move that bound
        further (2–9 as many tokens, g to a word, $ . to a clause or sentence edge), as the status says."""
        self.bound_pending = None
        if not self.edit(change):
            return False
        if which is not None and self.editor.focused is not None:
            self.bound_pending = (self.editor.focused, which, step)
            edge = "end" if which == "end" else "start"
            self.screen.status(f"{self.session.last_edit.description}  ·  then 2–9: that many · g: to a word · "
                               f"$ / .: clause / sentence {edge}")
        return True

    def key_pressed(self, key: str) -> None:
        if self.bound_pending is not None and key not in self.BOUND_KEYS:
            self.bound_pending = None

    def require_focus(self, *labels: str) -> Span | None:
        span = self.editor.focused
        if self.session.current is None or span is None or span not in self.session.task.spans:
            self.screen.notify("Focus a span first (tab / j / k).", severity="warning", markup=False)
            return None
        if labels and span.label not in labels:
            self.screen.notify(f"This key works on a focused {' or '.join(labels)}.", severity="warning",
                               markup=False)
            return None
        return span

    def label_choices(self) -> list[Choice]:
        labels = list(dict.fromkeys([*self.screen.labels, *self.screen.run.entity_labels, QUOTE, SPEAKER,
                                     CUE, *(s.label for s in self.session.task.spans)]))
        choices = []
        for label in labels:
            prompt = Text()  # the dialog numbers the rows: the digit labels come first, so 1 is 1
            prompt.append(f" {label} ", style=badge_style(label))
            choices.append(Choice(label, prompt, label))
        return choices

    # -- delete, label, type, unlink ---------------------------------------------------------

    def delete_span(self) -> None:
        span = self.require_focus()
        if span is None:
            return
        spans = self.session.spans_in_order()
        after = spans[spans.index(span) + 1] if spans.index(span) + 1 < len(spans) else None

        def delete() -> Span | None:
            self.session.delete_span(span)
            return after

        self.edit(delete)

    def digit_label(self, index: int) -> None:
        labels = self.screen.labels
        if index >= len(labels):
            return
        label = labels[index]
        if self.bound_pending is not None and index >= 1:
            self.move_bound_by(index + 1)  # right after [ ] { }: a count, not a label
            return
        if self.editor.selecting and self.editor.purpose == "span":
            self.editor.finish_selection(label)
            return
        span = self.require_focus()
        if span is None:
            return
        if span.label in (QUOTE, SPEAKER, CUE) and label not in (QUOTE, SPEAKER, CUE):
            self._label_under(span, label)
            return
        self.edit(lambda: self.session.set_label(span, label))

    def _label_under(self, span: Span, label: str) -> None:
        """An entity key on a QUOTE, SPEAKER or CUE never turns it into an entity (that would drop
        its links): on a speaker or cue it labels the entity mention under it (adding one if there
        is none); on a quote it says how to change the quote itself."""
        if span.label == QUOTE:
            self.screen.notify(f"{label} would turn this QUOTE into an entity and drop its speaker and cue. "
                               "To do that anyway, press e and pick the label; to mark a name inside it, "
                               "move the cursor there (arrows or g).", title="Not changed", severity="warning",
                               markup=False)
            return
        under = [s for s in self.session.task.spans if s.is_entity and
                 (s.token_start, s.token_end) == (span.token_start, span.token_end)]
        if under:
            self.edit(lambda: self.session.set_label(under[0], label))
        else:
            self.edit(lambda: self.session.create_span(span.token_start, span.token_end, label))

    def pick_label(self) -> None:
        if self.editor.selecting and self.editor.purpose == "span":
            self.editor.finish_selection()
            return
        span = self.require_focus()
        if span is None:
            return

        def chosen(label: str | None) -> None:
            if label:
                self.edit(lambda: self.session.set_label(span, label))

        self.editor.pick(f"Label for “{excerpt(self.session.task.span_text(span), 50)}”", self.label_choices(),
                         chosen, highlight=span.label, near=span.start)

    def cycle_quote_type(self) -> None:
        span = self.require_focus(QUOTE)
        if span is not None:
            following = QUOTE_TYPES[(QUOTE_TYPES.index(span.quote_type) + 1) % len(QUOTE_TYPES)]
            self.edit(lambda: self.session.set_quote_type(span, following))

    def unlink(self) -> None:
        span = self.require_focus(QUOTE, SPEAKER)
        if span is not None:
            self.edit(lambda: self.session.unlink(span))

    # -- bounds ------------------------------------------------------------------------------

    def move_start(self, step: int) -> None:
        span = self.require_focus()
        if span is not None:
            self.edit_bound(lambda: self.session.move_start(span, step), "start", step)

    def move_end(self, step: int) -> None:
        span = self.require_focus()
        if span is not None:
            self.edit_bound(lambda: self.session.move_end(span, step), "end", step)

    def _reshape(self, span: Span, which: str, token: int, what: str) -> None:
        if which == "end":
            self.edit_bound(lambda: self.session.reshape(span, span.token_start, token, f"end {what}"))
        else:
            self.edit_bound(lambda: self.session.reshape(span, token, span.token_end, f"start {what}"))

    def move_bound_by(self, count: int) -> None:
        """Right after [ ] { }: move that bound ``count`` tokens in all (the first step is done)."""
        span, which, step = self.bound_pending
        token = span.token_end if which == "end" else span.token_start
        for _ in range(count - 1):
            token = self.session.next_token(token, step)
        self._reshape(span, which, token, f"{count} tokens")

    def move_bound_to_word(self, token: int) -> None:
        """Right after [ ] { } and a word jump: the moved bound goes to that word."""
        if self.bound_pending is not None:
            span, which, _ = self.bound_pending
            self._reshape(span, which, token, "to a word")

    def move_bound_to(self, where: str) -> None:
        """Move the focused span's end to the clause or sentence end after it, or, right after
        [ or ], its start to the clause or sentence start before it."""
        pending = self.bound_pending
        span = pending[0] if pending is not None else self.require_focus()
        if span is None:
            return
        edges = self.screen.edges
        if pending is not None and pending[1] == "start":
            token = (edges.clause_start_before if where == "clause" else edges.sentence_start_before)(span.token_start)
            self._reshape(span, "start", token, f"to the {where} start")
        else:
            token = (edges.clause_end_after if where == "clause" else edges.sentence_end_after)(span.token_end)
            self._reshape(span, "end", token, f"to the {where} end")

    # -- a finished selection ----------------------------------------------------------------

    def selection_finished(self, first: int, last: int, purpose: str, origin: Span | None,
                           label: str | None) -> None:
        session = self.session
        if purpose == "speaker" and origin is not None:
            self.edit(lambda: session.create_speaker(origin, first, last, coref_guess))
        elif purpose == "coref" and origin is not None:
            self.create(first, last, None, link_coref_from=origin)
        elif purpose == "cue" and origin is not None:
            self.edit(lambda: session.set_cue(origin, session.new_cue(first, last)))
        elif label is not None:
            self.create(first, last, label, reshaping=origin)
        else:
            def chosen(picked: str | None) -> None:
                if picked:
                    self.create(first, last, picked, reshaping=origin)

            self.editor.pick("Label for the new span", self.label_choices(), chosen,
                             near=self.session.task.tokens[first].start)

    def create(self, first: int, last: int, label: str | None, *, link_coref_from: Span | None = None,
               reshaping: Span | None = None) -> None:
        """A span over the tokens; a quote made over a quote the selection started on gives that
        quote its new extent, keeping its speaker and cue (one strictly inside it is a new one)."""
        session = self.session
        if label is None:
            def chosen_entity(picked: str | None) -> None:
                if picked:
                    self.create(first, last, picked, link_coref_from=link_coref_from)

            choices = [c for c in self.label_choices() if c.value not in (QUOTE, SPEAKER, CUE)]
            self.editor.pick("Entity label for the new mention", choices, chosen_entity, highlight="PERSON",
                             near=session.task.tokens[first].start)
            return
        if label == QUOTE:
            old = reshaping if reshaping is not None and reshaping.label == QUOTE else None
            if old is not None and old in session.task.spans and first <= old.token_end \
                    and old.token_start <= last and not (old.token_start < first and last < old.token_end):
                self.edit(lambda: session.reshape(old, first, last))
                return
            # No question: the type is read off the text (marks around it or not); t cycles it. The
            # cue is the rules' cue word in its sentence, when it has one.
            quote_type = session.quote_type_for(first, last)
            self.edit(lambda: session.create_span(first, last, QUOTE, quote_type, cue=cue_guess))
            return

        def make() -> Span:
            span = session.create_span(first, last, label)
            if link_coref_from is not None:
                return session.link_coref(link_coref_from, span)
            return span

        self.edit(make)

    # -- history -----------------------------------------------------------------------------

    def travel(self, *, undo: bool) -> None:
        screen, session = self.screen, self.session
        before = session.index
        try:
            edit = session.undo() if undo else session.redo()
        except EditError as err:
            screen.notify(str(err), severity="warning", markup=False)
            return
        screen.flow.target = None
        if not screen.save_draft(edit.index):
            # The journal could not follow: put the history back as it was, so screen and disk agree.
            session.redo() if undo else session.undo()
            screen.show_spans()
            return
        focus = self._focus_after_travel(edit.focus_before if undo else edit.focus_after,
                                         edit.focus_after if undo else edit.focus_before)
        if session.index != before:
            screen.flow.open_document(session.index, focus)
        else:
            self.editor.selection = None
            screen.show_spans()
            self.editor.focus_span(focus)
        # A suggestion taken or dropped and now offered again: the cursor goes back to it.
        wanted = edit.focus_before if undo else edit.focus_after
        offered = next((s for s in session.task.suggestions if s.quote == wanted), None)
        if offered is not None:
            self.editor.focus_suggestion(offered)
        document = session.current
        note = f" (document {edit.index + 1})" if session.index != before else ""
        if document is not None and document.decided and document.dirty:
            note += f"; it was {document.answer}ed: a/x/space decides it again (kept as a draft until then)"
        screen.status(f"{'undid' if undo else 'redid'}: {edit.description}{note}")

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
