"""One span scorer for 'evaluate' and 'agree': the same spans give the same counts in both."""

from __future__ import annotations

from annotator.measure.agreement import PairAgreement, compare_document
from annotator.measure.evaluation import evaluate
from annotator.measure.spans import Score, pair_spans, score_spans
from tests.formats.records_by_hand import make_task

TEXT = "Ada Brook of the Harbour Trust met Leo Finch and the Harbour Trust board."


def test_a_span_pairs_with_one_other_span_only():
    whole = make_task(TEXT, [("ORG", "Harbour Trust board")]).spans
    pieces = make_task(TEXT, [("ORG", "Harbour Trust", 1), ("ORG", "board")]).spans
    assert len(pair_spans(whole, pieces, lambda a, b: True)) == 1
    # Before, agree counted each of B's two pieces as overlapping A's one span: precision 1.0.
    overlap = score_spans(whole, pieces, exact=False, matches=lambda a, b: a.start < b.end and b.start < a.end)
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 1, 0)


def test_evaluate_and_agree_count_the_same_spans_the_same_way():
    gold = make_task(TEXT, [("PERSON", "Ada Brook"), ("ORG", "Harbour Trust"), ("PERSON", "Leo Finch")])
    pred = make_task(TEXT, [("PERSON", "Ada Brook"), ("ORG", "Harbour Trust board"), ("PERSON", "Leo")])
    evaluation = evaluate([gold], [pred])
    pair = PairAgreement("gold", "pred")
    compare_document(pair, gold, pred)
    for label in ("PERSON", "ORG"):
        scored = evaluation.entities[label]
        agreed = pair.spans[label].exact
        assert (scored.tp, scored.fp, scored.fn) == (agreed.tp, agreed.fp, agreed.fn)
    assert pair.to_json()["spans"]["PERSON"]["exact"]["precision"] == Score(1, 1, 1).precision
