"""``bench/extent_boundaries.py``: a pre-label too long or too short for a gold quote with the same cue,
classed by the head of the stretch where the two differ; sentences of our own."""

from __future__ import annotations

import sys

import pytest

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from extent_boundaries import boundary_classes  # bench/extent_boundaries.py


def _chars(doc, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


@pytest.mark.model
def test_a_trailing_relative_clause_is_an_end_stretch_after_a_comma(nlp_model):
    doc = nlp_model("The senator said she would back the harbour master, who took the post in March.")
    ours = _chars(doc, "she would back the harbour master, who took the post in March")
    gold = _chars(doc, "she would back the harbour master")
    assert boundary_classes(doc, ours, gold, _chars(doc, "said")) == ["end: after ',' relcl VERB on a word inside"]


@pytest.mark.model
def test_a_subject_left_out_is_a_start_stretch_whichever_span_is_longer(nlp_model):
    doc = nlp_model("The senator said the harbour master would close the pier.")
    whole, rest = _chars(doc, "the harbour master would close the pier"), _chars(doc, "would close the pier")
    assert boundary_classes(doc, whole, rest, _chars(doc, "said")) == ["start: nsubj NOUN on the content head"]
    assert boundary_classes(doc, rest, whole, _chars(doc, "said")) == ["start: nsubj NOUN on the content head"]


def test_the_script_skips_without_the_corpus(tmp_path):
    bench_scripts.assert_skips_without_corpus("extent_boundaries.py", tmp_path, "--parse-cache", str(tmp_path / "pc"))
