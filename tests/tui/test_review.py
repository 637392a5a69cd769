"""``annotator review`` as a reviewer uses it: two annotators' files built from the frozen seed
(alice accepts it as is, bob relabels a Zakharova and deletes a quote) plus one document they
agree on; the stories assert on the gold records written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.records import Annotation, Span, Task, Token
from annotator.core.sources import InputError
from annotator.core.decisions import index_decisions
from annotator.cli.review import review_decisions
from annotator.tui.app import create_review_app
from annotator.tui.screens.review import ReviewScreen
from tests.tui.conftest import SIZE, read_records, ready, seed_record, spans_of, tab_to, write_jsonl

AGREED_TEXT = '"Peace is near," Lavrov said on Tuesday.'


def _agreed_task() -> Task:
    tokens = [Token(m.group(), m.start(), m.end(), i, AGREED_TEXT[m.end():m.end() + 1] == " ")
              for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", AGREED_TEXT))]
    by_text = {t.text: t for t in tokens}

    def span(first: str, last: str, label: str, quote_type: str | None = None) -> Span:
        a, b = (tokens[0], tokens[5]) if label == "QUOTE" else (by_text[first], by_text[last])
        return Span(a.start, b.end, a.id, b.id, label, AGREED_TEXT[a.start:b.end], quote_type)

    return Task(text=AGREED_TEXT, tokens=tokens, spans=[span('"', '"', "QUOTE", "direct"),
                                                        span("Lavrov", "Lavrov", "PERSON"),
                                                        span("Tuesday", "Tuesday", "DATE")])


def _decision(task: Task, who: str) -> dict:
    return Annotation(task, "accept", who, f"{who}-session", 1_700_000_000).to_dict()


def _bob_version() -> Task:
    task = Task.from_dict(seed_record())
    org = next(s for s in task.spans if s.label == "ORG" and task.span_text(s) == "Zakharova")
    quote = next(s for s in task.spans if s.label == "QUOTE" and task.span_text(s).startswith("We know how"))
    task.spans = [org.replace(label="PERSON") if s == org else s for s in task.spans if s != quote]
    task.relations = [r for r in task.relations if quote not in (r.head_span, r.child_span)]
    return task


@pytest.fixture
def annotations(tmp_path) -> list[Path]:
    seed = Task.from_dict(seed_record())
    alice = write_jsonl(tmp_path / "alice.jsonl", [_decision(seed, "alice"), _decision(_agreed_task(), "alice")])
    bob = write_jsonl(tmp_path / "bob.jsonl", [_decision(_agreed_task(), "bob"), _decision(_bob_version(), "bob")])
    return [alice, bob]


@pytest.fixture
def make_review(tmp_path, annotations):
    def factory(output: Path | None = None):
        decisions = index_decisions(annotations, answers=("accept", "reject"), group_by="annotator")
        return create_review_app(decisions, output or tmp_path / "gold.jsonl", reviewer="lena")

    return factory


async def _ready(pilot) -> ReviewScreen:
    screen = await ready(pilot)
    assert isinstance(screen, ReviewScreen)
    return screen


async def _open_disagreement(pilot) -> ReviewScreen:
    screen = await _ready(pilot)
    if screen.session.task.text == AGREED_TEXT:
        await pilot.press("n")
    assert screen.review is not None and not screen.review.agreed
    return screen


async def test_review_bulk_accepts_the_agreed_document(make_review, tmp_path):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        assert len(screen.session.documents) == 2
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.current is not None and screen.session.task.text != AGREED_TEXT
    [gold] = read_records(tmp_path / "gold.jsonl")
    assert gold["text"] == AGREED_TEXT and gold["answer"] == "accept" and gold["_annotator_id"] == "lena"
    review = gold["meta"]["review"]
    assert review["agreed"] is True and review["matches"] == ["alice", "bob"]
    assert [s["annotator"] for s in review["sources"]] == ["alice", "bob"]


async def test_review_takes_bobs_version_of_a_disagreement(make_review, tmp_path):
    async with make_review().run_test(size=SIZE) as pilot:
        screen = await _open_disagreement(pilot)
        # Merged: both Zakharova labels are there, and the quote only alice kept.
        merged = spans_of(screen.session.task.to_dict())
        assert ("ORG", "Zakharova") in merged and ("PERSON", "Zakharova") in merged
        await pilot.press("o", "2", "enter")
        await pilot.pause()
        assert screen.review.matching(screen.session.task) == ["bob"]
        await pilot.press("a")
        await pilot.pause()
    [gold] = read_records(tmp_path / "gold.jsonl")
    bob = _bob_version()
    assert gold["_task_hash"] == bob.task_hash
    assert sorted(spans_of(gold)) == sorted(spans_of(bob.to_dict()))
    review = gold["meta"]["review"]
    assert review["agreed"] is False and review["matches"] == ["bob"]
    assert {s["annotator"]: s["task_hash"] for s in review["sources"]} == {
        "alice": Task.from_dict(seed_record()).task_hash, "bob": bob.task_hash}


async def test_review_edits_the_merged_version_with_annotate_keys(make_review, tmp_path):
    async with make_review().run_test(size=SIZE) as pilot:
        await _open_disagreement(pilot)
        # Resolve the conflict by hand: delete the ORG Zakharova (bob's PERSON stays) ...
        await tab_to(pilot, "ORG", "Zakharova")
        await pilot.press("d")
        # ... and keep alice's quote but relabel one of its entities.
        await tab_to(pilot, "ORG", "NATO", occurrence=0)
        await pilot.press("3")  # GPE
        await pilot.press("a")
        await pilot.pause()
    [gold] = read_records(tmp_path / "gold.jsonl")
    labels = spans_of(gold)
    assert ("PERSON", "Zakharova") in labels and ("ORG", "Zakharova") not in labels
    assert ("GPE", "NATO") in labels
    assert any(label == "QUOTE" and text.startswith("We know how") for label, text in labels)
    assert gold["meta"]["review"]["matches"] == []


async def test_review_will_not_write_a_merged_document_with_conflicts(make_review, tmp_path):
    async with make_review().run_test(size=SIZE) as pilot:
        screen = await _open_disagreement(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert not screen.session.current.decided
    assert not (tmp_path / "gold.jsonl").exists()  # nothing written: the store made on open is removed


async def test_review_resumes_after_the_reviewed_documents(make_review, tmp_path):
    async with make_review().run_test(size=SIZE) as pilot:
        await _open_disagreement(pilot)
        await pilot.press("o", "1", "enter", "a")
        await pilot.pause()
    async with make_review().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        # The seed was reviewed: the screen opens on the agreed document, the one left.
        assert screen.session.task.text == AGREED_TEXT
        assert screen.session.decided_count == 1
        await pilot.press("a")
        await pilot.pause()
    gold = read_records(tmp_path / "gold.jsonl")
    assert [g["text"] == AGREED_TEXT for g in gold] == [False, True]


def test_review_of_a_file_without_answers_is_an_error_with_its_line(tmp_path):
    tasks = write_jsonl(tmp_path / "tasks.jsonl", [{"text": "No answer here."}])
    with pytest.raises(InputError, match=r"tasks\.jsonl:1: .*no 'answer'"):
        review_decisions(sources=[tasks], output=tmp_path / "gold.jsonl", reviewer="lena")
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(_decision(_agreed_task(), "a")) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.jsonl:2: "):
        review_decisions(sources=[broken], output=tmp_path / "gold.jsonl", reviewer="lena")
    with pytest.raises(UserError, match="the same file as the input"):
        review_decisions(sources=[tmp_path / "gold.jsonl", broken], output=tmp_path / "gold.jsonl",
                         reviewer="lena")


def test_review_command_exits_2_on_bad_input(tmp_path):
    from typer.testing import CliRunner

    from annotator.cli import app

    tasks = write_jsonl(tmp_path / "tasks.jsonl", [{"text": "No answer here."}])
    result = CliRunner().invoke(app, ["review", str(tasks), "-o", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 2
    assert "tasks.jsonl:1" in result.output


def test_review_screen_snapshot(snap_compare, make_review):
    async def ready(pilot) -> None:
        await _open_disagreement(pilot)
        await tab_to(pilot, "ORG", "Zakharova")

    assert snap_compare(make_review(), terminal_size=SIZE, run_before=ready)
