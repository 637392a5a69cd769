"""Records: round trips, hashes, and the invariants that are checked on load and before writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.hashing import input_hash, legacy_input_hash
from annotator.core.invariants import check_task, task_problems
from annotator.core.records import (
    QUOTE,
    SAID_BY,
    SPEAKER,
    Annotation,
    RecordError,
    Relation,
    Span,
    Task,
    Token,
)


def whitespace_tokens(text: str) -> list[Token]:
    """Tokens at whitespace boundaries, built without spaCy."""
    tokens = []
    position = 0
    for word in text.split(" "):
        if word:
            end = position + len(word)
            tokens.append(Token(word, position, end, len(tokens), text.startswith(" ", end)))
        position += len(word) + 1
    return tokens


def make_task(text: str = "Maria Zakharova said the summit failed .") -> Task:
    tokens = whitespace_tokens(text)
    person = Span(0, 15, 0, 1, "PERSON", text="Maria Zakharova")
    speaker = Span(0, 15, 0, 1, SPEAKER, text="Maria Zakharova")
    quote = Span(21, 38, 3, 5, QUOTE, text="the summit failed", quote_type="indirect")
    return Task(text=text, tokens=tokens, spans=[person, speaker, quote],
                relations=[Relation(quote, speaker, SAID_BY)], meta={"source": "a.txt"}, extra={"id": 7})


def test_task_round_trips_through_json_with_carried_fields():
    task = make_task()
    data = json.loads(json.dumps(task.to_dict()))
    again = Task.from_dict(data)
    assert again.to_dict() == task.to_dict()
    assert data["id"] == 7
    assert data["relations"][0]["head"] == 5 and data["relations"][0]["child"] == 1


def test_input_hash_depends_only_on_text_and_task_hash_on_spans():
    task = make_task()
    bare = Task(text=task.text)
    assert task.input_hash == bare.input_hash == input_hash(task.text)
    assert task.task_hash != bare.task_hash
    assert make_task().task_hash == task.task_hash
    # Prodigy hashes the list of spans as it is; the content hash ignores their order.
    reordered = make_task()
    reordered.spans.reverse()
    assert reordered.content_hash == task.content_hash


def test_hashes_are_stable_across_runs():
    # Fixed values: a change here breaks resuming every existing output file.
    assert input_hash("Hello world") == input_hash("Hello world")
    assert isinstance(input_hash("x"), int) and abs(input_hash("x")) < 2**31
    # MurmurHash3 (32 bits, seed 0) of {"text":"Hello world"}, as Prodigy's set_hashes serialises it.
    assert input_hash("Hello world") == 1849263169
    assert Task(text="Hello world").task_hash == -1661062964
    # What annotator wrote before it hashed the Prodigy way; still recognised when resuming.
    assert legacy_input_hash("Hello world") == -3384413543947214


def test_span_off_token_edges_is_reported():
    task = make_task()
    task.spans.append(Span(1, 15, 0, 1, "ORG"))
    problems = task_problems(task)
    assert any("not on a token start" in p for p in problems)


def test_token_indices_must_match_offsets():
    task = make_task()
    task.spans[0] = Span(0, 15, 0, 2, "PERSON")
    with pytest.raises(RecordError, match="token_end is 2"):
        check_task(task)


def test_span_outside_text_is_reported():
    task = make_task()
    task.spans.append(Span(30, 99, 4, 9, "GPE"))
    assert any("outside the text" in p for p in task_problems(task))


def test_overlapping_entities_are_reported_but_structure_spans_may_overlap():
    task = make_task()
    assert task_problems(task) == []
    task.spans.append(Span(6, 15, 1, 1, "ORG"))
    assert any("entity spans overlap" in p for p in task_problems(task))


def test_relation_to_missing_span_is_reported():
    task = make_task()
    task.relations.append(Relation(task.spans[2], Span(25, 31, 4, 4, SPEAKER), SAID_BY))
    assert any("is not a span of the task" in p for p in task_problems(task))


def test_quote_without_quote_type_is_sound_but_only_quotes_have_one():
    # Prodigy's spans.manual writes QUOTE spans with no type; they are read as "type unknown".
    task = make_task()
    task.spans[2] = task.spans[2].replace(quote_type=None)
    task.relations = []
    assert task_problems(task) == []
    task.spans[0] = task.spans[0].replace(quote_type="direct")
    assert any("only QUOTE spans have 'quote_type'" in p for p in task_problems(task))


def test_relation_head_must_match_its_span():
    data = make_task().to_dict()
    data["relations"][0]["head"] = 0
    with pytest.raises(RecordError, match="'head' is 0"):
        Task.from_dict(data)


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "missing 'text'"),
        ({"text": 3}, "'text' must be a string"),
        ({"text": "  "}, "'text' is empty"),
        ({"text": "a", "spans": {}}, "'spans' must be a list"),
        ({"text": "a", "spans": [{"start": 0}]}, "missing 'end'"),
        ({"text": "a", "meta": []}, "'meta' must be an object"),
        ({"text": "a", "tokens": [{"text": "a", "start": 0, "end": 1, "id": 0, "ws": 1}]}, "'ws' must be true or false"),
    ],
)
def test_malformed_records_are_rejected_with_a_reason(data, message):
    with pytest.raises(RecordError, match=message):
        Task.from_dict(data)


def test_annotation_requires_a_known_answer():
    data = make_task().to_dict()
    data.update(answer="maybe", _annotator_id="a", _session_id="s", _timestamp=1)
    with pytest.raises(RecordError, match="'answer' must be one of"):
        Annotation.from_dict(data)
    data["answer"] = "accept"
    annotation = Annotation.from_dict(data)
    assert annotation.to_dict() == data


words = st.lists(st.text(alphabet="abcXYZ.,'\"é😀", min_size=1, max_size=6), min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(words, st.data())
def test_any_token_range_gives_a_valid_span_that_round_trips(word_list, data):
    text = " ".join(word_list)
    tokens = whitespace_tokens(text)
    first = data.draw(st.integers(0, len(tokens) - 1))
    last = data.draw(st.integers(first, len(tokens) - 1))
    label = data.draw(st.sampled_from(["PERSON", QUOTE, SPEAKER]))
    span = Span(tokens[first].start, tokens[last].end, first, last, label,
                text=text[tokens[first].start:tokens[last].end],
                quote_type="direct" if label == QUOTE else None)
    task = Task(text=text, tokens=tokens, spans=[span])
    assert task_problems(task) == []
    again = Task.from_dict(json.loads(json.dumps(task.to_dict(), ensure_ascii=False)))
    assert again.to_dict() == task.to_dict()
    assert again.task_hash == task.task_hash


@settings(max_examples=150, deadline=None)
@given(words, st.integers(1, 5), st.data())
def test_a_span_edge_inside_a_token_is_always_caught(word_list, shift, data):
    text = " ".join(word_list)
    tokens = whitespace_tokens(text)
    index = data.draw(st.integers(0, len(tokens) - 1))
    token = tokens[index]
    if token.end - token.start <= shift:
        return
    span = Span(token.start + shift, token.end, index, index, "ORG")
    assert any("not on a token start" in p for p in task_problems(Task(text=text, tokens=tokens, spans=[span])))


def test_a_document_known_by_its_old_hash_keeps_it_when_read_again():
    from annotator.core.hashing import adopt_known_hash

    text = "Maria Zakharova said the summit failed ."
    old = legacy_input_hash(text)
    fresh = Task(text=text)
    adopt_known_hash(fresh, {old})
    assert fresh.input_hash == old
    # A hash the record came with is never replaced, and a new-style hash already known stays.
    given = Task.from_dict({"text": text, "_input_hash": 7})
    adopt_known_hash(given, {old})
    assert given.input_hash == 7
    known = Task(text=text)
    adopt_known_hash(known, {known.input_hash, old})
    assert known.input_hash == input_hash(text)


def test_doccano_and_label_studio_records_are_named_not_read_as_plain_text():
    with pytest.raises(RecordError, match="import doccano"):
        Task.from_dict({"text": "Ana Lopez spoke.", "label": [[0, 9, "PERSON"]]})
    with pytest.raises(RecordError, match="import doccano"):
        Task.from_dict({"text": "Ana Lopez spoke.", "entities": [], "relations": []})
    with pytest.raises(RecordError, match="import labelstudio"):
        Task.from_dict({"data": {"text": "Ana Lopez spoke."}, "annotations": []})
    # Prodigy's own "label" (one string, as in binary and textcat tasks) is carried through.
    assert Task.from_dict({"text": "Ana Lopez spoke.", "label": "PERSON"}).extra == {"label": "PERSON"}
