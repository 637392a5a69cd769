"""What a proposal's neighbours among one Doc's proposals say of it (``scorer_features.neighbour_features``):
counts of shapes by place, the same whatever order the proposals come in; and the component scores
with them (our own sentences)."""

from __future__ import annotations

import math

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import SCORES, proposals
from annotator.nlp.suggest.scorer import neighbour_features, proposal_neighbours


def test_counts_by_place():
    # (0, 10) twice with one cue, (0, 4) inside it sharing its start, (6, 12) overlapping, (20, 25) alone
    places = [(0, 10, 30), (0, 10, 30), (0, 4, 31), (6, 12, None), (20, 25, 40)]
    same, twin, short, late, alone = neighbour_features(places)
    assert same == twin
    assert same["log-same-span"] == pytest.approx(math.log1p(1))
    assert same["log-overlapping"] == pytest.approx(math.log1p(3))
    assert same["log-same-cue"] == pytest.approx(math.log1p(1))
    assert (same["inside-other"], same["contains-other"]) == (0.0, 1.0)
    assert (short["inside-other"], short["contains-other"]) == (1.0, 0.0)
    assert short["log-overlapping"] == pytest.approx(math.log1p(2))
    assert late["log-overlapping"] == pytest.approx(math.log1p(2)) and late["log-same-cue"] == 0.0
    assert (late["inside-other"], late["contains-other"]) == (0.0, 0.0)
    assert alone == {"log-same-span": 0.0, "log-overlapping": 0.0, "log-same-cue": 0.0,
                     "inside-other": 0.0, "contains-other": 0.0}


def test_a_span_held_by_one_that_starts_before_it():
    outer, inner = neighbour_features([(2, 12, None), (5, 9, None)])
    assert outer["contains-other"] == 1.0 and outer["inside-other"] == 0.0
    assert inner["inside-other"] == 1.0 and inner["contains-other"] == 0.0


def test_the_order_of_the_proposals_does_not_matter():
    places = [(3, 9, 1), (0, 4, 1), (5, 7, None), (3, 9, 2), (8, 15, 2)]
    forward = neighbour_features(places)
    backward = neighbour_features(places[::-1])[::-1]
    assert forward == backward


def test_every_proposal_of_a_doc_gets_them(nlp_model):
    text = ("Ferryman Odile Marchetti, who has long opposed the toll, is pressing the county to scrap it, "
            "and her neighbours backed the plan to widen the quay before the winter storms.")
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(text)
    found = proposals(doc, Lexicon(), frozenset(SCORES))
    assert found
    around = proposal_neighbours(found)
    assert len(around) == len(found)
    for p, feats in zip(found, around, strict=True):
        same = sum(1 for q in found if q is not p and q.span.start == p.span.start and q.span.end == p.span.end)
        assert feats["log-same-span"] == pytest.approx(math.log1p(same))


def test_the_component_still_scores_a_doc(nlp_model):
    doc = nlp_model("Councillor Ines Vartanian hopes to reopen the old rope works as a museum next year.")
    for suggestion in doc._.suggestions:
        assert 0.0 <= suggestion.score <= 1.0


def _brute_force(places):
    """``neighbour_features`` by comparing every pair (what it gave before it stopped searching back
    where no earlier span reaches)."""
    out = []
    for start, end, cue in places:
        same = sum(1 for s, e, _ in places if (s, e) == (start, end))
        overlapping = sum(1 for s, e, _ in places if s < end and start < e) - 1
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in places)
        contains = any(start <= s and e <= end and (s, e) != (start, end) for s, e, _ in places)
        cues = sum(1 for _, _, c in places if c == cue) if cue is not None else 1
        out.append({"log-same-span": math.log1p(same - 1), "log-overlapping": math.log1p(overlapping),
                    "log-same-cue": math.log1p(cues - 1), "inside-other": float(inside),
                    "contains-other": float(contains)})
    return out


def test_long_and_far_spans_give_what_every_pair_gives():
    # a long span early reaches past many short ones; later ones start after every earlier end
    places = [(0, 40, 1), (2, 5, 1), (3, 4, None), (6, 9, 2), (6, 9, 2), (8, 12, None), (10, 11, 3),
              (41, 45, 4), (44, 50, None), (46, 47, 4), (60, 61, None), (1, 3, 5), (39, 42, None)]
    assert neighbour_features(places) == _brute_force(places)
