"""A team's decisions refit the suggestion scorer and the model an update or ``annotator train`` saves
scores with it: on documents of our own where the team always takes the suggestions of one source
(``is adamant about …``, ``frame:adjective-preposition``) and always leaves those of another alone
(``dreads that …``, ``frame:clause``), the published pipeline scores the second lower than the shipped
weights do, also when loaded with plain ``spacy.load``; a fit that fails, or an update killed while it
writes, leaves the previous model in place."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from annotator.core.records import Task
from annotator.nlp.pipeline import SUGGESTIONS, load_pipeline, prelabel
from annotator.training import scorer_fit
from annotator.training.updater import PARTIAL_PREFIX, latest_model, numbered_models, update_model
from tests.training.test_suggestion_update import decided, paired_texts, write
from tests.training.test_updater import killed_while_writing

pytestmark = pytest.mark.model

PEOPLE = ["Hana Kovac", "Rolf Amari", "Ines Varga", "Tariq Bello", "Mona Sayed", "Kurt Lindqvist", "Yara Osei",
          "Pavel Nunes", "Lise Dorn", "Emeka Tan", "Sofia Brandt", "Jonas Ek", "Amira Cole", "Felix Ruiz",
          "Nadia Rahm", "Oskar Wynn", "Priya Lund", "Teo Marsh"]
PLANS = ["the plan to widen the coast road", "the vote on the new parking fees", "the rules for the night buses",
         "the cuts to the museum budget", "the deal with the harbour company", "the move of the town archive",
         "the ban on boats in the canal", "the price of the school meals", "the hours of the public baths",
         "the rent caps for student flats", "the new tax on empty shops", "the limits on tour coaches",
         "the merger of the two clinics", "the sale of the old post office", "the tolls on the ring road",
         "the fees for the sports halls", "the closing of the ice rink", "the route of the cycle lane"]
TAKEN_CUE, LEFT_CUE = "adamant", "dreads"


def texts() -> list[str]:
    return paired_texts(PEOPLE, PLANS, 7, lambda name, plan, other: (
        f"The board met on Monday morning. {name} is {TAKEN_CUE} about {plan}.\n\n"
        f"{other} {LEFT_CUE} that the harbour will be empty of ships before the spring."))


def taking(task: Task) -> Task:
    """The team's decision: the suggestions whose cue holds ``adamant`` taken, every other one left."""
    cues = {s.cue.text for s in task.suggestions or () if s.cue is not None}
    return decided(task, next((c for c in cues if TAKEN_CUE in c), "-"))


@pytest.fixture(scope="module")
def decisions(tmp_path_factory):
    work = tmp_path_factory.mktemp("team")
    tasks = list(prelabel(load_pipeline(), [Task(text=t) for t in texts()]))
    sources = {s.source for t in tasks for s in t.suggestions or ()}
    assert {"frame:adjective-preposition", "frame:clause"} <= sources  # what the documents are built to offer
    return write(work / "out.jsonl", [taking(t) for t in tasks])


def left_alone_score(nlp) -> float:
    """The score of the ``dreads that …`` suggestion in a new document (0: not suggested)."""
    [task] = prelabel(nlp, [Task(text="The club met at noon. Vera Holt dreads that the pier will be closed "
                                      "to walkers before the summer.")])
    return max((s.score for s in task.suggestions or () if s.cue is not None and s.cue.text == LEFT_CUE), default=0.0)


def test_an_update_publishes_the_team_scorer_and_the_model_scores_the_source_left_alone_lower(decisions, tmp_path):
    root = tmp_path / "models"
    result = update_model(decisions=decisions, root=root, span_model=False, counts=False)
    assert result.kept, result.reason
    assert result.reason.startswith("the team's scorer from")  # (no counts: counts=False)
    model = latest_model(root)
    meta = json.loads((model / "meta.json").read_text())["annotator"]
    assert meta["team_scorer"]["fit"]["documents"] >= 10 and meta["update"]["pipeline"] == "the team's scorer"
    # its strength was chosen by keys on folds of every decision, and saved keys there
    folds = meta["update"]["scorer_folds"]
    assert folds["documents"] == 18 and folds["strength"] is not None
    assert folds["keys"][f"{folds['strength']:g}"] < folds["keys"]["shipped"]
    shipped = left_alone_score(load_pipeline())
    assert shipped > 0.2
    assert left_alone_score(load_pipeline(str(model))) < shipped - 0.05
    # the weights are the suggestions component's own config: plain spacy.load scores with them too
    plain = spacy.load(model).get_pipe(SUGGESTIONS)
    mine = load_pipeline(str(model)).get_pipe(SUGGESTIONS)
    assert plain.scorer.weights == mine.scorer.weights != load_pipeline().get_pipe(SUGGESTIONS).scorer.weights


def test_a_fit_that_fails_leaves_the_previous_model_in_place(decisions, tmp_path, monkeypatch):
    root = tmp_path / "models"
    first = update_model(decisions=decisions, root=root, span_model=False, counts=False)
    assert first.kept
    before = (root / "1" / "config.cfg").read_text()

    def broken(*args, **kwargs):
        raise MemoryError("the fit ran out of memory")

    monkeypatch.setattr(scorer_fit, "fit_team_scorer", broken)
    with pytest.raises(MemoryError):
        update_model(decisions=decisions, root=root, span_model=False, counts=False)
    assert [n for n, _ in numbered_models(root)] == [1] and (root / "1" / "config.cfg").read_text() == before
    assert not any(p.name.startswith(PARTIAL_PREFIX) for p in root.iterdir())


def test_an_update_killed_while_it_writes_the_team_scorer_leaves_the_last_good_model(decisions, tmp_path):
    root = tmp_path / "models"
    assert update_model(decisions=decisions, root=root, span_model=False, counts=False).kept
    code = ("import sys, time; from pathlib import Path\n"
            "import annotator.training.model_card as card\n"
            "real = card.save_model\n"
            "def slow(result, folder, meta):\n"
            "    real(result, folder, meta); print('writing', flush=True); time.sleep(60)\n"
            "card.save_model = slow\n"
            "from annotator.training.updater import update_model\n"
            "update_model(decisions=Path(sys.argv[1]), root=Path(sys.argv[2]), span_model=False, counts=False)\n")
    killed_while_writing(code, str(decisions), str(root))
    assert any(p.name.startswith(PARTIAL_PREFIX) for p in root.iterdir())
    assert latest_model(root) == root / "1"
    assert left_alone_score(load_pipeline(str(root / "1"))) < left_alone_score(load_pipeline())


def test_annotator_train_saves_the_team_scorer_with_the_model(decisions, tmp_path):
    out = tmp_path / "model"
    done = subprocess.run([sys.executable, "-m", "annotator", "train", str(decisions), "-o", str(out),
                           "--design", "frames", "--dev", "0.25"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "suggestion scorer refitted on" in done.stdout
    meta = json.loads((out / "meta.json").read_text())["annotator"]
    assert meta["team_scorer"]["fit"]["candidates"] > 0
    assert "## Suggestion scorer" in (out / "README.md").read_text()
    scorer = load_pipeline(str(out)).get_pipe(SUGGESTIONS).scorer
    shipped = load_pipeline().get_pipe(SUGGESTIONS).scorer
    assert (scorer.weights != shipped.weights) == meta["team_scorer"]["kept"]
