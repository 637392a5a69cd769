"""Adjudication: grouping versions per document, agreement, the merged task, the review session's
edits on a merged task with conflicts, and the gold record's ``meta.review``."""

from __future__ import annotations

import re

import pytest

from annotator.core.adjudication import (
    Adjudication,
    ReviewSession,
    Version,
    group_versions,
)
from annotator.core.editing import EditError, EditingSession
from annotator.core.invariants import task_problems
from annotator.core.records import SAID_BY, Annotation, Span, Task, Token
from tests.core.test_editing import tokenize, token_of

TEXT = '"We will win," Maria Zakharova said on Tuesday.'


def annotate(name: str, edit, answer: str = "accept", text: str = TEXT) -> Version:
    """One annotator's version: a session on a fresh task, ``edit(session)`` applied to it."""
    session = EditingSession()
    session.add_document(Task(text=text, tokens=tokenize(text)))
    session.go_to(0)
    edit(session)
    return Version(name, Annotation(session.task, answer, name, f"{name}-1", 100), f"{name}.jsonl:1")


def words(session: EditingSession, first: str, last: str, label: str, quote_type: str | None = None) -> Span:
    task = session.task
    return session.create_span(token_of(task, first), token_of(task, last), label, quote_type)


def base_labels(session: EditingSession) -> None:
    task = session.task
    quote = session.create_span(token_of(task, '"', 0), token_of(task, '"', 1), "QUOTE")
    person = words(session, "Maria", "Zakharova", "PERSON")
    words(session, "Tuesday", "Tuesday", "DATE")
    session.link_speaker(quote, person)


def with_org(session: EditingSession) -> None:
    base_labels(session)
    session.delete_span(next(s for s in session.task.spans if s.label == "PERSON"))
    words(session, "Maria", "Zakharova", "ORG")


def without_quote(session: EditingSession) -> None:
    base_labels(session)
    session.delete_span(next(s for s in session.task.spans if s.label == "QUOTE"))


def labels(task: Task) -> list[tuple[str, str]]:
    return sorted((s.label, task.span_text(s)) for s in task.spans)


def test_identical_versions_with_the_same_answer_agree():
    review = Adjudication([annotate("b", base_labels), annotate("a", base_labels)])
    assert review.agreed and review.agreed_answer == "accept"
    assert review.annotators == ("a", "b")
    assert review.disputed_spans() == {} and review.disputed_relations() == {}


def test_same_spans_but_another_answer_is_a_disagreement():
    review = Adjudication([annotate("a", base_labels), annotate("b", base_labels, answer="reject")])
    assert not review.agreed and review.agreed_answer is None


def test_a_single_version_is_never_agreed():
    assert not Adjudication([annotate("a", base_labels)]).agreed


def test_disputed_spans_and_relations_name_who_has_them():
    review = Adjudication([annotate("a", base_labels), annotate("b", without_quote)])
    task = review.merged()
    disputed = {(label, TEXT[start:end]): who for (start, end, label, _), who in review.disputed_spans().items()}
    # b deleted the quote (and with it the link); the SPEAKER span stays in both.
    assert disputed == {("QUOTE", '"We will win,"'): ("a",)}
    [(head, _child, label)] = review.disputed_relations()
    assert label == SAID_BY and TEXT[head[0]:head[1]] == '"We will win,"'
    assert labels(task) == labels(annotate("a", base_labels).task)


def test_merged_task_keeps_conflicting_labels_for_the_reviewer():
    review = Adjudication([annotate("a", base_labels), annotate("b", with_org)])
    merged = review.merged()
    assert ("ORG", "Maria Zakharova") in labels(merged) and ("PERSON", "Maria Zakharova") in labels(merged)
    assert any("overlap" in p for p in task_problems(merged))
    # Relations point at the merged task's own span objects.
    assert all(r.head_span in merged.spans and r.child_span in merged.spans for r in merged.relations)


def test_review_session_lets_the_reviewer_delete_one_side_of_a_conflict():
    review = Adjudication([annotate("a", base_labels), annotate("b", with_org)])
    session = ReviewSession()
    session.add_document(review.merged())
    session.go_to(0)
    org = next(s for s in session.task.spans if s.label == "ORG")
    date = next(s for s in session.task.spans if s.label == "DATE")
    # An edit that does not touch the conflict works while it is there ...
    session.set_label(date, "TIME")
    # ... one that adds a problem is refused ...
    with pytest.raises(EditError, match="overlap"):
        session.move_start(org, 1)
    session.delete_span(org)
    assert task_problems(session.task) == []


def test_taking_a_version_is_one_edit_that_undo_reverts():
    a, b = annotate("a", base_labels), annotate("b", without_quote)
    review = Adjudication([a, b])
    session = ReviewSession()
    session.add_document(review.merged())
    session.go_to(0)
    spans, relations = review.version_spans(b, session.task)
    session.take(spans, relations, "took b's version")
    assert review.matching(session.task) == ["b"]
    session.undo()
    assert review.matching(session.task) == ["a"]


def test_gold_record_names_the_reviewer_and_its_sources():
    a, b = annotate("a", base_labels), annotate("b", with_org)
    review = Adjudication([a, b])
    task = b.task.copy()
    gold = review.gold(task, "accept", reviewer="lena", session_id="lena-1", timestamp=200)
    assert gold.annotator_id == "lena" and gold.answer == "accept"
    meta = gold.task.meta["review"]
    assert meta["agreed"] is False and meta["matches"] == ["b"]
    assert meta["sources"] == [
        {"annotator": "a", "answer": "accept", "task_hash": a.task.task_hash, "session": "a-1", "timestamp": 100},
        {"annotator": "b", "answer": "accept", "task_hash": b.task.task_hash, "session": "b-1", "timestamp": 100},
    ]
    assert "review" not in task.meta, "the reviewed task itself is not changed"
    # The gold record's task hash is the spans' hash: meta does not count.
    assert gold.task.task_hash == b.task.task_hash


def test_group_versions_yields_a_document_once_all_its_versions_are_read():
    other = 'Ivan said "no."'
    versions = [annotate("a", base_labels), annotate("a", lambda s: None, text=other),
                annotate("b", base_labels)]
    expected = {versions[0].task.input_hash: 2, versions[1].task.input_hash: 1}
    seen = []
    for review in group_versions(iter(versions), expected):
        seen.append((review.versions[0].task.text, review.annotators))
    assert seen == [(other, ("a",)), (TEXT, ("a", "b"))]


def test_versions_tokenised_differently_line_up_on_the_first_versions_tokens():
    a = annotate("a", lambda session: words(session, "Tuesday", "Tuesday", "DATE"))
    spaced = [Token(m.group(), m.start(), m.end(), i, True) for i, m in enumerate(re.finditer(r"\S+", TEXT))]
    person = Span(15, 30, 3, 4, "PERSON", text="Maria Zakharova")
    b = Version("b", Annotation(Task(text=TEXT, tokens=spaced, spans=[person]), "accept", "b", "b-1", 1))
    merged = Adjudication([a, b]).merged()
    [moved] = [s for s in merged.spans if s.label == "PERSON"]
    assert (moved.token_start, moved.token_end) == (token_of(merged, "Maria"), token_of(merged, "Zakharova"))
    assert task_problems(merged) == []
