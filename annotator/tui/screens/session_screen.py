"""The base of the screens that edit documents: owns the editing session and what is focused or
selected, applies edits, and redraws the document, the span panel and the header from the session."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import on
from textual.screen import Screen

from annotator.core.editing import EditError, EditingSession, digit_labels
from annotator.core.records import COREF, CUE, QUOTE, SAID_BY, SPEAKER, Span, Task
from annotator.tui.display_text import excerpt
from annotator.tui.feed import ReadAhead
from annotator.tui.label_styles import badge_style
from annotator.tui.screens.choice_dialog import Choice
from annotator.tui.settings import AnnotateSettings
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.label_legend import LabelLegend
from annotator.tui.widgets.progress_header import Progress, ProgressHeader
from annotator.tui.widgets.span_list import EntityRow, QuoteRow, SpanList


class SessionScreen(Screen[None]):
    """State shared by the annotate screen's parts (navigation, span edits, selection, relation pickers)."""

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
        #: the quote a selection started on: made a quote again, the selection becomes its extent
        self.reshaping: Span | None = None
        #: right after [ ] { }: which bound of the focused span the next key may move further
        #: ("start"/"end") and the step's direction; any other key closes it
        self.bound_pending: tuple[str, int] | None = None
        self.read_ahead = ReadAhead()
        self._target: tuple[int, bool] | None = (0, True)
        self._ranks: dict[int, int] = {}
        self._next_rank = 0
        self._feed_done = False
        self._estimate: int | None = None
        self._counting = False
        self._model = ""

    # -- showing state ---------------------------------------------------------------------

    def _show_spans(self) -> None:
        task = self.session.task
        quotes = []
        speakers, corefs = self.session.links(SAID_BY), self.session.links(COREF)
        for quote in self.session.quotes():
            speaker = speakers.get(quote)
            quotes.append(QuoteRow(quote, task.span_text(quote),
                                   self.session.resolve(speaker, corefs) if speaker else None,
                                   self.span_note(quote)))
        entities = [EntityRow(span, task.span_text(span), self.span_note(span))
                    for span in self.session.entities()]
        self.query_one(DocumentView).update_spans(task.spans)
        self.query_one(LabelLegend).show_others(sorted({s.label for s in task.spans}))
        self.query_one(SpanList).show_spans(quotes, entities)
        self._show_marks()
        self._show_progress()

    def _save_draft(self, index: int | None = None) -> bool:
        """Put document ``index`` (default: the open one) in the draft journal as it stands, or
        clear its draft when it is back to what is on disk. False (after saying so) if that failed."""
        drafts = self.settings.drafts
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

    def span_note(self, span: Span) -> str:
        """A remark shown after the span's row in the side panel (the review screen says who has it)."""
        return ""

    def _show_marks(self) -> None:
        view = self.query_one(DocumentView)
        selection = (self.selection_anchor, self.cursor) if self.selecting else None
        view.mark(focused=self.focused_span, selection=selection, cursor=self.cursor)
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
            source=source, answer=document.answer if document else None, model=self._model,
            changed=document is not None and document.dirty,
            prelabel_error=_prelabel_error(document.task.meta) if document is not None else ""))

    def _status(self, message: str) -> None:
        self.query_one(ProgressHeader).show_status(message)

    # -- focus and edits -------------------------------------------------------------------

    def focus_span(self, span: Span | None) -> None:
        self.focused_span = span
        if span is not None:
            self.cursor = span.token_start
        self._show_marks()
        if span is not None:
            task = self.session.task
            speaker = self.session.speaker_of(span) if span.label == QUOTE else None
            cue = self.session.cue_of(span) if span.label == QUOTE else None
            extra = f" — said by {self.session.resolve(speaker)}" if speaker else ""
            extra += f" · cue “{excerpt(task.span_text(cue), 30)}”" if cue else ""
            self._status(f"{span.label} “{excerpt(task.span_text(span), 80)}”{extra}")

    def span_under(self, token: int) -> Span | None:
        """The span to focus when the cursor is on ``token``: the smallest that holds it."""
        holding = [s for s in self.session.task.spans if s.token_start <= token <= s.token_end]
        return min(holding, key=lambda s: (s.token_end - s.token_start, s.label == QUOTE)) if holding else None

    def move_cursor(self, token: int) -> None:
        """Put the cursor on ``token``; focus follows to the span there (or leaves when there is none)."""
        self.cursor = token
        focused = self.span_under(token)
        if focused is not None:
            cursor = token
            self.focus_span(focused)
            self.cursor = cursor
            self._show_marks()
        else:
            self.focused_span = None
            self._show_marks()
            self._status("")

    def coref_guess(self, task: Task, speaker: Span) -> Span | None:
        """The COREF a new speaker gets, by the pre-labeler's rules (no model is run)."""
        from annotator.nlp.speaker_coref import guess_coref

        return guess_coref(task, speaker)

    def cue_guess(self, task: Task, quote: Span) -> tuple[int, int] | None:
        """The cue a quote made by hand gets: the rules' cue word in its sentence (no model is run)."""
        from annotator.nlp.quote_cue import guess_cue

        return guess_cue(task, quote)

    def cue_words(self, quote: Span) -> list[tuple[int, int]]:
        """The rules' cue words in the quote's paragraph, nearest first (for the cue picker)."""
        from annotator.nlp.quote_cue import cue_words

        return cue_words(self.session.task, quote)

    def attribution_tail(self, token: int) -> int | None:
        """Where ``, he said`` or ``, according to X`` begins after ``token`` in its sentence."""
        from annotator.nlp.quote_cue import attribution_tail

        return attribution_tail(self.session.task, token)

    @on(SpanList.SpanChosen)
    def _span_chosen(self, message: SpanList.SpanChosen) -> None:
        if self.session.current is not None and message.span in self.session.task.spans:
            self.focus_span(message.span)

    def _edit(self, change: Callable[[], Span | None]) -> bool:
        if self.session.current is None:
            self.notify("No document is open.", severity="warning", markup=False)
            return False
        last = self.session.last_edit
        try:
            result = change()
        except EditError as err:
            self.notify(str(err), title="Not changed", severity="warning", markup=False)
            return False
        if self.session.last_edit is last:
            # Nothing changed (a label set to the label it has): nothing to write, and it says so.
            self._stop_selecting()
            self._status("nothing changed: " + (f"{result.label} is already its label" if result else "no edit"))
            return False
        if not self._save_draft():
            # Not on disk, so not kept: the screen must never show an edit that a crash would lose.
            self.session.undo()
            self.session.forget_redo()
            self._show_spans()
            return False
        self.focused_span = result
        if result is not None:
            self.cursor = result.token_start
        self._stop_selecting()
        self._show_spans()
        if self.session.last_edit is not None:
            self._status(self.session.last_edit.description)
        return True

    #: Keys that act on the bound [ ] { } just moved (a count, a word jump, a clause or sentence edge).
    BOUND_KEYS = frozenset({"g", "dollar_sign", "full_stop", *"23456789", "left_square_bracket",
                            "right_square_bracket", "left_curly_bracket", "right_curly_bracket"})

    def on_key(self, event) -> None:
        if self.bound_pending is not None and event.key not in self.BOUND_KEYS:
            self.bound_pending = None

    def _edit_bound(self, change: Callable[[], Span | None], which: str | None = None, step: int = 1) -> bool:
        """An edit of the focused span's bounds; with ``which``, the next key may move that bound
        further (2–9 as many tokens, g to a word, $ . to a clause or sentence edge), as the status says."""
        self.bound_pending = None
        if not self._edit(change):
            return False
        if which is not None:
            self.bound_pending = (which, step)
            edge = "end" if which == "end" else "start"
            self._status(f"{self.session.last_edit.description}  ·  then 2–9: that many · g: to a word · "
                         f"$ / .: clause / sentence {edge}")
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

    def _label_choices(self) -> list[Choice]:
        labels = list(dict.fromkeys([*self.labels, *self.settings.entity_labels, QUOTE, SPEAKER, CUE,
                                     *(s.label for s in self.session.task.spans)]))
        choices = []
        for label in labels:
            prompt = Text()  # the dialog numbers the rows: the digit labels come first, so 1 is 1
            prompt.append(f" {label} ", style=badge_style(label))
            choices.append(Choice(label, prompt, label))
        return choices

    def _stop_selecting(self) -> None:
        if self.selecting:
            self.selecting = False
            self.query_one(LabelLegend).show_hint("")
            self.refresh_bindings()


def _prelabel_error(meta: dict) -> str:
    """One line naming what failed while pre-labeling a document (``meta.prelabel_errors``)."""
    errors = meta.get("prelabel_errors")
    if not isinstance(errors, list) or not errors:
        return ""
    first = errors[0] if isinstance(errors[0], dict) else {}
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{first.get('component', '?')}: {first.get('error', '')}{more}"
