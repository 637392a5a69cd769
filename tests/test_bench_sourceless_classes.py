"""``bench/sourceless_classes.py``: the gold quotes without a source, classed by what carries them;
sentences of our own."""

from __future__ import annotations

import sys

import pytest

from annotator.core.records import CUE, QUOTE, Span
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from sourceless_classes import sourceless_class  # bench/sourceless_classes.py


def span(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), 0, 0, label, text=part, quote_type="indirect" if label == QUOTE else None)


@pytest.mark.model
@pytest.mark.parametrize("text, content, cue, kind", [
    ("The new bridge is expected to open in May.", "to open in May", "is expected", "passive with a subject"),
    ("The harbour master seems tired of the delays.", "tired of the delays", "seems", "raising verb"),
    ("The ferry firm reportedly cut its winter timetable.", "cut its winter timetable", "reportedly",
     "adverb (hearsay or other)"),
    ("Critics voiced fears of a long drought.", "a long drought", "fears of", "noun cue"),
])
def test_a_quote_without_a_source_is_classed_by_its_cue(nlp_model, text, content, cue, kind):
    doc = nlp_model(text)
    assert sourceless_class(doc, text, span(text, content, QUOTE), [span(text, cue, CUE)]) == kind


def test_a_quote_without_a_cue_is_classed_so(nlp_model):
    text = "The bridge will open in May."
    assert sourceless_class(nlp_model(text), text, span(text, "The bridge will open", QUOTE), []) == "no cue"


def test_without_the_corpus_it_skips(tmp_path):
    bench_scripts.assert_skips_without_corpus("sourceless_classes.py", tmp_path, "--parse-cache", str(tmp_path / "pc"))
