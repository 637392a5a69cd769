"""The base model's contextual vectors as a suggestion's features (``bench/vector_features.py``):
read off ``doc.tensor`` at the cue's root, the content's head and the speaker's root, named by part
and column, only where the pipeline's tok2vec wrote them (our own sentences)."""

from __future__ import annotations

import sys

import numpy
import pytest
import spacy
from spacy.tokens import DocBin

from annotator.nlp.pipeline import COMPONENTS
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from vector_features import has_vectors, tensor_identity, vector_features  # bench/vector_features.py

pytestmark = pytest.mark.model

#: A speaker, a cue verb and a clause said.
SAID = "The harbour master said that the new ferry lanes would open in May."


def test_the_tensor_is_read_at_the_cue_root_the_content_head_and_the_speaker_root(nlp_model):
    doc = nlp_model(SAID)
    speaker, cue, content = doc[0:3], doc[3:4], doc[5:14]
    feats = vector_features(doc, content, cue, speaker)
    width = doc.tensor.shape[1]
    assert feats["vec-cue"] == feats["vec-head"] == feats["vec-speaker"] == 1.0
    assert [feats[f"vec-cue-{k}"] for k in range(width)] == pytest.approx(doc.tensor[3].tolist())
    assert [feats[f"vec-head-{k}"] for k in range(width)] == pytest.approx(doc.tensor[content.root.i].tolist())
    assert [feats[f"vec-speaker-{k}"] for k in range(width)] == pytest.approx(doc.tensor[2].tolist())
    assert len(feats) == 3 * (width + 1)


def test_a_part_that_is_absent_gives_no_feature(nlp_model):
    doc = nlp_model(SAID)
    feats = vector_features(doc, doc[5:14], None, None)
    assert feats["vec-head"] == 1.0
    assert not any(name.startswith(("vec-cue", "vec-speaker")) for name in feats)


def test_the_identity_names_the_tok2vec_width_and_the_pipeline(nlp_model):
    identity = tensor_identity(nlp_model)
    assert identity == {"tok2vec_width": 96, "pipeline": "en_core_web_sm", "version": nlp_model.meta["version"]}
    assert tensor_identity(spacy.blank("en")) is None


def test_a_doc_has_vectors_only_where_the_tok2vec_wrote_them(nlp_model):
    assert has_vectors(nlp_model(SAID), 96)
    assert not has_vectors(nlp_model(SAID), 128)
    assert not has_vectors(spacy.blank("en")(SAID), 96)


def test_our_components_keep_the_model_tensor(nlp_model):
    model = [name for name in nlp_model.pipe_names if name not in COMPONENTS]
    with nlp_model.select_pipes(enable=model):
        parsed = nlp_model(SAID)
    assert numpy.array_equal(nlp_model(SAID).tensor, parsed.tensor)


def test_a_doc_restored_from_a_docbin_gets_the_same_tensor_from_the_tok2vec_again(nlp_model):
    fresh = nlp_model(SAID)
    (restored,) = DocBin(docs=[fresh]).get_docs(nlp_model.vocab)
    assert not has_vectors(restored, 96)
    again = nlp_model.get_pipe("tok2vec")(restored)
    assert numpy.array_equal(again.tensor, fresh.tensor)
