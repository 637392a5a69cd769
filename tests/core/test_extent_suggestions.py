"""Another extent for a pre-labeled quote (``Suggestion.replaces``): taking it gives the quote the new
extent in one undoable edit, keeping its cue, speaker and relations; dropping leaves the pre-label."""

from __future__ import annotations

import pytest

from annotator.core.editing import EditingSession, EditError
from annotator.core.invariants import task_problems
from annotator.core.records import CUE_REL, QUOTE, SAID_BY, Suggestion, Task
from tests.tui.suggestion_tasks import span, story

SHORT = "the bridge will reopen in May"
LONG = "the bridge will reopen in May. Critics doubt the schedule, according to Tom Berg"


def _session(*extents: str) -> tuple[EditingSession, Task, list[Suggestion]]:
    task = story(suggestions=False)
    quote = next(s for s in task.spans if s.label == QUOTE)
    offered = [Suggestion(span(task, words, QUOTE, "indirect"), score=0.3, source="extent:test", replaces=quote)
               for words in extents]
    task.suggestions = offered
    session = EditingSession()
    session.add_document(task)
    session.go_to(0)
    return session, quote, offered


def _links(task: Task) -> set[tuple[str, str, str]]:
    return {(r.label, task.span_text(r.head_span), task.span_text(r.child_span)) for r in task.relations}


def test_taking_another_extent_moves_the_quote_and_keeps_its_cue_and_speaker():
    session, old, (longer, shorter) = _session(LONG, "the bridge will reopen")
    new = session.take_suggestion(longer)
    task = session.task
    assert session.task.span_text(new) == LONG and new.quote_type == "indirect"
    assert old not in task.spans and new in task.spans
    assert [task.span_text(s) for s in task.spans if s.label == QUOTE] == [LONG]
    assert _links(task) == {(SAID_BY, LONG, "Ana Ruiz"), (CUE_REL, LONG, "said")}
    assert task.suggestions == []  # the other extent for the same quote named a quote no longer there
    assert not task_problems(task)
    assert "took another extent for QUOTE 'the bridge will reopen in May'" in session.last_edit.description
    session.undo()
    assert old in session.task.spans and new not in session.task.spans
    assert session.task.suggestions == [longer, shorter]
    assert _links(session.task) == {(SAID_BY, SHORT, "Ana Ruiz"), (CUE_REL, SHORT, "said")}


def test_dropping_another_extent_leaves_the_prelabel():
    session, _old, (shorter,) = _session("the bridge will reopen")
    before = (list(session.task.spans), list(session.task.relations))
    session.drop_suggestion(shorter)
    assert (session.task.spans, session.task.relations) == before and session.task.suggestions == []
    session.undo()
    assert session.task.suggestions == [shorter]


def test_an_extent_for_a_quote_changed_since_is_refused_and_changes_nothing():
    session, old, (shorter,) = _session("the bridge will reopen")
    session.move_end(old, -1)
    state = (list(session.task.spans), list(session.task.relations), list(session.task.suggestions))
    with pytest.raises(EditError, match="has changed since"):
        session.take_suggestion(shorter)
    assert (session.task.spans, session.task.relations, session.task.suggestions) == state


def test_an_extent_reaching_over_another_quote_is_refused():
    session, _old, (longer,) = _session(LONG)
    session.create_span(*_tokens(session.task, "Critics doubt"), QUOTE, "indirect")
    with pytest.raises(EditError, match="overlaps QUOTE 'Critics doubt'"):
        session.take_suggestion(longer)


def _tokens(task: Task, words: str) -> tuple[int, int]:
    found = span(task, words, QUOTE)
    return found.token_start, found.token_end
