"""A float where the records want an integer is refused with a reason, by both checks."""

from annotator.core.schema import schema_errors, schema_valid


def test_an_integral_float_is_not_an_integer_for_either_check() -> None:
    record = {"text": "Hi there", "tokens": [
        {"text": "Hi", "start": 0.0, "end": 2, "id": 0, "ws": True},
        {"text": "there", "start": 3, "end": 8, "id": 1, "ws": False}]}
    assert not schema_valid(record)
    assert schema_errors(record) == ["tokens/0/start: 0.0 is not of type 'integer'"]
