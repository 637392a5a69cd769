"""The quick check never passes a line the full check (schemas, records, invariants) would fail,
and passes the records our writers and Prodigy write, so ``validate`` runs at parse speed on them."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.invariants import task_problems
from annotator.core import quick_check
from annotator.core.records import Annotation, RecordError, Span, Task
from annotator.core.schema import schema_errors
from tests.core.test_one_definition import CASES, EXPECTED_VALID, PRODIGY
from tests.core.test_records import make_task


def full_check_passes(record) -> bool:
    if not isinstance(record, dict) or schema_errors(record):
        return False
    try:
        task = Annotation.from_dict(record).task if "answer" in record else Task.from_dict(record)
    except RecordError:
        return False
    return not task_problems(task)


def line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def line_is_sound(line: bytes) -> bool:
    """The quick check's verdict, which its field-by-field route (any record) must share with its
    one-pass route (records with only the fields we write)."""
    verdict = quick_check.line_is_sound(line)
    assert quick_check._fields_sound(line) == verdict
    return verdict


@pytest.mark.parametrize("name", sorted(CASES))
def test_quick_check_gives_the_one_definitions_verdict(name):
    assert line_is_sound(line(CASES[name])) == (name in EXPECTED_VALID)


def our_task() -> Task:
    """``make_task`` without the field it carries through, so the one-pass route reads it."""
    task = make_task()
    task.extra.clear()
    return task


def decision(task: Task | None = None, **changes) -> dict:
    record = Annotation(task or our_task(), "accept", "alice", "alice-1", 1_700_000_000).to_dict()
    record.update(changes)
    return record


def test_quick_check_passes_what_our_writers_write():
    assert line_is_sound(line(make_task().to_dict())) and line_is_sound(line(our_task().to_dict()))
    assert line_is_sound(line(decision()))
    assert line_is_sound(line(Task(text="Bare text, no tokens.").to_dict()))
    assert line_is_sound(line(decision(_annotator_id=None, _session_id=None)))
    assert line_is_sound(line(decision(meta={"source": "a.txt", "prelabel_errors": [{"component": "x"}]})))


def broken(change) -> dict:
    record = decision()
    change(record)
    return record


# Each breaks one rule that only the invariants (not the schemas) state, or a kind both state.
INVARIANT_BREAKS = {
    "token id skips": lambda r: r["tokens"][2].update(id=5),
    "token text not in the document": lambda r: r["tokens"][0].update(text="Marie"),
    "token text longer than its offsets": lambda r: r["tokens"][0].update(text="Mariaa"),
    "tokens overlap": lambda r: r["tokens"][1].update(start=3),
    "token past the end of the text": lambda r: r["tokens"][-1].update(end=99),
    "span not on a token start": lambda r: r["spans"][0].update(start=1, text="aria Zakharova"),
    "span token_end off by one": lambda r: r["spans"][0].update(token_end=2),
    "span text differs": lambda r: r["spans"][0].update(text="Maria Zakharov"),
    "span end before start": lambda r: (r["spans"][0].update(start=21, token_start=3), r["spans"][0].pop("text")),
    "duplicate span": lambda r: r["spans"].append(dict(r["spans"][2])),
    "quote_type on a SPEAKER": lambda r: r["spans"][1].update(quote_type="direct"),
    "overlapping entities": lambda r: r["spans"].append(
        Span(6, 20, 1, 2, "ORG", text="Zakharova said").to_dict()),
    "relation to a span not in the task": lambda r: r["relations"][0]["child_span"].update(label="CUE"),
    "relation head is not its span's token_end": lambda r: r["relations"][0].update(head=4),
    "spans without tokens": lambda r: r.update(tokens=[]),
    "text only spaces": lambda r: r.update(text="  \n "),
    "score as a string": lambda r: r["spans"][0].update(score="high"),
    "boolean as an offset": lambda r: r["spans"][0].update(start=False),
    "null answer": lambda r: r.update(answer=None),
    "null span text": lambda r: r["spans"][0].update(text=None),
    "entities without spans": lambda r: (r.pop("spans"), r.pop("relations"), r.update(entities=[])),
}


@pytest.mark.parametrize("name", sorted(INVARIANT_BREAKS))
def test_quick_check_never_passes_a_broken_record(name):
    record = broken(INVARIANT_BREAKS[name])
    assert not full_check_passes(record)
    assert not line_is_sound(json.dumps(record).encode())


def _tokens(*triples):
    return [{"text": t, "start": s, "end": e, "id": i, "ws": False} for i, (t, s, e) in enumerate(triples)]


# Records whose every other check holds, so that only the rule named fails.
HAND_MADE = {
    "tokens that overlap but each read right": {"text": "aaa", "tokens": _tokens(("aa", 0, 2), ("aa", 1, 3))},
    "an empty span between two touching tokens": {
        "text": "AnnBo", "tokens": _tokens(("Ann", 0, 3), ("Bo", 3, 5)),
        "spans": [{"start": 3, "end": 3, "token_start": 1, "token_end": 0, "label": "X"}]},
    "a span backwards over touching tokens": {
        "text": "AnnBo", "tokens": _tokens(("Ann", 0, 3), ("Bo", 3, 5)),
        "spans": [{"start": 3, "end": 3, "token_start": 1, "token_end": 0, "label": "QUOTE"}]},
}


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_quick_check_refuses_what_only_one_rule_forbids(name):
    record = HAND_MADE[name]
    assert not full_check_passes(record)
    assert not line_is_sound(line(record))
    fixed = copy.deepcopy(record)
    fixed["tokens"] = _tokens(("a", 0, 1), ("aa", 1, 3)) if fixed["text"] == "aaa" else fixed["tokens"]
    fixed["spans"] = [dict(s, start=0, token_start=0, end=5, token_end=1) for s in fixed.get("spans", [])]
    assert full_check_passes(fixed) and line_is_sound(line(fixed))


@pytest.mark.parametrize("where", ["meta", "text", "extra", "label"])
@pytest.mark.parametrize("poison", [
    b"NaN", b"-Infinity", b"1e400", b"9" * 5000, b"[" * 3000 + b"]" * 3000, b'"\\ud800"', b'"a\\udc00b"',
])
def test_values_the_strict_reader_refuses_are_never_proven_sound(where, poison):
    record = line(decision())
    if where == "meta":
        record = record.replace(b'"meta": {', b'"meta": {"x": ' + poison + b", ", 1)
    elif where == "extra":
        record = record[:-1] + b', "carried": ' + poison + b"}"
    elif where == "text":
        record = record.replace(b'"text": "Maria', b'"text": ' + poison + b', "old": "Maria', 1)
    else:
        record = record.replace(b'"label": "PERSON"', b'"label": ' + poison, 1)
    assert not line_is_sound(record)


def test_a_lone_surrogate_escape_and_bad_utf8_are_not_sound():
    record = line(decision())
    assert not line_is_sound(record.replace(b"Maria Zakharova said", b"Maria Zakharova s\\ud800d", 1))
    assert not line_is_sound(record.replace(b"summit", b"summ\xff\xfe", 1))


def test_duplicate_keys_are_read_as_the_strict_reader_reads_them():
    # json keeps the last of two equal keys; a first value that is wrong must not pass for the last
    record = line(decision())
    assert not line_is_sound(record.replace(b'"answer": "accept"', b'"answer": "accept", "answer": "maybe"', 1))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 60) | st.sampled_from([0.0, 1.0, 2.5, -1.0]) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


BASE = decision()
PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["set", "drop", "nudge"]), JSON_VALUES),
                min_size=1, max_size=3),
       st.sampled_from([BASE, our_task().to_dict(), PRODIGY[1], make_task().to_dict()]))
def test_a_mutated_record_is_sound_only_if_the_full_check_passes(changes, base):
    record = copy.deepcopy(base)
    for path, how, value in changes:
        parent = record
        try:
            for step in path[:-1]:
                parent = parent[step]
            old = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):  # an earlier change made it a string
            continue
        if how == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif how == "nudge" and isinstance(old, int) and not isinstance(old, bool):
            parent[path[-1]] = old + (1 if value else -1)
        else:
            parent[path[-1]] = value
    if line_is_sound(line(record)):
        assert full_check_passes(record), record


def test_an_empty_token_between_two_is_refused():
    record = {"text": "ab", "tokens": _tokens(("a", 0, 1), ("", 1, 1), ("b", 1, 2))}
    assert not full_check_passes(record) and not line_is_sound(line(record))
    record["tokens"] = _tokens(("a", 0, 1), ("b", 1, 2))
    assert full_check_passes(record) and line_is_sound(line(record))
