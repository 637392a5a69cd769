"""``bench/inner_misses.py``: a missed gold attribution whose cue lies inside one of our pre-labels, classed
by how its cue hangs there and who gold names; and ``nested_cuts.inner_clauses``, which reads the same
reports; sentences of our own."""

from __future__ import annotations

import sys

import pytest

from annotator.core.records import SPEAKER, Span
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from inner_misses import relation, speaker_kind  # bench/inner_misses.py
from nested_cuts import inner_clauses  # bench/nested_cuts.py


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def _holder(doc):
    return next(q for q in doc.spans["quotes"] if q._.quote_type != "direct")


@pytest.mark.model
def test_a_report_in_a_relative_clause_of_the_holder(nlp_model):
    doc = nlp_model("Ruiz said the levy, which the growers' union opposed in March, would pass easily.")
    opposed = _token(doc, "opposed")
    assert relation(opposed, _holder(doc), doc[opposed.i:opposed.i + 1]) == "relcl"


@pytest.mark.model
def test_a_report_that_heads_the_holder_s_words(nlp_model):
    doc = nlp_model("The mayor said the inspectors believed the old bridge was safe.")
    believed = _token(doc, "believed")
    assert relation(believed, _holder(doc), doc[believed.i:believed.i + 1]) == "heads the holder's words (VERB ccomp)"


@pytest.mark.model
def test_the_speaker_gold_names_by_kind(nlp_model):
    doc = nlp_model("Okafor said the board, which Lee chairs, would meet before he left.")
    at = {t.text: t for t in doc}
    span = lambda word: Span(at[word].idx, at[word].idx + len(word), 0, 0, SPEAKER)  # noqa: E731
    assert speaker_kind(doc, span("which")) == "relative pronoun"
    assert speaker_kind(doc, span("he")) == "personal pronoun"
    assert speaker_kind(doc, span("Lee")) == "name"
    assert speaker_kind(doc, None) == "none"


@pytest.mark.model
def test_a_clause_reported_inside_a_pre_label_is_read(nlp_model):
    doc = nlp_model("Ruiz said that the council, which feared the vote, warned that the levy would fail.")
    finder = nlp_model.get_pipe("annotator_quotes")
    assert inner_clauses(finder, doc)  # the reported clause of ``warned`` inside Ruiz's words
