"""``bench/scorer_stacked.py`` (the vectors stacked on the shipped scorer) and the parse cache's
tensor (``bench/corpus.py``): the stored raw weights give the fitted term, the script skips without
its caches, and a cached Doc gets the tensor of a fresh parse back (made-up numbers, our own sentence)."""

from __future__ import annotations

import sys

import numpy
import pytest
from spacy.tokens import DocBin

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from corpus import CachedDocs  # bench/corpus.py
from scorer_stacked import fit_offset, raw_term  # bench/scorer_stacked.py
from scorer_vectors import standardised  # bench/scorer_vectors.py

from annotator.nlp.suggest.vectors import PARTS

SAID = "The harbour master said that the new ferry lanes would open in May."


def test_the_raw_weights_give_the_term_fitted_on_the_standardised_vectors():
    rng = numpy.random.default_rng(0)
    width = 96  # (scorer_vectors.standardised reads blocks of the base model's width)
    v = rng.normal(size=(200, len(PARTS) * width)) * 3 + 1
    v[::4, 2 * width:3 * width] = 0.0  # candidates without a speaker
    dense = standardised(v)
    w = rng.normal(size=dense.shape[1])
    raw = raw_term(w, v, width)
    term = numpy.zeros(len(v))
    for n, part in enumerate(PARTS):
        block = v[:, n * width:(n + 1) * width]
        present = numpy.abs(block).sum(axis=1) > 0
        term += present * (block @ numpy.array(raw[part]["weights"]) + raw[part]["constant"])
    assert numpy.allclose(term, dense @ w, atol=1e-4)


def test_the_offset_fit_keeps_the_logit_and_shrinks_the_vectors():
    rng = numpy.random.default_rng(1)
    x = rng.normal(size=(400, 3))
    z = rng.normal(size=400)
    y = (rng.uniform(size=400) < 1 / (1 + numpy.exp(-(z + x[:, 0])))).astype(int)
    loose, tight = fit_offset(z, x, y, None, 10.0), fit_offset(z, x, y, None, 1e-6)
    assert loose[0] > 0.5 and numpy.abs(tight).max() < 1e-3


def test_the_stacked_bench_skips_without_its_caches(tmp_path):
    result = bench_scripts.run_bench("scorer_stacked.py", str(tmp_path / "corpus"), "--cache", str(tmp_path / "r.pkl"),
                                     "--demote-cache", str(tmp_path / "d.pkl"), "--parse-cache", str(tmp_path / "pc"),
                                     "--vectors", str(tmp_path / "v.npy"))
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stdout


@pytest.mark.model
def test_the_parse_cache_gives_a_cached_doc_the_tensor_of_a_fresh_parse(nlp_model):
    fresh = nlp_model(SAID)
    cached = CachedDocs()
    (restored,) = DocBin(docs=[fresh]).get_docs(nlp_model.vocab)
    cached.docs[SAID] = [restored]
    cached.tok2vec = nlp_model.get_pipe("tok2vec")
    again = cached(nlp_model.make_doc(SAID))
    assert again is restored and numpy.array_equal(again.tensor, fresh.tensor)
    (without,) = DocBin(docs=[fresh]).get_docs(nlp_model.vocab)
    plain = CachedDocs()
    plain.docs[SAID] = [without]
    assert plain(nlp_model.make_doc(SAID)).tensor.size == 0  # (no tok2vec given: the Doc as cached)
