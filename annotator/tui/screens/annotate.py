"""The annotate screen: owns the editing session, turns keys into edits and decisions, writes each
decision at once, and keeps a worker reading and pre-labeling documents ahead of the annotator."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer
from textual.worker import get_current_worker

from annotator.core.errors import UserError
from annotator.core.records import RecordError
from annotator.core.sources import InputError
from annotator.tui.feed import NLP_IMPORT_LOCK, FeedItem, TaskFeed, count_records
from annotator.tui.screens.document_navigation import DocumentNavigation
from annotator.tui.screens.help import HelpScreen, help_rows
from annotator.tui.screens.relation_pickers import RelationPickers
from annotator.tui.screens.selection_mode import SelectionMode
from annotator.tui.screens.span_edits import SpanEdits
from annotator.tui.screens.span_navigation import SpanNavigation
from annotator.tui.screens.confirm_dialog import ConfirmDialog
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.label_legend import LabelLegend
from annotator.tui.widgets.progress_header import ProgressHeader
from annotator.tui.widgets.span_list import SpanList


#: The terminal height from which the label line under the text is on at start.
LABEL_ROWS_MIN_HEIGHT = 32


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


class AnnotateScreen(DocumentNavigation, SpanNavigation, SpanEdits, SelectionMode, RelationPickers):
    """Keys (ids in brackets can be remapped with ``App.set_keymap``):

    | keys | does |
    | --- | --- |
    | a / x / space | accept / reject / ignore the document and go to the next undecided one |
    | n / p | next / previous document |
    | f / g | jump: type the tag shown on a span / word |
    | / ; | search text or a label / the same search again |
    | ) ( / J K | next / previous quote / span of the focused label |
    | tab, j / shift+tab, k | focus the next / previous span |
    | arrows, w / b | move the cursor (focus follows); while selecting, extend |
    | d, delete | delete the focused span and its relations |
    | 1…9, e | set the focused span's label (legend), label picker |
    | [ ] / { } | move the focused span's start / end one token left / right |
    | v, $ ., enter, escape | select tokens (from the cursor), to the clause / sentence end, make a span, cancel |
    | s / c / D / t | speaker of a quote / cue of a quote, entity of a speaker / unlink / quote type |
    | u, ctrl+z / ctrl+y | undo / redo |
    | L / ? / q | labels under the text / help / quit |
    """

    BINDINGS = [
        # The footer shows the shown bindings in this order: help and quit first, so a narrow
        # terminal never hides them. Short names, so every key shown fits 80 columns (e is named
        # by the legend; while selecting, the keys that do nothing then make room for enter/escape).
        Binding("question_mark", "help", "Help", key_display="?", id="help",
                tooltip='Show every key'),
        Binding("q", "quit", "Quit", id="quit",
                tooltip='Quit (asks first when edits are not decided yet or a selection is open)'),
        Binding("a", "decide('accept')", "Accept", id="accept",
                tooltip='Accept the document as it stands and go to the next undecided one'),
        Binding("x", "decide('reject')", "Reject", id="reject",
                tooltip='Reject the document and go to the next undecided one'),
        Binding("space", "decide('ignore')", "Ignore", show=False, id="ignore",
                tooltip='Ignore (skip) the document and go to the next undecided one'),
        Binding("n", "next_document", "Next", show=False, id="next_document",
                tooltip='Next document (decided ones can be reopened and decided again)'),
        Binding("p", "previous_document", "Prev", show=False, id="previous_document",
                tooltip='Previous document'),
        Binding("f", "jump('span')", "Jump", id="jump_span",
                tooltip='Jump to a span: every span on screen shows a tag; type it'),
        Binding("g", "jump('word')", "Go to word", show=False, id="jump_word",
                tooltip='Jump to a word: every word on screen shows a tag; type it (then v selects from there)'),
        Binding("slash", "search", "Find", key_display="/", id="search",
                tooltip='Search the text, or a label (PERSON) for its next span; enter jumps'),
        Binding("semicolon", "search_next", "Again", show=False, key_display=";", id="search_next",
                tooltip='Jump to the next match of the last search'),
        Binding("right_parenthesis", "next_quote(1)", "Quote →", show=False, key_display=")", id="next_quote",
                tooltip='Focus the next QUOTE'),
        Binding("left_parenthesis", "next_quote(-1)", "Quote ←", show=False, key_display="(",
                id="previous_quote", tooltip='Focus the previous QUOTE'),
        Binding("J", "same_label(1)", "Same label →", show=False, id="next_same_label",
                tooltip="Focus the next span with the focused span's label"),
        Binding("K", "same_label(-1)", "Same label ←", show=False, id="previous_same_label",
                tooltip="Focus the previous span with the focused span's label"),
        Binding("pagedown", "page(1)", "Page ↓", show=False, id="page_down",
                tooltip='Scroll a page down and focus its first span'),
        Binding("pageup", "page(-1)", "Page ↑", show=False, id="page_up",
                tooltip='Scroll a page up and focus its first span'),
        Binding("tab,j", "focus_span(1)", "Span", show=False, id="next_span",
                tooltip='Focus the next span in text order'),
        Binding("shift+tab,k", "focus_span(-1)", "Prev span", show=False, id="previous_span",
                tooltip='Focus the previous span in text order'),
        Binding("d,delete", "delete_span", "Del", id="delete_span",
                tooltip='Delete the focused span and its relations'),
        *[Binding(str(n), f"digit_label({n - 1})", f"Label {n} (legend)", show=False, id=f"label_{n}")
          for n in range(1, 10)],
        Binding("e", "pick_label", "Label", show=False, id="pick_label",
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
                tooltip='Cursor one token left (focus follows); while selecting, the selection too'),
        Binding("right", "extend('right')", "Token →", show=False, id="select_right",
                tooltip='Cursor one token right (focus follows); while selecting, the selection too'),
        Binding("b", "extend('word_left')", "Word ←", show=False, id="select_word_left",
                tooltip='Cursor one word left; while selecting, the selection too'),
        Binding("w", "extend('word_right')", "Word →", show=False, id="select_word_right",
                tooltip='Cursor one word right; while selecting, the selection too'),
        Binding("up", "extend('up')", "Line ↑", show=False, id="select_up",
                tooltip='Cursor one line up; while selecting, the selection too'),
        Binding("down", "extend('down')", "Line ↓", show=False, id="select_down",
                tooltip='Cursor one line down; while selecting, the selection too'),
        Binding("dollar_sign", "extend_to_clause_end", "To clause end", show=False, key_display="$",
                id="select_clause_end",
                tooltip='While selecting: extend to the word before the next , ; : . ? ! or closing mark'),
        Binding("full_stop", "extend_to_sentence_end", "To sentence end", show=False, key_display=".",
                id="select_sentence_end",
                tooltip='While selecting: extend to the word before the next . ? ! (within the paragraph)'),
        Binding("enter", "finish_selection", "Make span", id="finish_selection",
                tooltip="Make a span of the selection and ask its label (7 makes a quote at once)"),
        Binding("escape", "cancel_selection", "Cancel", id="cancel_selection",
                tooltip='Cancel the selection'),
        Binding("s", "pick_speaker", "Speaker", id="pick_speaker",
                tooltip="Pick the focused quote's speaker (nearest first, digits choose), or mark a new one"),
        Binding("c", "pick_coref", "Cue/coref", show=False, id="pick_coref",
                tooltip="On a quote: pick its cue (nearest first) or mark a new one; on a speaker: pick "
                        "(or clear) the entity it refers to, or mark a new one"),
        Binding("D", "unlink", "Unlink", show=False, id="unlink",
                tooltip="Unlink the focused quote's speaker (an orphaned speaker goes too) or the "
                        "focused speaker's COREF"),
        Binding("t", "cycle_quote_type", "Quote type", show=False, id="quote_type",
                tooltip="Cycle the focused quote's type: direct, indirect, mixed"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo",
                tooltip='Undo the last edit (across documents)'),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo",
                tooltip='Redo the last undone edit'),
        Binding("L", "toggle_labels", "Labels", show=False, id="toggle_labels",
                tooltip='Show or hide the line of labels under the text'),
    ]

    # -- layout and startup ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="progress")
        with Horizontal(id="main"):
            yield DocumentView(id="document")
            yield from self.compose_side()
        yield LabelLegend(self.labels, id="legend")
        yield Footer(compact=True)

    _warming = False

    def compose_side(self) -> ComposeResult:
        """The panel beside the document (the review screen adds its versions there)."""
        yield SpanList(id="spans")

    def on_mount(self) -> None:
        view = self.query_one(DocumentView)
        # Labels under the text take every other row: on by default where there is room for them
        # (a short terminal keeps its few rows for text; L shows them there too).
        view.label_rows = self.app.size.height >= LABEL_ROWS_MIN_HEIGHT
        view.show_message("Reading the first document…")
        self._show_progress()
        self.read_documents()

    @work(thread=True, exclusive=True, group="coref")
    def prepare_coref(self) -> None:
        """Import spaCy for the COREF of added speakers now, so the first link does not wait for it."""
        with NLP_IMPORT_LOCK:
            from annotator.nlp.speaker_coref import warm_up

            warm_up()

    def on_unmount(self) -> None:
        self.read_ahead.close()

    @work(thread=True, exclusive=True, group="feed")
    def read_documents(self) -> None:
        """Read the sources in order and post each document as it becomes ready."""
        feed = TaskFeed(
            self.settings.sources, self.settings.store, model=self.settings.model,
            load_model=self.settings.load_model, on_invalid=self._reject,
            on_status=lambda state, message: self.post_message(ModelStatus(state, message)),
            read_ahead=self.read_ahead, drafts=self.settings.drafts,
        )
        self.relay(feed, DocumentArrived)

    def relay(self, items: Iterable[Any], message: Callable[[Any], Message]) -> None:
        """From a worker: post each item as a message, then FeedFinished with any reading error."""
        worker = get_current_worker()
        try:
            for item in items:
                if worker.is_cancelled:
                    return
                self.post_message(message(item))
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
        self.add_item(message.item)
        if not self._warming:
            # spaCy's import holds the interpreter for about a second: start it once the first
            # document is painted, not before (it slowed the first paint to 1 s).
            self._warming = True
            self.call_after_refresh(self.prepare_coref)

    def add_item(self, item: FeedItem) -> int:
        """Add a document the reader found to the session; open it if the annotator is waiting."""
        index = self.session.add_document(item.task, source=item.source, answer=item.answer,
                                          baseline=item.baseline)
        if item.baseline is not None and not self.session.documents[index].dirty:
            # A draft equal to what is on disk (a crash between writing a decision and clearing
            # its draft): nothing to keep.
            self._save_draft(index)
        if item.rank is not None:
            self._ranks[index] = item.rank
            self._next_rank = item.rank + 1
        if self._target is not None:
            self._settle()
        else:
            self._show_progress()
        return index

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

    # -- help, quit -----------------------------------------------------------------------

    def help_rows(self) -> list[tuple[str, str, str]]:
        return help_rows(self)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_rows(), "annotate — keys"))

    def action_quit(self) -> None:
        reasons = self.quit_warnings()
        if not reasons:
            self.app.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit()

        self.app.push_screen(ConfirmDialog("Quit?", "\n".join(reasons)), answered)

    def quit_warnings(self) -> list[str]:
        """What quitting now would leave behind, one sentence each (nothing: quit at once)."""
        reasons = []
        if self.selecting:
            reasons.append("A selection is open; it will be dropped (no span is made).")
        dirty = self.session.dirty_documents
        if dirty:
            output = self.settings.store.path.name
            count = f"{len(dirty)} document{'s' if len(dirty) > 1 else ''}"
            if self.settings.drafts is not None:
                reasons.append(f"{count} changed and not decided since: the changes are kept as drafts in "
                               f"{self.settings.drafts.path.name} and come back when you open {output} again, "
                               f"but they are not in {output} until you decide them (a / x / space).")
            else:
                reasons.append(f"{count} changed and not decided since: quitting loses those changes.")
        return reasons
