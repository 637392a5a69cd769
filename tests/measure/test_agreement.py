"""``agree``: two annotators on four documents, every number worked out by hand below.

Documents (see records_by_hand.agree_decisions), alice = A, bob = B:
1. identical.
2. B's indirect quote starts one token earlier ("that"); A's speaker of the direct quote is "she"
   (COREF → PERSON "Jo Park"), B's is the SPEAKER "Jo Park" itself.
3. B marked "Nobody" as ORG; A marked nothing.
4. A says "Kim Lee" said it, B says "Sam Ortiz".
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.measure.agreement import cohen_kappa, measure_agreement
from tests.formats.records_by_hand import FIXTURES

SOURCES = [FIXTURES / "agree_alice.jsonl", FIXTURES / "agree_bob.jsonl"]


@pytest.fixture(scope="module")
def pair():
    result = measure_agreement(sources=SOURCES)
    assert result.annotators == ["alice", "bob"] and result.shared_documents == 4
    (only,) = result.pairs
    return only.to_json()


def test_span_scores_per_label_exact_and_overlap(pair):
    spans = pair["spans"]
    assert spans["PERSON"]["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # QUOTE: 4 each, 3 identical; all 4 of each side overlap one of the other's.
    assert spans["QUOTE"]["exact"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert spans["QUOTE"]["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # SPEAKER: A has 4 (Tom Reed, Jo Park, she, Kim Lee), B 3 (Tom Reed, Jo Park, Sam Ortiz); 2 shared.
    assert spans["SPEAKER"]["exact"]["precision"] == pytest.approx(2 / 3)
    assert spans["SPEAKER"]["exact"]["recall"] == pytest.approx(2 / 4)
    assert spans["SPEAKER"]["exact"]["f1"] == pytest.approx(4 / 7)
    # ORG only by B: precision 0, recall undefined, F1 0.
    assert spans["ORG"]["exact"] == {"precision": 0.0, "recall": None, "f1": 0.0}
    # All labels: 16 spans each, 13 identical, 14 overlapping.
    assert (spans["ALL"]["a"], spans["ALL"]["b"]) == (16, 16)
    assert spans["ALL"]["exact"]["f1"] == pytest.approx(13 / 16)
    assert spans["ALL"]["overlap"]["f1"] == pytest.approx(14 / 16)


def test_kappa_per_layer(pair):
    # 44 non-space tokens (10 + 17 + 6 + 11).
    assert pair["tokens"]["entity"] == 44
    kappa = pair["kappa"]
    # entity: 43/44 agree; A: 8 PERSON, 36 O; B: 8 PERSON, 1 ORG, 35 O → pe = (64 + 1260) / 1936.
    assert kappa["entity"] == pytest.approx((43 / 44 - 1324 / 1936) / (1 - 1324 / 1936))
    # quote: only "that" differs; A 20 quote tokens, B 21 → pe = (420 + 552) / 1936.
    assert kappa["quote"] == pytest.approx(920 / 964)
    # speaker: she, Kim, Lee, Sam, Ortiz differ; A 7 speaker tokens, B 6 → pe = (42 + 1406) / 1936.
    assert kappa["speaker"] == pytest.approx(268 / 488)
    assert kappa["cue"] == 1.0


def test_who_said_each_quote(pair):
    # Quotes 1, 2a (overlap), 2b ("she" resolves to Jo Park) agree; quote 4 does not.
    assert pair["attribution"] == {"quotes_matched": 4, "same_speaker": 3, "agreement": 0.75, "same_quote_type": 4}


def test_cohen_kappa_textbook_example_and_undefined_case():
    # 50 items: both yes 20, both no 15, A yes/B no 5, A no/B yes 10 → po 0.7, pe 0.5, kappa 0.4.
    counts = {("y", "y"): 20, ("n", "n"): 15, ("y", "n"): 5, ("n", "y"): 10}
    assert cohen_kappa(counts) == pytest.approx(0.4)
    assert cohen_kappa({("O", "O"): 12}) is None


def test_cli_tables_and_json():
    runner = CliRunner()
    result = runner.invoke(app, ["agree", *map(str, SOURCES)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Cohen's kappa" in result.output and "0.549" in result.output and "0.571" in result.output
    result = runner.invoke(app, ["agree", *map(str, SOURCES), "--json"])
    assert json.loads(result.output)["pairs"][0]["attribution"]["agreement"] == 0.75


def test_one_annotator_has_nothing_to_compare():
    result = CliRunner().invoke(app, ["agree", str(SOURCES[0])])
    assert result.exit_code == 0 and "nothing to compare" in result.output
