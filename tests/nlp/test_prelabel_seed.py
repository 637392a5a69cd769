"""The seed article end to end: pre-labels, the evaluate function and the CLI agree with the gold."""

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.measure.evaluation import evaluate
from annotator.core.records import Task
from annotator.core.sources import read_tasks
from annotator.nlp.pipeline import prelabel
from tests.conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.model
GOLD = FIXTURES / "seed_gold.jsonl"


@pytest.fixture(scope="module")
def seed_prediction(nlp_model, seed_text):
    return next(prelabel(nlp_model, [Task(text=seed_text)]))


def test_seed_fixture_matches_the_seed_text(seed_text):
    (_, gold), = read_tasks([GOLD])
    assert gold.text == seed_text
    assert gold.meta["optional"], "the optional quotes are carried in meta"


def test_seed_every_required_quote_found_and_attributed(seed_prediction):
    gold = [task for _, task in read_tasks([GOLD])]
    result = evaluate(gold, [seed_prediction])
    assert result.quotes_overlap.recall == 1.0
    assert result.attributed.recall == 1.0
    assert result.attributed.precision == 1.0


def test_seed_pronoun_speakers_resolved_to_named_people(seed_prediction):
    coref = {(r.head_span.text, r.head_span.start): r.child_span.text
             for r in seed_prediction.relations if r.label == "COREF"}
    pronouns = {key: name for key, name in coref.items() if key[0].lower() in ("she", "he")}
    assert sorted(set(pronouns.values())) == ["Jens Stoltenberg", "Maria Zakharova"]
    # "she stated", "she said" twice, "She described it as …" (an optional gold quote: a pronoun
    # object with the phrase that says what it is), and "which he described as …" (the relative
    # pronoun object of a cue verb, session 12's ``object_of_cue.relative_at``; optional in the gold too)
    assert len(pronouns) == 5


def test_seed_surname_mentions_are_person_entities(seed_prediction):
    labels = {s.label for s in seed_prediction.spans if seed_prediction.span_text(s) == "Zakharova"
              and s.is_entity}
    assert labels == {"PERSON"}


def test_cli_prelabel_then_evaluate_shows_full_quote_scores(tmp_path, monkeypatch, nlp_model):
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["prelabel", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    shown = runner.invoke(app, ["evaluate", str(GOLD), str(out)])
    assert shown.exit_code == 0, shown.output
    assert "attributed quotes" in shown.output
    scores = json.loads(runner.invoke(app, ["evaluate", str(GOLD), str(out), "--json"]).output)
    assert scores["quotes_overlap"]["recall"] == 1.0
    assert scores["attributed_quotes"]["recall"] == 1.0
