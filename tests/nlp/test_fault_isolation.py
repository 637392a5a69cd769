"""One document never stops a run: a component failing on it is contained to that document."""

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.invariants import check_task
from annotator.core.records import Task
from annotator.nlp.coref import SpeakerResolver
from annotator.nlp.pipeline import prelabel
from tests.conftest import assert_valid_record

pytestmark = pytest.mark.model

TEXTS = [
    '"We will not back down," said Angela Merkel.',
    "Tim Cook told reporters that Apple would build a campus in Texas.",
    '"The vote is rigged," Mark Hollis said. BOOM',
    "The president spoke in Paris, according to the clerk.",
    '"It rained," said Ana Lopez.',
]


@pytest.fixture
def coref_fails_on_boom(monkeypatch):
    real = SpeakerResolver.__call__

    def failing(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("min() arg is an empty sequence")
        return real(self, doc)

    monkeypatch.setattr(SpeakerResolver, "__call__", failing)


@pytest.mark.parametrize("n_process", [1, 2])
def test_component_error_is_contained_to_its_document(nlp_model, coref_fails_on_boom, n_process):
    tasks = list(prelabel(nlp_model, [Task(text=t) for t in TEXTS], batch_size=5, n_process=n_process))
    assert [t.text for t in tasks] == TEXTS
    failed = tasks[2]
    assert failed.meta["prelabel_errors"] == [
        {"component": "annotator_coref", "error": "ValueError: min() arg is an empty sequence"}]
    # What the model and the earlier components found is kept: the quote, its speaker and the entity.
    labels = {s.label for s in failed.spans}
    assert {"QUOTE", "SPEAKER", "PERSON"} <= labels
    for i, task in enumerate(tasks):
        check_task(task)
        assert_valid_record(task.to_dict())
        if i != 2:
            assert "prelabel_errors" not in task.meta
    # Later documents are labelled as if nothing had happened.
    assert any(r.label == "SAID_BY" for r in tasks[4].relations)


def test_document_over_max_length_is_written_tokenized_only(nlp_model, monkeypatch):
    monkeypatch.setattr(nlp_model, "max_length", 60)
    long_text = "Anna Berg said the plan would fail. " * 3
    tasks = list(prelabel(nlp_model, [Task(text=TEXTS[0]), Task(text=long_text), Task(text=TEXTS[4])]))
    assert [t.text for t in tasks] == [TEXTS[0], long_text, TEXTS[4]]
    assert tasks[1].tokens and not tasks[1].spans
    assert tasks[1].meta["prelabel_errors"][0]["component"] == "model"
    assert "max_length" in tasks[1].meta["prelabel_errors"][0]["error"]
    assert tasks[2].spans
    assert_valid_record(tasks[1].to_dict())


def test_prelabel_command_counts_failed_documents_and_exits_0(tmp_path, monkeypatch, nlp_model,
                                                             coref_fails_on_boom):
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)
    # The bar is drawn only on a terminal; the runner's standard error stands in for one here.
    monkeypatch.setattr("annotator.cli.prelabel.progress_shown", lambda wanted=True: wanted)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 written" in result.output and "1 with a component error" in result.output
    assert "5/5" in result.output  # the progress bar knew the total from the input file
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["text"] for r in records] == TEXTS
    assert [bool(r["meta"].get("prelabel_errors")) for r in records] == [False, False, True, False, False]


NAMES = st.sampled_from(["Ana Lopez", "Lopez", "Mr. Lopez", "Rosa Lopez", "Okafor", "David Okafor",
                         "the minister", "she", "he", "they", "It", "NATO", "the company", "Ms Berg"])
MARKS = st.sampled_from(['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e",
                         ":", " \u2015 ", " -- ", "\u2026", "...", "(", ")", "\n", "\n\n", ",", "."])
WORDS = st.sampled_from(["said", "told", "reporters", "that", "according to", "added", "the", "plan",
                         "will", "fail", "in a statement", "has said", "We", "believe", "Asked",
                         "wrote", "on Monday", "x" * 40, "", "  "])
PIECES = st.lists(st.one_of(NAMES, MARKS, WORDS), max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES.map(" ".join), min_size=1, max_size=4))
def test_any_mix_of_names_marks_and_cues_prelabels_without_error(nlp_model, texts):
    for task in prelabel(nlp_model, [Task(text=t) for t in texts], batch_size=4):
        assert "prelabel_errors" not in task.meta, task.meta["prelabel_errors"]
        check_task(task)
