"""``stats``: counts over the newest decisions of the export fixture, checked by hand."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from annotator.cli import app
from annotator.measure.stats import collect_stats
from tests.formats.records_by_hand import BRIDGE, COUNCIL, FIXTURES, make_task

ANNOTATIONS = FIXTURES / "annotations.jsonl"


def test_counts_newest_decisions_by_answer_label_type_and_annotator():
    stats = collect_stats(sources=[ANNOTATIONS]).to_json()
    # 8 lines; bob's first BRIDGE and alice's first STRIKE are superseded.
    assert stats["records_read"] == 8 and stats["decisions"] == 6 and stats["documents"] == 4
    assert stats["answers"] == {"accept": 4, "reject": 1, "ignore": 1}
    # Accepted: alice BRIDGE, COUNCIL, UNION and bob BRIDGE.
    assert stats["spans"] == {"CUE": 4, "DATE": 2, "GPE": 1, "PERSON": 3, "QUOTE": 5, "SPEAKER": 4}
    assert stats["quote_types"] == {"direct": 3, "indirect": 1, "mixed": 1}
    assert stats["relations"] == {"COREF": 2, "CUE": 4, "SAID_BY": 5}
    assert stats["annotators"]["alice"] == {"decisions": 4, "answers": {"accept": 3, "reject": 1, "ignore": 0},
                                            "spans": 15, "quotes": 4}
    assert stats["annotators"]["bob"]["answers"] == {"accept": 1, "reject": 0, "ignore": 1}
    assert stats["decided"] is None


def test_decided_over_total_with_the_source(tmp_path):
    source = tmp_path / "inputs.jsonl"
    texts = [BRIDGE, COUNCIL, "A document nobody has seen yet."]
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    stats = collect_stats(sources=[ANNOTATIONS], source_inputs=[source])
    assert (stats.decided_inputs, stats.total_inputs) == (2, 3)


def test_cli_table_and_json(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["stats", str(ANNOTATIONS)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for heading in ("Decisions", "Spans in accepted decisions", "Quotes by type", "Per annotator"):
        assert heading in result.output
    assert "alice" in result.output and "mixed" in result.output
    result = runner.invoke(app, ["stats", str(ANNOTATIONS), "--json"])
    assert json.loads(result.output)["decisions"] == 6


def test_a_task_file_is_refused(tmp_path):
    source = tmp_path / "tasks.jsonl"
    source.write_text(json.dumps(make_task(BRIDGE).to_dict()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["stats", str(source)])
    assert result.exit_code == 2 and "no 'answer'" in result.output
