"""The annotate screen: owns the editing session, turns keys into edits and decisions, writes each
decision at once, and keeps a worker reading and pre-labeling documents ahead of the annotator."""

from __future__ import annotations

import time
from typing import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from annotator.core.editing import EditError, EditingSession, digit_labels
from annotator.core.errors import UserError
from annotator.core.records import (
    COREF,
    CUE,
    QUOTE,
    QUOTE_TYPES,
    SAID_BY,
    SPEAKER,
    Annotation,
    RecordError,
    Span,
)
from annotator.core.sources import InputError
from annotator.tui.display_text import excerpt, is_word
from annotator.tui.feed import FeedItem, ReadAhead, TaskFeed, count_records
from annotator.tui.label_styles import badge_style
from annotator.tui.screens.choice_dialog import Choice, ChoiceDialog
from annotator.tui.screens.help import HelpScreen
from annotator.tui.settings import AnnotateSettings
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.label_legend import LabelLegend
from annotator.tui.widgets.progress_header import Progress, ProgressHeader
from annotator.tui.widgets.span_list import EntityRow, QuoteRow, SpanList

_NEW = "\0new"  # the dialog value for "mark a new span in the text"


class DocumentArrived(Message):
    def __init__(self, item: FeedItem) -> None:
        super().__init__()
        self.item = item


class FeedFinished(Message):
    def __init__(self, error: str | None) -> None:
        super().__init__()
        self.error = error


class InputRejected(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class ModelStatus(Message):
    def __init__(self, state: str, message: str) -> None:
        super().__init__()
        self.state = state
        self.message = message


class TotalCounted(Message):
    def __init__(self, total: int | None) -> None:
        super().__init__()
        self.total = total


class AnnotateScreen(Screen[None]):
    """Keys (ids in brackets can be remapped with ``App.set_keymap``):

    | keys | does |
    | --- | --- |
    | a / x / space | accept / reject / ignore the document and go to the next undecided one |
    | n / p | next / previous document |
    | tab, j / shift+tab, k | focus the next / previous span |
    | d, delete | delete the focused span and its relations |
    | 1…9, e | set the focused span's label (legend), label picker |
    | [ ] / { } | move the focused span's start / end one token left / right |
    | v, arrows, w/b, enter, escape | select tokens and make a span |
    | s / c / t | speaker of a quote / entity of a speaker / quote type |
    | u, ctrl+z / ctrl+y | undo / redo |
    | ? / q | help / quit |
    """

    BINDINGS = [
        Binding("a", "decide('accept')", "Accept", id="accept",
                tooltip='Accept the document as it stands and go to the next undecided one'),
        Binding("x", "decide('reject')", "Reject", id="reject",
                tooltip='Reject the document and go to the next undecided one'),
        Binding("space", "decide('ignore')", "Ignore", id="ignore",
                tooltip='Ignore (skip) the document and go to the next undecided one'),
        Binding("n", "next_document", "Next", id="next_document",
                tooltip='Next document (decided ones can be reopened and decided again)'),
        Binding("p", "previous_document", "Prev", id="previous_document",
                tooltip='Previous document'),
        Binding("tab,j", "focus_span(1)", "Span", id="next_span",
                tooltip='Focus the next span in text order'),
        Binding("shift+tab,k", "focus_span(-1)", "Prev span", show=False, id="previous_span",
                tooltip='Focus the previous span in text order'),
        Binding("d,delete", "delete_span", "Delete", id="delete_span",
                tooltip='Delete the focused span and its relations'),
        *[Binding(str(n), f"digit_label({n - 1})", f"Label {n} (legend)", show=False, id=f"label_{n}")
          for n in range(1, 10)],
        Binding("e", "pick_label", "Label", id="pick_label",
                tooltip="Pick the focused span's label from a list (type to filter)"),
        Binding("left_square_bracket", "move_start(-1)", "Start ←", show=False, key_display="[",
                id="start_left", tooltip="Move the focused span's start one token left"),
        Binding("right_square_bracket", "move_start(1)", "Start →", show=False, key_display="]",
                id="start_right", tooltip="Move the focused span's start one token right"),
        Binding("left_curly_bracket", "move_end(-1)", "End ←", show=False, key_display="{", id="end_left",
                tooltip="Move the focused span's end one token left"),
        Binding("right_curly_bracket", "move_end(1)", "End →", show=False, key_display="}", id="end_right",
                tooltip="Move the focused span's end one token right"),
        Binding("v", "select", "Select", id="select",
                tooltip='Start selecting tokens at the cursor (again: restart the selection there)'),
        Binding("left", "extend('left')", "Token ←", show=False, id="select_left",
                tooltip='While selecting: one token left'),
        Binding("right", "extend('right')", "Token →", show=False, id="select_right",
                tooltip='While selecting: one token right'),
        Binding("b", "extend('word_left')", "Word ←", show=False, id="select_word_left",
                tooltip='While selecting: one word left'),
        Binding("w", "extend('word_right')", "Word →", show=False, id="select_word_right",
                tooltip='While selecting: one word right'),
        Binding("up", "extend('up')", "Line ↑", show=False, id="select_up",
                tooltip='While selecting: one line up'),
        Binding("down", "extend('down')", "Line ↓", show=False, id="select_down",
                tooltip='While selecting: one line down'),
        Binding("enter", "finish_selection", "Make span", id="finish_selection",
                tooltip="Make a span of the selection and ask its label (and a quote's type)"),
        Binding("escape", "cancel_selection", "Cancel", id="cancel_selection",
                tooltip='Cancel the selection'),
        Binding("s", "pick_speaker", "Speaker", id="pick_speaker",
                tooltip="Pick the focused quote's speaker, or mark a new one in the text"),
        Binding("c", "pick_coref", "Coref…", show=False, id="pick_coref",
                tooltip='Pick the entity the focused speaker refers to, or mark a new one'),
        Binding("t", "cycle_quote_type", "Quote type", show=False, id="quote_type",
                tooltip="Cycle the focused quote's type: direct, indirect, mixed"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo",
                tooltip='Undo the last edit (across documents)'),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo",
                tooltip='Redo the last undone edit'),
        Binding("question_mark", "help", "Help", key_display="?", id="help",
                tooltip='Show this help'),
        Binding("q", "quit", "Quit", id="quit",
                tooltip='Quit (every decision is already saved)'),
    ]

    _SELECTION_ACTIONS = frozenset({"extend", "finish_selection", "cancel_selection"})

    def __init__(self, settings: AnnotateSettings) -> None:
        super().__init__()
        self.settings = settings
        self.session = EditingSession()
        self.labels = digit_labels(settings.entity_labels)
        self.focused_span: Span | None = None
        self.selecting = False
        self.selection_anchor = 0
        self.cursor = 0
        #: what enter does with a selection: "span", or link it as the focused span's "speaker"/"coref"
        self.purpose = "span"
        self.read_ahead = ReadAhead()
        self._target: tuple[int, bool] | None = (0, True)
        self._ranks: dict[int, int] = {}
        self._sources: dict[int, str] = {}
        self._next_rank = 0
        self._feed_done = False
        self._estimate: int | None = None
        self._counting = False
        self._model = ""

    # -- layout and startup ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="progress")
        with Horizontal(id="main"):
            yield DocumentView(id="document")
            yield SpanList(id="spans")
        yield LabelLegend(self.labels, id="legend")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DocumentView).show_message("Reading the first document…")
        self._show_progress()
        self.read_documents()

    def on_unmount(self) -> None:
        self.read_ahead.close()

    @work(thread=True, exclusive=True, group="feed")
    def read_documents(self) -> None:
        """Read the sources in order and post each document as it becomes ready."""
        worker = get_current_worker()
        feed = TaskFeed(
            self.settings.sources, self.settings.store, model=self.settings.model,
            load_model=self.settings.load_model, on_invalid=self._reject,
            on_status=lambda state, message: self.post_message(ModelStatus(state, message)),
            read_ahead=self.read_ahead,
        )
        try:
            for item in feed:
                if worker.is_cancelled:
                    return
                self.post_message(DocumentArrived(item))
        except (UserError, RecordError, OSError) as err:
            self.post_message(FeedFinished(str(err)))
        except Exception as err:  # noqa: BLE001 - the screen stays usable for what was read
            self.post_message(FeedFinished(f"reading stopped: {type(err).__name__}: {err}"))
        else:
            self.post_message(FeedFinished(None))

    @work(thread=True, exclusive=True, group="count")
    def count_documents(self) -> None:
        try:
            self.post_message(TotalCounted(count_records(self.settings.sources)))
        except OSError:
            self.post_message(TotalCounted(None))

    def _reject(self, error: InputError, raw: str) -> None:
        # Runs in the feed worker: set the line aside if asked to, and tell the annotator.
        if self.settings.rejects is not None:
            self.settings.rejects.add(error, raw)
            where = f"set aside in {self.settings.rejects.path.name}"
        else:
            where = "skipped"
        self.post_message(InputRejected(f"{error} ({where})"))

    # -- messages from the worker ----------------------------------------------------------

    def on_document_arrived(self, message: DocumentArrived) -> None:
        item = message.item
        index = self.session.add_document(item.task, source=item.source, answer=item.answer)
        if item.rank is not None:
            self._ranks[index] = item.rank
            self._next_rank = item.rank + 1
        if self._target is not None:
            self._settle()
        else:
            self._show_progress()

    def on_feed_finished(self, message: FeedFinished) -> None:
        self._feed_done = True
        if message.error:
            self.notify(message.error, title="Input", severity="error", timeout=15, markup=False)
        if self._target is not None:
            self._settle()
        self._show_progress()

    def on_input_rejected(self, message: InputRejected) -> None:
        self.notify(message.message, title="Bad input line", severity="warning", timeout=10, markup=False)

    def on_model_status(self, message: ModelStatus) -> None:
        self._model = message.message
        if message.state == "error":
            self.notify(message.message, title="Model", severity="error", timeout=15, markup=False)
        self._show_progress()

    def on_total_counted(self, message: TotalCounted) -> None:
        self._estimate = message.total
        self._show_progress()

    # -- navigation ------------------------------------------------------------------------

    def _seek(self, start: int, undecided_only: bool) -> None:
        self._target = (start, undecided_only)
        self._settle()

    def _settle(self) -> None:
        """Open the document the annotator asked for, or say what it is waiting for."""
        assert self._target is not None
        start, undecided_only = self._target
        documents = self.session.documents
        for index in range(start, len(documents)):
            if not undecided_only or not documents[index].decided:
                self._target = None
                self.open_document(index)
                return
        self.session.index = len(documents)
        self.focused_span = None
        self._stop_selecting()
        self.read_ahead.reach(self._next_rank)
        view = self.query_one(DocumentView)
        if self._feed_done:
            done = self.session.decided_count
            view.show_message(f"No more documents: {done} of {len(documents)} decided.\n\n"
                              "p goes back to the last document, q quits.")
        else:
            view.show_message("Waiting for the next document (reading and pre-labeling)…")
        self.query_one(SpanList).show_spans([], [])
        self._show_progress()

    def open_document(self, index: int, focus: Span | None = None) -> None:
        """Show document ``index`` of the session, optionally with a span focused."""
        document = self.session.go_to(index)
        if self._estimate is None and not self._counting:
            # Counting reads every input byte: start it after the first document is on screen.
            self._counting = True
            self.set_timer(1.0, self.count_documents)
        if index in self._ranks:
            self.read_ahead.reach(self._ranks[index])
        self._stop_selecting()
        task = document.task
        self.focused_span = focus if focus in task.spans else None
        self.cursor = self.session.next_token(-1, 1) if task.tokens else 0
        self.query_one(DocumentView).show_document(task.text, task.tokens, task.spans)
        self._show_spans()

    def action_next_document(self) -> None:
        if self.session.current is None and self._target is not None:
            self.notify("Still reading; the next document is on its way.", markup=False)
            return
        self._seek(self.session.index + 1, undecided_only=False)

    def action_previous_document(self) -> None:
        if self.session.index <= 0:
            self.notify("This is the first document.", markup=False)
            return
        self._seek(min(self.session.index, len(self.session.documents)) - 1, undecided_only=False)

    def action_decide(self, answer: str) -> None:
        document = self.session.current
        if document is None:
            self.notify("No document is open.", severity="warning", markup=False)
            return
        annotation = Annotation(document.task, answer, self.settings.annotator, self.settings.session_id,
                                int(time.time()))
        try:
            self.settings.store.append_decision(annotation)
        except (RecordError, OSError) as err:
            self.notify(f"Not saved: {err}", title="Store", severity="error", timeout=20, markup=False)
            return
        self.session.decide(answer)
        self._status(f"{answer}ed document {self.session.index + 1}" if answer != "ignore"
                     else f"ignored document {self.session.index + 1}")
        self._seek(self.session.index + 1, undecided_only=True)

    # -- showing state ---------------------------------------------------------------------

    def _show_spans(self) -> None:
        task = self.session.task
        quotes = []
        speakers, corefs = self.session.links(SAID_BY), self.session.links(COREF)
        for quote in self.session.quotes():
            speaker = speakers.get(quote)
            quotes.append(QuoteRow(quote, task.span_text(quote),
                                   self.session.resolve(speaker, corefs) if speaker else None))
        entities = [EntityRow(span, task.span_text(span)) for span in self.session.entities()]
        self.query_one(DocumentView).update_spans(task.spans)
        self.query_one(SpanList).show_spans(quotes, entities)
        self._show_marks()
        self._show_progress()

    def _show_marks(self) -> None:
        view = self.query_one(DocumentView)
        if self.selecting:
            view.mark(focused=self.focused_span, selection=(self.selection_anchor, self.cursor), cursor=self.cursor)
        else:
            view.mark(focused=self.focused_span)
        self.query_one(SpanList).show_focus(self.focused_span)

    def _show_progress(self) -> None:
        documents = self.session.documents
        document = self.session.current
        total = len(documents) if self._feed_done else self._estimate
        if total is not None and total < len(documents):
            total = len(documents)
        doc_id, source = "", ""
        if document is not None:
            meta = document.task.meta
            doc_id = str(meta.get("id") or meta.get("doc_id") or meta.get("source") or "")
            source = document.source
        self.query_one(ProgressHeader).show_progress(Progress(
            decided=self.session.decided_count, total=total, exact=self._feed_done,
            position=self.session.index if document is not None else None, doc_id=doc_id,
            source=source, answer=document.answer if document else None, model=self._model))

    def _status(self, message: str) -> None:
        self.query_one(ProgressHeader).show_status(message)

    # -- span focus and edits --------------------------------------------------------------

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

    def focus_span(self, span: Span | None) -> None:
        self.focused_span = span
        if span is not None:
            self.cursor = span.token_start
        self._show_marks()
        if span is not None:
            task = self.session.task
            speaker = self.session.speaker_of(span) if span.label == QUOTE else None
            extra = f" — said by {self.session.resolve(speaker)}" if speaker else ""
            self._status(f"{span.label} “{excerpt(task.span_text(span), 80)}”{extra}")

    @on(SpanList.SpanChosen)
    def _span_chosen(self, message: SpanList.SpanChosen) -> None:
        if self.session.current is not None and message.span in self.session.task.spans:
            self.focus_span(message.span)

    def _edit(self, change: Callable[[], Span | None]) -> bool:
        if self.session.current is None:
            self.notify("No document is open.", severity="warning", markup=False)
            return False
        try:
            result = change()
        except EditError as err:
            self.notify(str(err), title="Not changed", severity="warning", markup=False)
            return False
        self.focused_span = result
        if result is not None:
            self.cursor = result.token_start
        self._stop_selecting()
        self._show_spans()
        if self.session.last_edit is not None:
            self._status(self.session.last_edit.description)
        return True

    def _require_focus(self, *labels: str) -> Span | None:
        span = self.focused_span
        if self.session.current is None or span is None or span not in self.session.task.spans:
            self.notify("Focus a span first (tab / j / k).", severity="warning", markup=False)
            return None
        if labels and span.label not in labels:
            self.notify(f"This key works on a focused {' or '.join(labels)}.", severity="warning", markup=False)
            return None
        return span

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
        if self.selecting and self.purpose == "span":
            self._create_from_selection(label)
            return
        span = self._require_focus()
        if span is not None:
            self._edit(lambda: self.session.set_label(span, label))

    def _label_choices(self) -> list[Choice]:
        labels = list(dict.fromkeys([*self.labels, *self.settings.entity_labels, QUOTE, SPEAKER, CUE,
                                     *(s.label for s in self.session.task.spans)]))
        choices = []
        for label in labels:
            prompt = Text()
            number = self.labels.index(label) + 1 if label in self.labels else None
            prompt.append(f"{number} " if number else "  ", style="bold")
            prompt.append(f" {label} ", style=badge_style(label))
            choices.append(Choice(label, prompt, label))
        return choices

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
            self._edit(lambda: self.session.move_start(span, step))

    def action_move_end(self, step: int) -> None:
        span = self._require_focus()
        if span is not None:
            self._edit(lambda: self.session.move_end(span, step))

    def action_cycle_quote_type(self) -> None:
        span = self._require_focus(QUOTE)
        if span is not None:
            following = QUOTE_TYPES[(QUOTE_TYPES.index(span.quote_type) + 1) % len(QUOTE_TYPES)]
            self._edit(lambda: self.session.set_quote_type(span, following))

    # -- selection -------------------------------------------------------------------------

    def action_select(self) -> None:
        if self.session.current is None or not self.session.task.tokens:
            return
        if self.selecting:  # v again restarts the selection at the cursor, for the same purpose
            self.selection_anchor = self.cursor
            self._show_marks()
            return
        self._start_selecting("span", self.cursor)

    def _start_selecting(self, purpose: str, at: int) -> None:
        self.selecting = True
        self.purpose = purpose
        self.selection_anchor = self.cursor = at
        hints = {"span": "enter or 1–9 makes a span", "speaker": "enter makes it the quote's speaker",
                 "coref": "enter marks the entity this speaker refers to"}
        self.query_one(LabelLegend).show_hint(
            f"SELECTING: ←/→ w/b ↑/↓ extend · v restarts here · {hints[purpose]} · esc cancels")
        self.refresh_bindings()
        self._show_marks()

    def _stop_selecting(self) -> None:
        if self.selecting:
            self.selecting = False
            self.query_one(LabelLegend).show_hint("")
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self._SELECTION_ACTIONS:
            return self.selecting
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
        self.cursor = cursor
        self._show_marks()

    def action_cancel_selection(self) -> None:
        self._stop_selecting()
        self._show_marks()

    def action_finish_selection(self) -> None:
        if not self.selecting:
            return
        if self.purpose == "speaker" and self.focused_span is not None:
            quote, first, last = self.focused_span, self.selection_anchor, self.cursor
            self._edit(lambda: self.session.create_speaker(quote, first, last))
            return
        if self.purpose == "coref" and self.focused_span is not None:
            self._create_from_selection(None, link_coref_from=self.focused_span)
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
            def chosen_type(quote_type: str | None) -> None:
                if quote_type:
                    self._edit(lambda: self.session.create_span(first, last, QUOTE, quote_type))

            self.app.push_screen(ChoiceDialog("Quote type", [Choice(t, Text(t), t) for t in QUOTE_TYPES],
                                              filterable=False), chosen_type)
            return

        def create() -> Span:
            span = self.session.create_span(first, last, label)
            if link_coref_from is not None:
                return self.session.link_coref(link_coref_from, span)
            return span

        self._edit(create)

    # -- links -----------------------------------------------------------------------------

    def _span_choices(self, spans: list[Span], current: Span | None, new_label: str) -> list[Choice]:
        task = self.session.task
        choices = []
        for index, span in enumerate(spans):
            prompt = Text()
            prompt.append(f" {span.label} ", style=badge_style(span.label))
            text = excerpt(task.span_text(span), 50)
            if span.label == SPEAKER:
                text = excerpt(self.session.resolve(span), 50)
            prompt.append(f" {text}")
            prompt.append(f"  (token {span.token_start})", style="dim")
            if span == current:
                prompt.append("  ← current", style="bold #5fd75f")
            choices.append(Choice(str(index), prompt, f"{span.label} {text}"))
        choices.append(Choice(_NEW, Text(f"✚ mark a new {new_label} in the text…", style="bold"), "new mark"))
        return choices

    def action_pick_speaker(self) -> None:
        quote = self._require_focus(QUOTE)
        if quote is None:
            return
        candidates = self.session.speaker_candidates()
        current = self.session.speaker_of(quote)

        def chosen(value: str | None) -> None:
            if value == _NEW:
                self._start_selecting("speaker", self.session.next_token(quote.token_end, 1))
            elif value is not None:
                self._edit(lambda: self.session.link_speaker(quote, candidates[int(value)]))

        self.app.push_screen(ChoiceDialog(f"Speaker of “{excerpt(self.session.task.span_text(quote), 50)}”",
                                          self._span_choices(candidates, current, "speaker"),
                                          highlight=str(candidates.index(current)) if current in candidates
                                          else None), chosen)

    def action_pick_coref(self) -> None:
        speaker = self._require_focus(SPEAKER)
        if speaker is None:
            return
        candidates = self.session.coref_candidates(speaker)
        current = self.session.coref_of(speaker)

        def chosen(value: str | None) -> None:
            if value == _NEW:
                self._start_selecting("coref", speaker.token_start)
            elif value is not None:
                self._edit(lambda: self.session.link_coref(speaker, candidates[int(value)]))

        self.app.push_screen(ChoiceDialog(f"Who is “{excerpt(self.session.task.span_text(speaker), 50)}”?",
                                          self._span_choices(candidates, current, "entity"),
                                          highlight=str(candidates.index(current)) if current in candidates
                                          else None), chosen)

    # -- history, help, quit ---------------------------------------------------------------

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
        focus = edit.focus_before if undo else edit.focus_after
        if self.session.index != before:
            self.open_document(self.session.index, focus)
        else:
            self.focused_span = focus if focus in self.session.task.spans else None
            self._stop_selecting()
            self._show_spans()
        self._status(f"{'undid' if undo else 'redid'}: {edit.description}"
                     + (f" (document {edit.index + 1})" if self.session.index != before else ""))

    def help_rows(self) -> list[tuple[str, str, str]]:
        rows: dict[str, tuple[list[str], str]] = {}
        for binding in self._bindings.key_to_bindings.values():
            for item in binding:
                if item.id is None:
                    continue
                keys, _ = rows.setdefault(item.id, ([], item.tooltip or item.description))
                keys.append(self.app.get_key_display(item))
        order = [b.id for b in self.BINDINGS if isinstance(b, Binding)]
        out = []
        for binding_id in dict.fromkeys(order):
            if binding_id not in rows:
                continue
            if binding_id.startswith("label_"):
                # The nine label keys read as one row: "1 … 9".
                if binding_id == "label_1":
                    out.append(("1 … 9", "Set the focused span's label (see the legend); with a "
                                "selection, make a span with that label", "label_1 … label_9"))
                continue
            out.append((" / ".join(rows[binding_id][0]), rows[binding_id][1], binding_id))
        return out

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_rows(), "annotate — keys"))

    def action_quit(self) -> None:
        self.app.exit()
