"""``annotate --learn`` updates the counts behind the suggestions (no training steps): on documents of
our own where the team always takes the suggestions of one cue word (``dreads that …``) and never
those of another (``dreams that …``), the next pre-label scores the first up and drops the second; an
update whose counts would cost keys on the dev slice, or save none beyond their noise, publishes
nothing; and a ``kill -9`` while the counts' pipeline is written leaves the last good model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from msgspec.structs import replace
from pathlib import Path

import pytest

from annotator.core.records import CUE_REL, SAID_BY, Annotation, Relation, Task
from annotator.nlp.frames import FRAMES_PIPE
from annotator.nlp.pipeline import SUGGESTIONS, load_pipeline, prelabel
from annotator.nlp.suggest.scorer import default_scorer
from annotator.training.fold_check import text_share
from annotator.training.learning_loop import LearningLoop, ModelInUse, UpdateOutcome
from annotator.training import suggestion_update
from annotator.training.suggestion_update import describe_update, is_counts_model
from annotator.training.updater import PARTIAL_PREFIX, latest_model, numbered_models, update_model
from tests.training.test_updater import killed_while_writing

pytestmark = pytest.mark.model

NAMES = ["Maria Lopez", "Tom Reyes", "Lena Park", "Omar Diallo", "Jill Hart", "Ravi Menon", "Greta Holm",
         "Paul Okafor", "Nina Berg", "Victor Lund", "Ada Quist", "Ben Oduya", "Cora Vance", "Dev Malik"]
PLACES = ["the old factory on the river", "the ferry across the bay", "the library on Elm Street",
          "the night market by the station", "the swimming pool in the park", "the bus depot near the docks",
          "the clinic on the hill", "the bakery at the corner", "the bridge to the island", "the school gym",
          "the tram line to the airport", "the fish hall by the quay", "the theatre on Main Street",
          "the youth club behind the church"]
TAKEN, LEFT = "dreads", "dreams"


def paired_texts(names: list[str], things: list[str], shift: int, write_one) -> list[str]:
    """One text per name and thing, ``write_one(name, thing, other)``: ``other`` is the name ``shift``
    places further on, so every text has two people in it."""
    return [write_one(name, thing, names[(i + shift) % len(names)])
            for i, (name, thing) in enumerate(zip(names, things, strict=True))]


def texts() -> list[str]:
    return paired_texts(NAMES, PLACES, 5, lambda name, place, other: (
        f"The council met on Tuesday evening. {name} {TAKEN} that {place} will close before the "
        f"winter comes.\n\n{other} {LEFT} that {place} will be full of people again by next summer."))


def decided(task: Task, take: str) -> Task:
    """The pre-labeled ``task`` as an annotator leaves it: the suggestions whose cue is ``take`` taken
    (their quote, cue and speaker become spans with their relations), the others left alone."""
    spans, relations, left = list(task.spans), list(task.relations), []
    for suggestion in task.suggestions or ():
        if suggestion.cue is None or suggestion.cue.text != take:
            left.append(suggestion)
            continue
        spans += suggestion.spans
        relations.append(Relation(suggestion.quote, suggestion.cue, CUE_REL))
        if suggestion.speaker is not None:
            relations.append(Relation(suggestion.quote, suggestion.speaker, SAID_BY))
    return replace(task, spans=sorted(spans, key=lambda s: (s.start, -s.end, s.label)), relations=relations,
                   suggestions=left)


def write(path: Path, tasks: list[Task]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i, task in enumerate(tasks):
            out.write(json.dumps(Annotation(task, "accept", "tester", "tester-1", 1_700_000_000 + i).to_dict()) + "\n")
    return path


@pytest.fixture(scope="module")
def prelabeled():
    return list(prelabel(load_pipeline(), [Task(text=t) for t in texts()]))


def suggested(nlp, text: str) -> dict[str, float]:
    """Cue word → score of the suggestions of ``text``."""
    [task] = prelabel(nlp, [Task(text=text)])
    return {s.cue.text: s.score for s in task.suggestions or ()}


NEW = ("Rain fell all day. Ann Moss dreads that the harbour wall will give way in the next storm.\n\n"
       "Joe Tate dreams that the harbour wall will be rebuilt in stone by the town.")


def test_out_of_the_box_both_cue_words_are_suggested_alike(prelabeled):
    cues = [{s.cue.text for s in t.suggestions} for t in prelabeled]
    assert all(TAKEN in c for c in cues) and sum(LEFT in c for c in cues) >= len(cues) - 3  # (as the parse goes)
    nlp = load_pipeline()
    nlp.get_pipe(SUGGESTIONS).scorer = default_scorer()  # its features alone: the vectors' term reads the words
    scores = suggested(nlp, NEW)
    # the learned scorer's features read no word (neither is in our lexicon), only where each stands: with
    # the two words swapped, each place keeps its score
    swapped = suggested(nlp, NEW.replace(TAKEN, "@").replace(LEFT, TAKEN).replace("@", LEFT))
    assert swapped[LEFT] == pytest.approx(scores[TAKEN], abs=0.02)
    assert swapped[TAKEN] == pytest.approx(scores[LEFT], abs=0.02)


@pytest.fixture(scope="module")
def counted(prelabeled, tmp_path_factory):
    work = tmp_path_factory.mktemp("counts")
    decisions = write(work / "out.jsonl", [decided(t, TAKEN) for t in prelabeled])
    result = update_model(decisions=decisions, root=work / "models", span_model=False)
    return work, result


def test_a_taken_suggestion_counts_as_annotated_and_one_left_alone_as_not(counted):
    work, result = counted
    assert result.kept and result.model == work / "models" / "1"
    counts = json.loads((result.model / FRAMES_PIPE / "counts.json").read_text())["counts"]
    taken, left = counts[f"clause|{TAKEN[:-1]}"], counts[f"clause|{LEFT[:-1]}"]
    assert taken[0] == taken[1] > 0 and left[0] == 0 < left[1]


def test_the_next_pre_label_scores_suggestions_by_the_teams_rates(counted):
    _, result = counted
    assert is_counts_model(result.model)
    nlp = load_pipeline(str(result.model))
    # The frames' own dev choice decides the pre-labels: here (every dev document takes the word) it
    # adds the taken word's clauses as pre-labeled quotes.
    assert FRAMES_PIPE not in nlp.disabled
    [task] = prelabel(nlp, [Task(text=NEW)])
    assert [s.text for s in task.spans if s.label == "CUE"] == [TAKEN]
    # The team's leaving it lowers the table's score (a few decisions move it part of the way: a word
    # left often enough falls under min_score, tests/nlp/suggest).
    shipped = load_pipeline()  # its scorer alone: the team's refit scorer gets no vectors' term (suggest/vectors.py)
    shipped.get_pipe(SUGGESTIONS).scorer = default_scorer()
    out_of_the_box = suggested(shipped, NEW)
    assert suggested(nlp, NEW).get(LEFT, 0.0) < out_of_the_box[LEFT]
    # With the frames left out of the pre-labels, the counts still score the suggestions.
    nlp.disable_pipe(FRAMES_PIPE)
    scores = suggested(nlp, NEW)
    assert scores[TAKEN] > out_of_the_box[TAKEN]
    assert scores.get(LEFT, 0.0) < out_of_the_box[LEFT]
    counted_update = result.suggestions
    assert counted_update["new_keys"] <= counted_update["current_keys"]
    meta = json.loads((result.model / "meta.json").read_text())["annotator"]["update"]
    assert meta["kind"] == "suggestions" and meta["decisions"] == len(NAMES)


def header(model: Path) -> str:
    """What the header says of the suggestions update that published ``model``: which of its options
    won on the dev slice (the counts, or with the team's scorer) depends on the shipped scorer's
    weights, so it is read from the model's meta."""
    update = json.loads((model / "meta.json").read_text())["annotator"]["update"]
    team = " (the team's scorer)" if "scorer" in str(update.get("pipeline", "")) else ""
    return f"suggestions from {len(NAMES)} decisions{team}"


def test_the_header_says_what_the_update_changed(counted):
    work, result = counted
    assert describe_update(result.model) == header(result.model)
    loop = LearningLoop(decisions=work / "out.jsonl", root=work / "models")
    try:
        assert loop.in_use.describe().startswith(f"model 1 · {header(result.model)} · dev F1")
    finally:
        loop.close()
    in_use = ModelInUse(2, result.model, 0.5, "suggestions from 30 decisions")
    assert UpdateOutcome(True, in_use, reason="suggestions from 30 decisions: dev keys 4.0 per document vs 5.0"
                         ).describe() == "model 2 kept: suggestions from 30 decisions: dev keys 4.0 per document vs 5.0"


def test_counts_that_cost_keys_on_the_dev_slice_publish_nothing(prelabeled, tmp_path):
    # The team takes the dev documents' suggestions of one word and leaves the training documents'
    # alone: counted from training, that word is no longer suggested, and dev keys go up.
    # (More training documents, told apart by their first sentence: the counts update the table's
    # score, so a word falls under min_score after enough decisions leaving it.)
    dev = [text_share(t) < 0.2 for t in prelabeled]
    assert any(dev) and not all(dev)
    more = [t for t in prelabel(load_pipeline(), [Task(text=t.replace("Tuesday", day)) for t in texts()
                                                  for day in ("Monday", "Friday")]) if text_share(t) >= 0.2]
    decisions = write(tmp_path / "out.jsonl", [decided(t, TAKEN if d else "") for t, d in zip(prelabeled, dev, strict=True)]
                      + [decided(t, "") for t in more])
    result = update_model(decisions=decisions, root=tmp_path / "models", span_model=False)
    assert not result.kept and result.model is None
    assert result.suggestions["new_keys"] > result.suggestions["current_keys"]
    assert "more than" in result.reason
    assert numbered_models(tmp_path / "models") == []


def test_counts_that_save_no_keys_beyond_their_noise_publish_nothing(counted, tmp_path):
    # The same decisions counted again save nothing against the model they made: within the noise
    # (a dev slice of a few documents), so the model in use stays.
    work, _ = counted
    root = tmp_path / "models"
    shutil.copytree(work / "models" / "1", root / "1")
    result = update_model(decisions=work / "out.jsonl", root=root, span_model=False)
    assert not result.kept and "within its noise" in result.reason
    assert [n for n, _ in numbered_models(root)] == [1] and latest_model(root) == root / "1"


def test_kill_9_while_the_counts_model_is_written_leaves_the_last_good_model(counted, tmp_path, monkeypatch):
    work, _ = counted
    root = tmp_path / "models"
    shutil.copytree(work / "models" / "1", root / "1")
    good = (root / "1" / FRAMES_PIPE / "counts.json").read_text()
    # The real counts update, its writing slowed down after the first files: killed while it writes.
    # (The same decisions again save no keys against the model they made, so here every update
    # publishes, as one that clears the noise would: ``clear_gain`` says yes.)
    code = ("import sys, time; from pathlib import Path\n"
            "import annotator.training.suggestion_update as update\n"
            "update.clear_gain = lambda current, new: (1.0, 0.0, True)\n"
            "import annotator.training.model_card as card\n"
            "real = card.save_model\n"
            "def slow(result, folder, meta):\n"
            "    real(result, folder, meta); print('writing', flush=True); time.sleep(120)\n"
            "card.save_model = slow\n"
            "from annotator.training.updater import update_model\n"
            "update_model(decisions=Path(sys.argv[1]), root=Path(sys.argv[2]), span_model=False)\n")
    killed_while_writing(code, str(work / "out.jsonl"), str(root))
    assert any(p.name.startswith(PARTIAL_PREFIX) for p in root.iterdir())
    assert latest_model(root) == root / "1" and (root / "1" / FRAMES_PIPE / "counts.json").read_text() == good
    assert load_pipeline(str(latest_model(root))).get_pipe(FRAMES_PIPE).counts.counts
    # The next update removes the leftover and publishes whole.
    monkeypatch.setattr(suggestion_update, "clear_gain", lambda current, new: (1.0, 0.0, True))
    result = update_model(decisions=work / "out.jsonl", root=root, span_model=False)
    assert result.kept and result.model == root / "2"
    assert not any(p.name.startswith(PARTIAL_PREFIX) for p in root.iterdir())


def test_a_span_model_in_use_keeps_its_suggestions(counted, tmp_path):
    work, _ = counted
    span_model = tmp_path / "models" / "1"
    span_model.mkdir(parents=True)
    (span_model / "meta.json").write_text(json.dumps({"annotator": {"design": "ner"}}))
    result = update_model(decisions=work / "out.jsonl", root=tmp_path / "models", span_model=False)
    assert not result.kept and "span model is in use" in result.reason
    assert [n for n, _ in numbered_models(tmp_path / "models")] == [1]



def test_the_loop_reports_the_counts_model_while_the_span_model_still_trains(counted, tmp_path):
    work, _ = counted
    root = tmp_path / "models"
    loop = LearningLoop(decisions=work / "out.jsonl", root=root)
    try:
        loop._process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # (the update)
        assert loop.poll() is None
        shutil.copytree(work / "models" / "1", root / "1")  # what the update publishes first
        outcome = loop.poll()
        assert outcome is not None and outcome.kept and loop.running
        assert outcome.describe() == f"model 1 kept: {header(work / 'models' / '1')}"
        assert loop.poll() is None  # reported once
    finally:
        loop.close()
