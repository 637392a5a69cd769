"""What the annotate and review screens share: the widgets (progress header, document editor, span
panel, legend, footer), the editing session, and the objects that act on it (``SpanEditing``,
``RelationPickers``, ``DocumentFlow``). The editor owns the cursor, selection and focus; this
screen owns the session, and redraws the panel and header from it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from annotator.core.editing import Document, EditingSession
from annotator.core.labels import digit_labels
from annotator.core.errors import UserError
from annotator.core.records import COREF, QUOTE, SAID_BY, Annotation, RecordError, Span, Task
from annotator.core.sources import count_documents
from annotator.tui.dialogs.confirm_dialog import ConfirmDialog
from annotator.tui.dialogs.help import HelpScreen, help_rows
from annotator.tui.display_text import excerpt
from annotator.tui.document_flow import DocumentFlow
from annotator.tui.relation_pickers import RelationPickers
from annotator.tui.screens.edit_bindings import EDIT_BINDINGS, IDLE_WHILE_SELECTING, SPAN_ACTIONS, SUGGESTION_ACTIONS
from annotator.tui.annotation_run import AnnotationRun
from annotator.tui.span_editing import SpanEditing
from annotator.tui.suggestion_keys import SuggestionKeys, describe_suggestion
from annotator.tui.text_edges import TextEdges
from annotator.tui.widgets.document_editor import DocumentEditor
from annotator.tui.widgets.key_footer import KeyFooter
from annotator.tui.widgets.label_legend import LabelLegend
from annotator.tui.widgets.progress_header import Progress, ProgressHeader
from annotator.tui.widgets.span_list import EntityRow, QuoteRow, SpanList, SuggestionRow

#: What the legend says enter does with a selection, by its purpose.
PURPOSE_HINTS = {"span": "enter or 1–9 makes a span (7: a quote)", "speaker": "enter makes it the quote's speaker",
                 "coref": "enter marks the entity this speaker refers to", "cue": "enter makes it the quote's cue"}
#: The terminal height from which the label line under the text is on at start.
LABEL_ROWS_MIN_HEIGHT = 32


@dataclass
class FeedFinished(Message):
    error: str | None


@dataclass
class TotalCounted(Message):
    total: int | None


def routed(owner: str, method: Callable[..., None], **fixed: object) -> Callable[..., None]:
    """An action of the screen that is ``self.<owner>.<method>(*parameters, **fixed)``. Textual
    finds it as any ``action_`` method (by name on the screen) and passes the binding's parameters;
    the method is looked up on the owner by name, so an owner's subclass may override it."""

    def action(self: DocumentScreen, *parameters: object) -> None:
        getattr(getattr(self, owner), method.__name__)(*parameters, **fixed)

    action.__doc__ = f"``self.{owner}.{method.__name__}``" + (f" with {fixed}" if fixed else "")
    action.routes_to = (owner, method, fixed)  # type: ignore[attr-defined]  # read by the tests
    return action


class DocumentScreen(Screen[None]):
    """A screen that edits documents one at a time; subclasses say where documents come from."""

    BINDINGS = EDIT_BINDINGS
    #: the editor this screen shows (the review screen's shows fewer keys in the footer)
    editor_class: type[DocumentEditor] = DocumentEditor

    def __init__(self, run: AnnotationRun, session: EditingSession | None = None) -> None:
        super().__init__()
        self.run = run
        self.session = session or EditingSession()
        self.labels = digit_labels(run.entity_labels)
        self.edits = SpanEditing(self)
        self.pickers = RelationPickers(self, self.edits)
        self.flow = DocumentFlow(self)
        self.suggestions = SuggestionKeys(self)
        self.editor = self.editor_class(id="document")
        self._model = ""
        #: the side panel's row of each span, by the span object's id: (span, speaker, coref, row)
        self._rows: dict[int, tuple[Span, Span | None, Span | None, QuoteRow | EntityRow]] = {}
        #: whether the cursor is on a suggestion: + and - work, and the footer names them in the
        #: place of d and s (which still work)
        self._on_suggestion = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="progress")
        with Horizontal(id="main"):
            yield self.editor
            yield from self.compose_side()
        yield LabelLegend(self.labels, id="legend")
        yield KeyFooter(id="footer")

    def compose_side(self) -> ComposeResult:
        """The panel beside the document (the review screen adds its versions there)."""
        yield SpanList(id="spans")

    def on_mount(self) -> None:
        # Labels under the text take every other row: on by default where there is room for them
        # (a short terminal keeps its few rows for text; L shows them there too).
        self.editor.label_rows = self.app.size.height >= LABEL_ROWS_MIN_HEIGHT
        self.editor.show_message("Reading the first document…")
        self.editor.focus()
        # The editor's state is followed at once (a watcher runs as the value changes), so what a key
        # changes in the panel, status, legend and footer goes out in the same screen update as the
        # text: a message would be handled after the first update and cost a second one a frame later.
        self.watch(self.editor, "focused", self._focus_changed, init=False)
        self.watch(self.editor, "suggestion", lambda _: self._focus_changed(self.editor.focused), init=False)
        self.watch(self.editor, "selection", self._selection_changed, init=False)
        self.watch(self.editor, "prompt", self.query_one(KeyFooter).show_prompt, init=False)
        self.show_progress()
        self.read_documents()

    def on_unmount(self) -> None:
        self.flow.read_ahead.close()

    # -- reading (in a worker) ---------------------------------------------------------------

    def read_documents(self) -> None:
        raise NotImplementedError

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

    def count_documents(self) -> None:
        self.run_worker(lambda: self.post_message(TotalCounted(count_documents(self.run.sources))),
                        thread=True, exclusive=True, group="count")

    def on_feed_finished(self, message: FeedFinished) -> None:
        self.flow.finished(message.error)

    def on_total_counted(self, message: TotalCounted) -> None:
        self.flow.estimate = message.total
        self.show_progress()

    # -- showing the session -----------------------------------------------------------------

    @property
    def edges(self) -> TextEdges:
        return self.editor.edges

    def open_task(self, task: Task) -> None:
        def tail(token: int) -> int | None:
            from annotator.nlp.quote_cue import attribution_tail

            return attribution_tail(task, token)

        self.editor.show_task(task, TextEdges(task, tail))
        self._rows = {}  # another document: its notes (review) and texts are its own
        self.show_spans()

    def show_spans(self) -> None:
        legend, panel = self.query_one(LabelLegend), self.query_one(SpanList)
        if self.session.current is None:
            panel.show_spans([], [], [])
            self.show_progress()
            return
        task, session = self.session.task, self.session
        speakers, corefs = session.links(SAID_BY), session.links(COREF)
        # A row is built again only for a span object an edit made (spans are immutable: the same
        # object reads the same) or a quote whose speaker or the speaker's entity changed; an edit
        # of a long document changes a few of its thousands of rows.
        before, rows = self._rows, {}
        quotes = []
        for quote in session.quotes():
            speaker = speakers.get(quote)
            coref = corefs.get(speaker) if speaker is not None else None
            kept = before.get(id(quote))
            if kept is None or kept[0] is not quote or kept[1] is not speaker or kept[2] is not coref:
                kept = (quote, speaker, coref, QuoteRow(quote, task.span_text(quote), session.resolve(
                    speaker, corefs) if speaker else None, self.span_note(quote)))
            rows[id(quote)] = kept
            quotes.append(kept[3])
        entities = []
        for span in session.entities():
            kept = before.get(id(span))
            if kept is None or kept[0] is not span:
                kept = (span, None, None, EntityRow(span, task.span_text(span), self.span_note(span)))
            rows[id(span)] = kept
            entities.append(kept[3])
        self._rows = rows
        self.editor.update_spans(task.spans)
        self.editor.tint("suggested", [s.quote for s in task.suggestions])
        legend.show_others(sorted({s.label for s in task.spans}))
        legend.show_suggested(len(task.suggestions), self.editor.mark_style("suggested"))
        offered = [SuggestionRow(s.quote, task.span_text(s.quote), task.span_text(s.speaker) if s.speaker else None,
                                 s.score) for s in session.suggestions()]
        panel.show_spans(quotes, entities, offered)
        panel.show_focus(self.editor.focused or getattr(self.editor.suggestion, "quote", None))
        self.show_progress()

    def span_note(self, span: Span) -> str:
        """A remark shown after the span's row in the side panel (the review screen says who has it)."""
        return ""

    def show_progress(self) -> None:
        documents, document, flow = self.session.documents, self.session.current, self.flow
        total = len(documents) if flow.feed_done else flow.estimate
        if total is not None and total < len(documents):
            total = len(documents)
        doc_id, source = "", ""
        if document is not None:
            meta = document.task.meta
            doc_id = str(meta.get("id") or meta.get("doc_id") or meta.get("source") or "")
            source = document.source
        self.query_one(ProgressHeader).show_progress(Progress(
            decided=self.session.decided_count, total=total, exact=flow.feed_done,
            position=self.session.index if document is not None else None, doc_id=doc_id,
            source=source, answer=document.answer if document else None, model=self._model,
            changed=document is not None and document.dirty,
            prelabel_error=_prelabel_error(document.task.meta) if document is not None else ""))

    def status(self, message: str) -> None:
        self.query_one(ProgressHeader).show_status(message)

    def save_draft(self, index: int | None = None) -> bool:
        """Put document ``index`` (default: the open one) in the draft journal as it stands, or
        clear its draft when it is back to what is on disk. False (after saying so) if that failed."""
        drafts = self.run.drafts
        document = self.session.documents[self.session.index if index is None else index]
        if drafts is None:
            return True
        try:
            if document.dirty:
                drafts.save(document.task)
            else:
                drafts.clear(document.task.input_hash)
        except OSError as err:
            self.notify(f"The edit could not be saved to {drafts.path.name} ({err}), so it was undone.",
                        title="Draft", severity="error", timeout=20, markup=False)
            return False
        return True

    def decision(self, document: Document, answer: str) -> Annotation:
        """The record written for a decision (the review screen adds what it was reviewed from)."""
        return Annotation(document.task, answer, self.run.annotator, self.run.session_id,
                          int(time.time()))

    # -- what the editor reports (messages up) -----------------------------------------------

    def _focus_changed(self, span: Span | None) -> None:
        suggestion = self.editor.suggestion if self.session.current is not None else None
        if (suggestion is not None) != self._on_suggestion:
            self._on_suggestion = suggestion is not None
            self.refresh_bindings()  # the footer offers take and drop there
        self.query_one(SpanList).show_focus(span or getattr(suggestion, "quote", None))
        if self.session.current is None:
            return
        if span is None:
            self.status(describe_suggestion(self.session.task, suggestion) if suggestion else "")
            return
        task = self.session.task
        speaker = self.session.speaker_of(span) if span.label == QUOTE else None
        cue = self.session.cue_of(span) if span.label == QUOTE else None
        extra = f" — said by {self.session.resolve(speaker)}" if speaker else ""
        extra += f" · cue “{excerpt(task.span_text(cue), 30)}”" if cue else ""
        if suggestion is not None and suggestion.replaces == span:  # what + does here
            extra += f" · + takes another extent “{excerpt(task.span_text(suggestion.quote), 40)}”"
        self.status(f"{span.label} “{excerpt(task.span_text(span), 80)}”{extra}")

    def _selection_changed(self, selection: tuple[int, int] | None) -> None:
        hint = PURPOSE_HINTS[self.editor.purpose]
        self.query_one(LabelLegend).show_hint(
            f"SELECTING: ←/→ w/b ↑/↓ $ . extend · v restarts here · {hint} · esc cancels"
            if selection is not None else "")

    @on(DocumentEditor.SelectionFinished)
    def _selection_finished(self, message: DocumentEditor.SelectionFinished) -> None:
        self.edits.selection_finished(message.first, message.last, message.purpose, message.origin, message.label)

    @on(DocumentEditor.WordJumped)
    def _word_jumped(self, message: DocumentEditor.WordJumped) -> None:
        self.edits.move_bound_to_word(message.token)

    @on(DocumentEditor.EdgeWanted)
    def _edge_wanted(self, message: DocumentEditor.EdgeWanted) -> None:
        self.edits.move_bound_to(message.where)

    @on(DocumentEditor.Said)
    def _said(self, message: DocumentEditor.Said) -> None:
        if message.warning:
            self.notify(message.text, severity="warning", markup=False)
        else:
            self.status(message.text)

    @on(SpanList.SpanChosen)
    def _span_chosen(self, message: SpanList.SpanChosen) -> None:
        if self.session.current is not None and message.span in self.session.task.spans:
            self.editor.focus_span(message.span)
        elif self.session.current is not None:
            self.editor.focus_suggestion(next((s for s in self.session.task.suggestions
                                               if s.quote is message.span), None))

    def on_key(self, event) -> None:
        self.edits.key_pressed(event.key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in IDLE_WHILE_SELECTING and self.editor.selecting:
            return False  # finish or cancel the selection first (and the footer has room for that)
        if action in SUGGESTION_ACTIONS:
            return self._on_suggestion
        return True

    def footer_hidden(self) -> frozenset[str]:
        """Actions the footer leaves out now though they work (it has 80 columns)."""
        return SPAN_ACTIONS if self._on_suggestion else frozenset()

    # -- actions: each is the owning object's; the screen only routes the binding to it --------

    action_decide = routed("flow", DocumentFlow.decide)
    action_next_document = routed("flow", DocumentFlow.next_document)
    action_previous_document = routed("flow", DocumentFlow.previous_document)
    action_delete_span = routed("edits", SpanEditing.delete_span)
    action_digit_label = routed("edits", SpanEditing.digit_label)
    action_pick_label = routed("edits", SpanEditing.pick_label)
    action_move_start = routed("edits", SpanEditing.move_start)
    action_move_end = routed("edits", SpanEditing.move_end)
    action_cycle_quote_type = routed("edits", SpanEditing.cycle_quote_type)
    action_unlink = routed("edits", SpanEditing.unlink)
    action_undo = routed("edits", SpanEditing.travel, undo=True)
    action_redo = routed("edits", SpanEditing.travel, undo=False)
    action_pick_speaker = routed("pickers", RelationPickers.pick_speaker)
    action_pick_coref = routed("pickers", RelationPickers.pick_coref)
    action_take_suggestion = routed("suggestions", SuggestionKeys.take)
    action_drop_suggestion = routed("suggestions", SuggestionKeys.drop)

    # -- help, quit --------------------------------------------------------------------------

    def help_rows(self) -> list[tuple[str, str, str]]:
        declared = [b for cls in reversed(type(self).__mro__) for b in cls.__dict__.get("BINDINGS", ())]
        return help_rows(self, [*declared, *DocumentEditor.BINDINGS])

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
        if self.editor.selecting:
            reasons.append("A selection is open; it will be dropped (no span is made).")
        dirty = self.session.dirty_documents
        if dirty:
            output = self.run.store.path.name
            count = f"{len(dirty)} document{'s' if len(dirty) > 1 else ''}"
            if self.run.drafts is not None:
                reasons.append(f"{count} changed and not decided since: the changes are kept as drafts in "
                               f"{self.run.drafts.path.name} and come back when you open {output} again, "
                               f"but they are not in {output} until you decide them (a / x / space).")
            else:
                reasons.append(f"{count} changed and not decided since: quitting loses those changes.")
        return reasons


def _prelabel_error(meta: dict) -> str:
    """One line naming what failed while pre-labeling a document (``meta.prelabel_errors``)."""
    errors = meta.get("prelabel_errors")
    if not isinstance(errors, list) or not errors:
        return ""
    first = errors[0] if isinstance(errors[0], dict) else {}
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{first.get('component', '?')}: {first.get('error', '')}{more}"
