"""The draft journal: the newest draft per document wins, a decision clears it, a torn line is
skipped, and opening keeps only live drafts."""

from __future__ import annotations

import json

from annotator.core.drafts import DraftJournal, drafts_path
from annotator.core.invariants import check_task
from annotator.core.records import Span, Task, Token

TEXT = "Ann met Bob."


def _task() -> Task:
    tokens = [Token("Ann", 0, 3, 0, True), Token("met", 4, 7, 1, True), Token("Bob", 8, 11, 2, False),
              Token(".", 11, 12, 3, False)]
    return Task(text=TEXT, tokens=tokens)


def _with(task: Task, *labels: tuple[int, str]) -> Task:
    edited = task.copy()
    edited.spans = [Span(task.tokens[i].start, task.tokens[i].end, i, i, label, text=task.tokens[i].text)
                    for i, label in labels]
    return edited


def test_the_journal_sits_beside_the_output(tmp_path):
    assert drafts_path(tmp_path / "out.jsonl") == tmp_path / "out.drafts.jsonl"
    assert drafts_path(tmp_path / "gold") == tmp_path / "gold.drafts"


def test_two_outputs_never_share_a_journal(tmp_path):
    # ``gold`` and ``gold.jsonl`` both had ``gold.drafts.jsonl``: each session's close deleted the other's drafts.
    names = ["gold", "gold.jsonl", "gold.txt", "gold.txt.jsonl", "a.b", "a.b.jsonl", ".jsonl", "x.JSONL"]
    journals = [drafts_path(tmp_path / name) for name in names]
    assert len(set(journals)) == len(names)
    assert not set(journals) & {tmp_path / name for name in names}


def test_the_newest_draft_wins_and_survives_reopening(tmp_path):
    task = _task()
    journal = DraftJournal(tmp_path / "out.jsonl")
    journal.save(_with(task, (0, "PERSON")))
    journal.save(_with(task, (0, "PERSON"), (2, "PERSON")))
    # No close: as after kill -9, every line is already on disk.
    again = DraftJournal(tmp_path / "out.jsonl")
    drafted = again.apply(task)
    check_task(drafted)
    assert [drafted.span_text(s) for s in drafted.spans] == ["Ann", "Bob"]
    assert len(drafts_path(tmp_path / "out.jsonl").read_text().splitlines()) == 1  # compacted on open


def test_a_cleared_draft_is_gone_and_an_empty_journal_is_removed(tmp_path):
    task = _task()
    journal = DraftJournal(tmp_path / "out.jsonl")
    journal.save(_with(task, (0, "ORG")))
    journal.clear(task.input_hash)
    assert journal.apply(task) is None and task.input_hash not in journal
    journal.close()
    assert not drafts_path(tmp_path / "out.jsonl").exists()


def test_a_torn_last_line_is_skipped(tmp_path):
    task = _task()
    journal = DraftJournal(tmp_path / "out.jsonl")
    journal.save(_with(task, (2, "PERSON")))
    path = drafts_path(tmp_path / "out.jsonl")
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps({"_input_hash": task.input_hash, "spans": []})[:20])
    again = DraftJournal(tmp_path / "out.jsonl")
    assert again.skipped_lines == 1
    assert [s.label for s in again.apply(task).spans] == ["PERSON"]


def test_another_extent_on_offer_survives_the_journal_with_the_quote_it_replaces(tmp_path):
    from annotator.core.records import QUOTE, Suggestion

    task = _task()
    whole = Span(4, 11, 1, 2, QUOTE, text="met Bob", quote_type="indirect")
    task.spans = [whole]
    shorter = Span(8, 11, 2, 2, QUOTE, text="Bob", quote_type="indirect")
    task.suggestions = [Suggestion(shorter, score=0.3, source="extent:x", replaces=whole),
                        Suggestion(Span(0, 3, 0, 0, QUOTE, text="Ann", quote_type="direct"), score=0.2)]
    DraftJournal(tmp_path / "out.jsonl").save(task)
    drafted = DraftJournal(tmp_path / "out.jsonl").apply(_task())
    check_task(drafted)
    assert drafted.suggestions == task.suggestions
    assert drafted.suggestions[0].replaces == whole and drafted.suggestions[1].replaces is None
