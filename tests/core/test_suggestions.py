"""A task's suggestions: attributions offered apart from the annotations, read and written with the
task, checked like spans (on token edges, the right labels), and never part of its identity."""

from __future__ import annotations

import json

import msgspec
import pytest

from annotator.core import quick_check
from annotator.core.invariants import check_task, edit_keeps_sound, task_problems
from annotator.core.records import CUE, QUOTE, SPEAKER, RecordError, Span, Suggestion, Task
from annotator.core.schema import schema_errors
from tests.core.test_records import make_task

TEXT = "Maria Zakharova said the summit failed . Ode hopes talks resume ."


def offered(**changes) -> Task:
    task = make_task(TEXT)
    parts = {"quote": Span(51, 63, 9, 10, QUOTE, quote_type="indirect"),
             "cue": Span(45, 50, 8, 8, CUE), "speaker": Span(41, 44, 7, 7, SPEAKER),
             "score": 0.4, "source": "rule:hope"}
    parts.update(changes)
    task.suggestions = [Suggestion(**parts)]
    return task


def test_a_suggestion_round_trips_and_is_not_an_annotation():
    task = offered()
    data = json.loads(json.dumps(task.to_dict()))
    assert data["suggestions"] == [{
        "quote": {"start": 51, "end": 63, "token_start": 9, "token_end": 10, "label": "QUOTE",
                  "quote_type": "indirect"},
        "cue": {"start": 45, "end": 50, "token_start": 8, "token_end": 8, "label": "CUE"},
        "speaker": {"start": 41, "end": 44, "token_start": 7, "token_end": 7, "label": "SPEAKER"},
        "score": 0.4, "source": "rule:hope"}]
    again = Task.from_dict(data)
    assert again.suggestions == task.suggestions and again.to_dict() == task.to_dict()
    assert not schema_errors(data) and not task_problems(again)
    assert quick_check.line_is_sound(json.dumps(data).encode())
    bare = make_task(TEXT)
    # What the task says and how Prodigy hashes it do not change with what was offered.
    assert (task.task_hash, task.content_hash) == (bare.task_hash, bare.content_hash)
    assert "suggestions" not in bare.to_dict() and task.copy().suggestions == task.suggestions


@pytest.mark.parametrize("changes, words", [
    ({"cue": Span(45, 50, 8, 8, SPEAKER)}, "suggestion 0: cue SPEAKER 45-50: a suggestion's cue is labelled CUE"),
    ({"quote": Span(52, 63, 9, 10, QUOTE)}, "suggestion 0: quote QUOTE 52-63: not on token edges"),
    ({"speaker": Span(41, 44, 7, 7, SPEAKER, text="Odd")}, "suggestion 0: speaker SPEAKER 41-44: not on token"),
])
def test_a_broken_suggestion_is_named_by_both_checks(changes, words):
    task = offered(**changes)
    assert task_problems(task)[0].startswith(words)
    with pytest.raises(RecordError, match="suggestion 0"):
        check_task(task)
    assert not quick_check.line_is_sound(json.dumps(task.to_dict()).encode())


@pytest.mark.parametrize("record, words", [
    ({"suggestions": [{"quote": {"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "QUOTE"},
                       "score": 3}]}, "suggestion 0: 'score' must be at most 1, got 3"),
    ({"suggestions": [{"source": "rule"}]}, "suggestion 0: missing 'quote'"),
    ({"suggestions": [{"quote": {"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "QUOTE"},
                       "why": "x"}]}, "suggestion 0: unknown field 'why' (known: cue, quote, replaces, score, source, speaker)"),
    ({"suggestions": ["x"]}, "suggestion must be an object, got a string"),
])
def test_a_misshapen_suggestion_is_refused_in_the_readers_words(record, words):
    with pytest.raises(RecordError) as err:
        Task.from_dict({"text": "Hello world .", **record})
    assert str(err.value) == words


def test_an_edit_that_keeps_or_drops_suggestions_stays_sound_and_one_that_adds_a_broken_one_does_not():
    before = offered()
    # An edit keeps the text and tokens (the same objects) and changes spans or suggestions.
    assert edit_keeps_sound(before, msgspec.structs.replace(before, spans=list(before.spans)))
    assert edit_keeps_sound(before, msgspec.structs.replace(before, suggestions=[]))
    broken = msgspec.structs.replace(before, suggestions=[Suggestion(Span(52, 63, 9, 10, QUOTE))])
    assert not edit_keeps_sound(before, broken)


def test_another_extent_round_trips_and_its_replaced_quote_is_checked_as_a_quote():
    shorter = Span(51, 56, 9, 9, QUOTE, quote_type="indirect")
    task = offered(quote=shorter, cue=None, speaker=None, source="extent:first-clause",
                   replaces=Span(51, 63, 9, 10, QUOTE, quote_type="indirect"))
    data = json.loads(json.dumps(task.to_dict()))
    assert data["suggestions"][0]["replaces"] == {"start": 51, "end": 63, "token_start": 9, "token_end": 10,
                                                  "label": "QUOTE", "quote_type": "indirect"}
    again = Task.from_dict(data)
    assert again.suggestions == task.suggestions and not schema_errors(data) and not task_problems(again)
    assert quick_check.line_is_sound(json.dumps(data).encode())
    for wrong, words in ((Span(51, 63, 9, 10, CUE), "suggestion 0: replaces CUE 51-63: a suggestion's replaces is"),
                         (Span(52, 63, 9, 10, QUOTE), "suggestion 0: replaces QUOTE 52-63: not on token edges")):
        broken = offered(quote=shorter, replaces=wrong)
        assert task_problems(broken)[0].startswith(words)
        assert not quick_check.line_is_sound(json.dumps(broken.to_dict()).encode())
        assert not edit_keeps_sound(task, msgspec.structs.replace(task, suggestions=broken.suggestions))
