"""The review screen: the document editor on each document's versions merged, with the spans only
some annotators have tinted and named, a panel of the versions, a key to take one version, and a
key to accept every document the annotators agree on. Decisions go to GOLD with ``meta.review``."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from annotator.core.adjudication import Adjudication, ReviewSession, span_id
from annotator.core.editing import Document
from annotator.core.invariants import task_problems
from annotator.core.records import COREF, QUOTE, SAID_BY, Annotation, RecordError, Span
from annotator.core.decisions import DecisionIndex
from annotator.tui.display_text import excerpt
from annotator.tui.feed import FeedItem
from annotator.tui.review_feed import ReviewItem, iter_review_items
from annotator.tui.choice_picker import Choice
from annotator.tui.dialogs.choice_dialog import ChoiceDialog
from annotator.tui.screens.document_screen import DocumentScreen
from annotator.tui.screens.edit_bindings import EDIT_BINDINGS
from annotator.tui.annotation_run import AnnotationRun
from annotator.tui.keymap import shipped_bindings
from annotator.tui.widgets.span_list import SpanList
from annotator.tui.widgets.document_editor import DocumentEditor
from annotator.tui.widgets.version_panel import DifferenceRow, VersionPanel, VersionRow

_MERGED = "merged"
_QUIET_IN_REVIEW = frozenset({"ignore", "previous_document", "pick_label", "select", "pick_speaker"})


@dataclass
class ReviewArrived(Message):
    item: ReviewItem


class ReviewEditor(DocumentEditor):
    """The document editor with ``v`` out of the footer, to make room for the review keys."""

    BINDINGS = [replace(b, show=False) for b in DocumentEditor.BINDINGS if b.id in _QUIET_IN_REVIEW]


class ReviewScreen(DocumentScreen):
    """Every annotate key works on the merged document; review adds (ids for ``App.set_keymap``):

    | keys | does |
    | --- | --- |
    | a / x / space | write the document as shown to GOLD as accepted / rejected / ignored |
    | o | take one annotator's version (or the merged one) in place of what is shown |
    | A | write every undecided document the annotators agree on, with their answer |
    """

    BINDINGS = [
        # The same keys as annotate; a few leave the footer to make room for the review keys.
        *(replace(b, show=False) for b in EDIT_BINDINGS if b.id in _QUIET_IN_REVIEW),
        *shipped_bindings("review_screen"),
    ]

    editor_class = ReviewEditor

    def __init__(self, run: AnnotationRun, decisions: DecisionIndex) -> None:
        super().__init__(run, ReviewSession())
        self.decisions = decisions
        #: session index → the versions of that document
        self.reviews: dict[int, Adjudication] = {}
        # The index already knows how many documents there are: nothing to count.
        self.flow.estimate = len(decisions.decisions_per_input)
        self.flow.counting = True
        self._model = f"reviewer {run.annotator}"

    def compose_side(self) -> ComposeResult:
        with Vertical(id="side"):
            yield SpanList(id="spans")
            yield VersionPanel(id="versions")

    # -- reading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="feed")
    def read_documents(self) -> None:
        """Read the decisions again (pass two) and post each document once all its versions are in."""
        self.relay(iter_review_items(self.decisions, self.run.store), ReviewArrived)

    def on_review_arrived(self, message: ReviewArrived) -> None:
        item = message.item
        # Registered before the document is added: adding it may open it at once.
        self.reviews[len(self.session.documents)] = item.adjudication
        self.flow.add_item(FeedItem(item.task, item.adjudication.source, item.answer, None))

    # -- showing the versions --------------------------------------------------------------

    @property
    def review(self) -> Adjudication | None:
        return self.reviews.get(self.session.index) if self.session.current is not None else None

    def show_spans(self) -> None:
        super().show_spans()
        review = self.review
        view = self.editor
        panel = self.query_one(VersionPanel)
        if review is None:
            view.tint("disputed", [])
            panel.show_versions([], [], agreed=False)
            return
        task = self.session.task
        disputed = review.disputed_spans()
        view.tint("disputed", [s for s in task.spans if span_id(s) in disputed])
        shown = set(review.matching(task))
        versions = [VersionRow(v.annotator, v.answer, len(v.task.spans), len(v.task.relations),
                               v.annotator in shown) for v in review.versions]
        differences = [DifferenceRow(label, task.text[start:end], who)
                       for (start, end, label, _), who in sorted(disputed.items())]
        for (head, child, label), who in sorted(review.disputed_relations().items()):
            words = {SAID_BY: "said by", COREF: "is"}.get(label, label.lower())
            differences.append(DifferenceRow(words, f"{excerpt(task.text[child[0]:child[1]], 10)} ← "
                                             f"“{excerpt(task.text[head[0]:head[1]], 10)}”", who, is_span=False))
        panel.show_versions(versions, differences, agreed=review.agreed)

    def span_note(self, span: Span) -> str:
        review = self.review
        if review is None:
            return ""
        who = review.disputed_spans().get(span_id(span))
        if who is None and span.label == QUOTE:
            # The quote is in every version, but its speaker may not be.
            links = [names for (head, _, label), names in review.disputed_relations().items()
                     if head == span_id(span) and label == SAID_BY]
            return "speaker differs" if links else ""
        return "only " + ", ".join(who) if who else ""

    # -- decisions -------------------------------------------------------------------------

    def decision(self, document: Document, answer: str) -> Annotation:
        review = self.reviews.get(self.session.index)  # the document is the current one
        if review is None:  # pragma: no cover - every review document has its versions
            return super().decision(document, answer)
        problems = task_problems(document.task)
        if problems:
            raise RecordError(f"the versions still conflict: {problems[0]}; delete one side (d) "
                              "or take one version (o)")
        return review.gold(document.task, answer, reviewer=self.run.annotator,
                           session_id=self.run.session_id, timestamp=int(time.time()))

    def action_pick_version(self) -> None:
        review = self.review
        if review is None:
            self.notify("No document is open.", severity="warning", markup=False)
            return
        choices = []
        for number, version in enumerate(review.versions, start=1):
            prompt = Text()
            prompt.append(f"{version.annotator}", style="bold")
            prompt.append(f"  {version.answer} · {len(version.task.spans)} spans, "
                          f"{len(version.task.relations)} links", style="dim")
            choices.append(Choice(str(number - 1), prompt, f"{number} {version.annotator}"))
        choices.append(Choice(_MERGED, Text("all versions merged", style="italic"), "merged all"))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if value == _MERGED:
                merged = review.merged()
                spans, relations, what = merged.spans, merged.relations, "all versions merged"
            else:
                version = review.versions[int(value)]
                spans, relations = review.version_spans(version, self.session.task)
                what = f"{version.annotator}'s version"
            self.edits.edit(lambda: self.session.take(spans, relations, f"took {what}"))

        self.app.push_screen(ChoiceDialog("Take which version? (its number)", choices), chosen)

    def agreed_undecided(self) -> list[int]:
        """Session indexes of the undecided documents whose annotators all agree and that the
        reviewer has not changed."""
        out = []
        for index, review in self.reviews.items():
            document = self.session.documents[index]
            if not document.decided and review.agreed and review.matching(document.task):
                out.append(index)
        return out

    def action_accept_agreed(self) -> None:
        indexes = self.agreed_undecided()
        reading = "" if self.flow.feed_done else " read so far"
        if not indexes:
            self.notify(f"No undecided documents{reading} on which the annotators agree.", markup=False)
            return
        gold = self.run.store.path.name
        choices = [Choice("yes", Text(f"Yes: write {_documents(len(indexes))} to {gold}", style="bold"), "yes"),
                   Choice("no", Text("No, go back"), "no")]

        def chosen(value: str | None) -> None:
            if value == "yes":
                self._write_agreed(indexes)

        self.app.push_screen(ChoiceDialog(f"Annotators agree on {_documents(len(indexes))} not yet "
                                          f"reviewed{reading}. Write them to {gold} with their answer?",
                                          choices, filterable=False), chosen)

    def _write_agreed(self, indexes: list[int]) -> None:
        written = 0
        for index in indexes:
            document, review = self.session.documents[index], self.reviews[index]
            answer = review.agreed_answer or "accept"
            try:
                self.run.store.append_decision(review.gold(
                    document.task, answer, reviewer=self.run.annotator,
                    session_id=self.run.session_id, timestamp=int(time.time())))
            except (RecordError, OSError) as err:
                self.notify(f"Not saved: {err}", title="Store", severity="error", timeout=20, markup=False)
                break
            document.answer = answer
            written += 1
        self.status(f"wrote {_documents(written)} the annotators agree on to {self.run.store.path.name}")
        if self.session.current is None or self.session.current.decided:
            self.flow.seek(0, undecided_only=True)
        else:
            self.show_progress()


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"
