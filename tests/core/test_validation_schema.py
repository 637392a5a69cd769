"""The compiled schema (``schema_valid``, what ``validate --deep`` asks on every line) gives the
verdict of the ``jsonschema`` validator that words the messages (``schema_errors``)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.schema import schema_errors, schema_valid
from tests.core.test_one_definition import CASES, PRODIGY
from tests.core.test_validation_quick import BASE, JSON_VALUES, PATHS


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_schema_agrees_with_jsonschema(name):
    assert schema_valid(CASES[name]) == (not schema_errors(CASES[name]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JSON_VALUES), min_size=1, max_size=3),
       st.sampled_from([BASE, PRODIGY[1], PRODIGY[3]]))
def test_compiled_schema_agrees_with_jsonschema_on_mutated_records(changes, base):
    record = copy.deepcopy(base)
    for path, value in changes:
        parent = record
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    assert schema_valid(record) == (not schema_errors(record)), schema_errors(record)


def test_an_annotation_is_held_to_the_task_schema_too():
    record = copy.deepcopy(BASE)
    record["tokens"][0]["pos"] = "NOUN"
    assert not schema_valid(record) and schema_errors(record)
