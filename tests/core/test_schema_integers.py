"""A float where the records want an integer is refused with a reason, by both checks."""

from annotator.core.schema import schema_errors, schema_valid


def test_an_integral_float_is_not_an_integer_for_either_check() -> None:
    record = {"text": "Hi there", "tokens": [
        {"text": "Hi", "start": 0.0, "end": 2, "id": 0, "ws": True},
        {"text": "there", "start": 3, "end": 8, "id": 1, "ws": False}]}
    assert not schema_valid(record)
    assert schema_errors(record) == ["tokens/0/start: 0.0 is not of type 'integer'"]


def test_a_decision_is_checked_by_the_same_integer_rule_through_its_reference_to_the_task_schema() -> None:
    record = {"text": "Hi there", "answer": "accept", "tokens": [
        {"text": "Hi", "start": 0, "end": 2, "id": 0, "ws": True},
        {"text": "there", "start": 3.0, "end": 8, "id": 1, "ws": False}]}
    assert not schema_valid(record)
    assert schema_errors(record) == ["tokens/1/start: 3.0 is not of type 'integer'"]


def test_a_rule_between_fields_that_the_schema_cannot_state_is_still_given_as_the_reason() -> None:
    record = {"text": "Ann said no", "answer": "accept", "tokens": [
        {"text": "Ann", "start": 0, "end": 3, "id": 0, "ws": True},
        {"text": "said", "start": 4, "end": 8, "id": 1, "ws": True},
        {"text": "no", "start": 9, "end": 11, "id": 2, "ws": False}],
        "spans": [{"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "SPEAKER"},
                  {"start": 9, "end": 11, "token_start": 2, "token_end": 2, "label": "QUOTE"}],
        "relations": [{"head": 2, "child": 1, "label": "SAID_BY",
                       "head_span": {"start": 9, "end": 11, "token_start": 2, "token_end": 2, "label": "QUOTE"},
                       "child_span": {"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "SPEAKER"}}]}
    assert not schema_valid(record)
    assert schema_errors(record) == ["relations/0: 'child' is 1 but its span ends at token 0"]
