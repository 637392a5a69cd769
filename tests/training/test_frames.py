"""Learned cue frames (``annotator train --design frames``) on sentences of our own: verbs no rule
knows (``dreads that …``, ``aches to …``) annotated as attributions are learned from a few documents
and found in new ones with their speaker and cue, a frame the documents never annotate is not added,
the counts survive a save and load, and a bad counts file is a clear error."""

from __future__ import annotations

import json
import re

import pytest
import spacy

from annotator.core.errors import UserError
from annotator.core.records import QUOTE, Span, Task
from annotator.nlp.convert import make_doc, tokens_from_doc
from annotator.nlp.frames import FRAMES_PIPE, Candidate, FrameCounts, FrameCountsError, candidates
from annotator.nlp.pipeline import load_pipeline
from annotator.training.data import TrainingData
from annotator.training.frames import THRESHOLDS, learn, through_quotes
from annotator.training.linking import RULES_ALONE
from annotator.training.settings import TrainingSettings
from annotator.training.trainer import train_pipeline
from tests.nlp.conftest import found_quotes

pytestmark = pytest.mark.model

_BLANK = spacy.blank("en")

#: Paragraphs of our own; what is in [brackets] is an annotated quote.
ANNOTATED = [
    "Maria Lopez dreads that [the factory will close before winter].",
    "Tom Reyes aches [to rebuild the old harbour].",
    "The hall was full on Monday. Lena Park dreads that [the ferry fares will double].",
    "Omar Diallo aches [to win back the northern seats].",
    "Jill Hart plotted the new route to the coast.",
    "Ravi Menon dreads that [the vote has been rigged].",
    "Greta Holm plotted a long detour through the hills.",
    "Paul Okafor aches [to see the mill open again].",
    "Nina Berg plotted the fastest way home.",
    "Victor Lund dreads that [the council will cut the library budget].",
]


def task_of(marked: str) -> Task:
    """A task from a paragraph whose [bracketed] parts are indirect quotes."""
    text = marked.replace("[", "").replace("]", "")
    doc = _BLANK.make_doc(text)
    spans = []
    removed = 0
    for match in re.finditer(r"\[([^\]]*)\]", marked):
        start = match.start() - removed
        end = start + len(match.group(1))
        removed += 2
        span = doc.char_span(start, end)
        spans.append(Span(start=start, end=end, token_start=span.start, token_end=span.end - 1, label=QUOTE,
                          quote_type="indirect", text=span.text))
    return Task(text=text, tokens=tokens_from_doc(doc), spans=spans)


@pytest.fixture(scope="module")
def trained():
    """A rules pipeline with frames learned from the annotated paragraphs (the last three are dev)."""
    nlp = load_pipeline()
    tasks = [task_of(t) for t in ANNOTATED]
    result = learn(nlp, tasks[:7], tasks[7:])
    return nlp, result


def quotes_in(nlp, text: str):
    return found_quotes(nlp(text))


def test_the_rules_alone_find_neither_verb(nlp_model):
    assert quotes_in(nlp_model, "Anna Holt dreads that the tunnel will flood.") == []
    assert quotes_in(nlp_model, "Anna Holt aches to sail to the islands.") == []


def test_learned_frames_find_the_annotated_verbs_with_speaker_and_cue(trained):
    nlp, result = trained
    assert result.choice.name != RULES_ALONE and result.threshold in THRESHOLDS
    assert FRAMES_PIPE not in nlp.disabled
    [clause] = quotes_in(nlp, "Anna Holt dreads that the tunnel will flood.")
    assert (clause.type, clause.text, clause.speaker, clause.cue) == ("indirect", "the tunnel will flood",
                                                                      "Anna Holt", "dreads")
    [infinitive] = quotes_in(nlp, "The storm passed. Anna Holt aches to sail to the islands.")
    assert (infinitive.text, infinitive.speaker, infinitive.cue) == ("to sail to the islands", "Anna Holt", "aches")


def test_a_frame_the_team_never_annotates_is_not_added(trained):
    nlp, _ = trained
    doc = nlp("Anna Holt plotted the shortest road north.")
    assert list(doc.spans["quotes"]) == []
    # It was a candidate (the object frame proposes it), only never annotated.
    assert nlp.get_pipe(FRAMES_PIPE).counts.counts["object|plot"][0] == 0


def test_a_rule_quote_is_never_replaced_and_candidates_overlapping_it_are_left_out(trained):
    nlp, _ = trained
    found = quotes_in(nlp, "Anna Holt said that the tunnel will flood.")
    assert [(q.text, q.cue) for q in found] == [("the tunnel will flood", "said")]
    [doc] = through_quotes(nlp, [task_of("Anna Holt said she dreads that the tunnel will flood.")])
    taken = [(q.start_char, q.end_char) for q in doc.spans["quotes"]]
    assert taken and not any(q.start_char < e and s < q.end_char
                             for q in (c.found.span for c in candidates(doc, nlp.get_pipe(FRAMES_PIPE).lexicon))
                             for s, e in taken)


def test_counts_back_off_from_the_word_to_its_frame():
    counts = FrameCounts()
    seen = Candidate("clause", "dread", "ROOT", None)
    for _ in range(4):
        counts.add(seen, True)
    counts.add(Candidate("clause", "plot", "ROOT", None), False)
    unseen = Candidate("clause", "fear", "ROOT", None)
    assert counts.rate(seen) > counts.rate(unseen) > counts.rate(Candidate("clause", "plot", "ROOT", None))
    assert counts.rate(Candidate("noun", "claim", "nsubj", None)) == 0.0  # a frame never seen adds nothing


def test_the_pipeline_saves_and_loads_with_its_counts_and_threshold(trained, tmp_path):
    nlp, result = trained
    nlp.to_disk(tmp_path / "model")
    counts_file = tmp_path / "model" / FRAMES_PIPE / "counts.json"
    assert json.loads(counts_file.read_text())["counts"]["clause|dread"][0] >= 2
    loaded = load_pipeline(str(tmp_path / "model"))
    assert loaded.get_pipe(FRAMES_PIPE).threshold == result.threshold
    assert loaded.get_pipe(FRAMES_PIPE).counts.counts == nlp.get_pipe(FRAMES_PIPE).counts.counts
    assert loaded.pipe_names.index(FRAMES_PIPE) == loaded.pipe_names.index("annotator_quotes") + 1
    [clause] = quotes_in(loaded, "Anna Holt dreads that the tunnel will flood.")
    assert clause.speaker == "Anna Holt"


@pytest.mark.parametrize("content, message", [
    ("{not json", "line 1"),
    ('{"format": "something else", "counts": {}}', "not the frame counts"),
    ('{"format": "annotator-frame-counts", "counts": {"clause|say": [3, 1]}}', "clause|say"),
])
def test_a_bad_counts_file_is_a_clear_error_naming_it(trained, tmp_path, content, message):
    nlp, _ = trained
    nlp.to_disk(tmp_path / "model")
    counts_file = tmp_path / "model" / FRAMES_PIPE / "counts.json"
    counts_file.write_text(content)
    with pytest.raises(UserError) as caught:
        load_pipeline(str(tmp_path / "model"))
    assert str(counts_file) in str(caught.value) and message in str(caught.value)
    assert "pip install" not in str(caught.value)  # the folder is there: installing fixes nothing
    with pytest.raises(FrameCountsError):
        FrameCounts.read(counts_file)


def test_train_with_the_frames_design_needs_no_steps_and_reports_its_choice():
    tasks = [task_of(t) for t in ANNOTATED]
    result = train_pipeline(TrainingData(train=tasks[:7], dev=tasks[7:]), settings=TrainingSettings(design="frames"))
    assert result.steps == 0 and result.frames is not None and result.frames.positives >= 4
    rules = result.frames.choice.scores[RULES_ALONE]
    assert result.dev_scores["quote_f"] > rules["quote_f"] and result.dev_scores["keys"] < rules["keys"]
    assert [q.text for q in found_quotes(result.nlp(make_doc(tasks[0], result.nlp).text))] == [
        "the factory will close before winter"]


def test_annotator_train_design_frames_learns_a_made_up_cue_and_prelabels_with_it(tmp_path):
    from typer.testing import CliRunner

    from annotator.cli import app
    from tests.training.generated import generated_tasks, write_decisions

    runner = CliRunner()
    # Some attributions are cued by a made-up verb ("vorbled that …") no rule knows.
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(30, seed=7, unknown_cues=True))
    model = tmp_path / "model"
    result = runner.invoke(app, ["train", str(annotations), "-o", str(model), "--design", "frames", "--dev", "0.2"])
    assert result.exit_code == 0, result.output
    assert "cue frames chosen on dev: rules first, learned frames added" in " ".join(result.output.split())
    assert "cue frames counted in" in result.output and "step" not in result.output  # frames take no steps
    meta = json.loads((model / "meta.json").read_text())["annotator"]
    assert meta["design"] == "frames" and meta["steps"] == 0
    assert meta["frames"]["config"]["threshold"] in THRESHOLDS
    assert "Learned cue frames" in (model / "README.md").read_text()
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"text": "Dana Ruiz vorbled that the pier would be rebuilt."}) + "\n")
    out = tmp_path / "tasks.jsonl"
    result = runner.invoke(app, ["prelabel", str(texts), "-o", str(out), "--model", str(model)])
    assert result.exit_code == 0, result.output
    spans = json.loads(out.read_text())["spans"]
    assert [(s["label"], s["text"]) for s in spans if s["label"] in ("QUOTE", "SPEAKER", "CUE")] == [
        ("SPEAKER", "Dana Ruiz"), ("CUE", "vorbled"), ("QUOTE", "the pier would be rebuilt")]


def test_frames_cannot_be_added_to_the_frames_design(tmp_path):
    from typer.testing import CliRunner

    from annotator.cli import app
    from tests.training.generated import generated_tasks, write_decisions

    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(4, seed=1))
    result = CliRunner().invoke(app, ["train", str(annotations), "-o", str(tmp_path / "m"), "--design", "frames",
                                      "--frames"])
    assert result.exit_code == 2 and "'--design frames' learns them alone" in result.output


def test_counts_without_some_documents_are_the_counts_of_the_others():
    first = [(Candidate("clause", "dread", "ROOT", None), True), (Candidate("object", "plot", "ROOT", None), False)]
    second = [(Candidate("clause", "dread", "conj", None), False)]
    both = FrameCounts().update(first + second)
    assert both.remove(second).counts == FrameCounts().update(first).counts


def test_the_choice_is_also_scored_on_training_documents_across_folds():
    nlp = load_pipeline()
    tasks = [task_of(t) for t in ANNOTATED] * 2  # (ten training documents make five folds of two)
    result = learn(nlp, tasks[:10], tasks[10:12])
    assert result.judged == 12
    assert result.to_dict()["judged"] == 12 and set(result.choice.scores) >= {RULES_ALONE}
