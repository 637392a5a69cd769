"""``bench/hidden_filters.py``: each proposal's fate in the suggestion component (shown, promoted,
under the threshold, given way to a promoted one, lost to an overlapping one) and how a loser stands
to its winner; the script skips without the corpus. Sentences of our own."""

from __future__ import annotations

import sys

import spacy

from annotator.nlp.suggest.propose import Proposal
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from hidden_filters import fate, relation  # bench/hidden_filters.py

TEXT = "Mayor Okafor backed the new ferry timetable for the island of Velm ."


def _proposal(doc, content, cue=(2, 3)):
    return Proposal(doc[content[0]:content[1]], "indirect", doc[cue[0]:cue[1]], None, "rule:free-object")


def test_fates():
    doc = spacy.blank("en")(TEXT)
    whole, short, other = _proposal(doc, (3, 12)), _proposal(doc, (3, 7)), _proposal(doc, (8, 12), cue=(7, 8))
    chosen = {id(whole): (whole, 0.6)}
    assert fate(whole, 0.6, 0.2, chosen, {}) == ("shown", None)
    assert fate(short, 0.1, 0.2, chosen, {}) == ("below threshold", None)
    assert fate(short, 0.3, 0.2, chosen, {}) == ("lost overlap", whole)
    assert fate(short, 0.3, 0.2, {}, {id(whole): whole}) == ("gave way to a promoted one", whole)
    assert fate(whole, 0.9, 0.2, {}, {id(whole): whole}) == ("promoted", None)
    assert relation(short, whole) == "inside winner, same cue"
    assert relation(whole, short) == "holds winner, same cue"
    assert relation(other, whole) == "inside winner, other cue"
    assert relation(whole, whole) == "same extent, same cue"


def test_skips_without_corpus(tmp_path):
    bench_scripts.assert_skips_without_corpus("hidden_filters.py", tmp_path)
