"""One definition of a valid record: the schemas in schemas/ (generated from the record structs)
and the code that reads records agree on every field's kind.

``validate`` checks both; ``export``, ``annotate`` and ``review`` read through the code alone, so
any record on which the two disagreed would be refused by one command and taken by another. Rules
between fields are the invariants' (and the readers' recognition of doccano files): the schema
does not state them, so it takes those records and the code refuses them.
"""

from __future__ import annotations

import copy
import json

import pytest

from annotator.core.invariants import task_problems
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.schema import schema_errors
from tests.conftest import FIXTURES

PRODIGY = [json.loads(line) for line in (FIXTURES / "formats" / "prodigy_written.jsonl").read_text().splitlines()]


def code_accepts(record: dict) -> bool:
    try:
        task = Annotation.from_dict(record).task if "answer" in record else Task.from_dict(record)
    except RecordError:
        return False
    return not task_problems(task)


def changed(index: int, change) -> dict:
    record = copy.deepcopy(PRODIGY[index])
    change(record)
    return record


CASES = {
    "ner.manual as written": PRODIGY[0],
    "rel.manual as written": PRODIGY[1],
    "ner.correct as written": PRODIGY[2],
    "spans.manual as written": PRODIGY[3],
    "bare text": {"text": "Just words."},
    "no answer, so a task": changed(1, lambda r: r.pop("answer")),
    "unknown span field": changed(0, lambda r: r["spans"][0].update(colour="red")),
    "unknown token field": changed(0, lambda r: r["tokens"][0].update(pos="NOUN")),
    "unknown relation field": changed(1, lambda r: r["relations"][0].update(weight=1)),
    "score as a string": changed(2, lambda r: r["spans"][0].update(score="high")),
    "disabled as a number": changed(1, lambda r: r["tokens"][0].update(disabled=1)),
    "color as a number": changed(1, lambda r: r["relations"][0].update(color=3)),
    "quote_type on a PERSON": changed(0, lambda r: r["spans"][0].update(quote_type="direct")),
    "unknown quote_type": changed(1, lambda r: r["spans"][0].update(quote_type="loud")),
    "_view_id as a number": changed(0, lambda r: r.update(_view_id=1)),
    "_is_binary as a string": changed(1, lambda r: r.update(_is_binary="no")),
    "_session_id as a number": changed(0, lambda r: r.update(_session_id=5)),
    "_annotator_id null": changed(2, lambda r: r.update(_annotator_id=None)),
    "_timestamp as a string": changed(2, lambda r: r.update(_timestamp="today")),
    "_input_hash as a float": changed(2, lambda r: r.update(_input_hash=1.5)),
    "_task_hash as a string": changed(2, lambda r: r.update(_task_hash="x")),
    "unknown answer": changed(0, lambda r: r.update(answer="maybe")),
    "meta null": changed(2, lambda r: r.update(meta=None)),
    "tokens null": changed(2, lambda r: r.update(tokens=None)),
    "whitespace text": {"text": "   "},
    "text missing": changed(0, lambda r: r.pop("text")),
    "relation label of another tool": changed(1, lambda r: r["relations"][0].update(label="ABOUT")),
    "Prodigy's label string": changed(0, lambda r: r.update(label="PERSON")),
    "doccano label list": {"text": "Ana spoke.", "label": [[0, 3, "PERSON"]]},
    "doccano entities": {"text": "Ana spoke.", "entities": [], "relations": []},
}
#: refused by a rule between fields (invariants, the readers' doccano check), which the schema does not state
BETWEEN_FIELDS = {"quote_type on a PERSON", "doccano entities"}
EXPECTED_VALID = {"ner.manual as written", "rel.manual as written", "ner.correct as written",
                  "spans.manual as written", "bare text", "no answer, so a task", "_annotator_id null",
                  "relation label of another tool", "Prodigy's label string"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_schema_and_code_give_the_same_verdict(name):
    record = CASES[name]
    by_schema = not schema_errors(record)
    assert code_accepts(record) == (name in EXPECTED_VALID)
    assert by_schema == (name in EXPECTED_VALID or name in BETWEEN_FIELDS), schema_errors(record)
