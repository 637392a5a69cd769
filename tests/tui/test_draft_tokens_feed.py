"""The annotate feed tokenizes a document read without tokens again on every opening: a draft made on
other tokens (one written before the glued-mark rule split ``June,”Mara``) comes back on its own
characters, or the document opens without it and the annotator is told; the draft is never laid on
other words."""

from __future__ import annotations

import json

import spacy

from annotator.core.drafts import DraftJournal, drafts_path
from annotator.core.records import CUE, QUOTE, SAID_BY, SPEAKER
from annotator.core.span_queries import make_span
from annotator.core.sources import read_tasks
from annotator.core.store import JsonlStore
from annotator.nlp.glued_marks import split_glued_marks
from annotator.tui.feed import Prelabeler, ReadAhead, TaskFeed
from tests.tui.conftest import SIZE, ready

TEXT = "“The bridge opens in June,”Mara Quill said. She was glad."


def stock(_name: str | None):
    return spacy.blank("en")


def glued(_name: str | None):
    return split_glued_marks(spacy.blank("en"))


def source(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def old_line(path) -> dict:
    """The draft line an earlier version wrote, on the stock tokens: ``June,”Mara`` one token."""
    [(_, task)] = list(read_tasks([path], on_invalid=None))
    words = [t.text for t in stock(None)(TEXT)]
    assert words[5:8] == ["June,”Mara", "Quill", "said"]
    return {"_input_hash": task.input_hash,
            "spans": [[1, 4, QUOTE, "direct"], [5, 6, SPEAKER], [7, 7, CUE]],
            "relations": [[0, 1, SAID_BY], [0, 2, "CUE"]], "suggestions": []}


def feed_items(tmp_path, load_model, notices=None):
    with JsonlStore(tmp_path / "out.jsonl") as store:
        prelabeler = Prelabeler(None, load_model, on_status=lambda state, message: None)
        feed = TaskFeed([source(tmp_path)], store, prelabeler, on_invalid=lambda error, raw: None,
                        read_ahead=ReadAhead(100), drafts=DraftJournal(tmp_path / "out.jsonl"),
                        on_notice=None if notices is None else notices.append)
        return list(feed)


def spans(task) -> list[tuple[str, str]]:
    return [(s.label, task.span_text(s)) for s in task.spans]


def test_an_old_draft_made_on_the_stock_tokens_reopens_on_its_words(tmp_path):
    line = old_line(source(tmp_path))
    drafts_path(tmp_path / "out.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [item] = feed_items(tmp_path, glued)
    task = item.task
    assert "Mara" in [t.text for t in task.tokens]  # the tokens of the glued-mark rule
    assert spans(task) == [(QUOTE, "The bridge opens in"), (SPEAKER, "June,”Mara Quill"), (CUE, "said")]
    assert item.baseline is not None  # opened as a draft


def draft_on_the_rule_tokens(tmp_path) -> str:
    """A draft made with the rule (the speaker "Mara Quill" alone, a token boundary the stock
    tokenizer does not have), as the journal holds it."""
    [first] = feed_items(tmp_path, glued)
    edited = first.task.copy()
    words = [t.text for t in edited.tokens]
    edited.spans = [make_span(edited, words.index("Mara"), words.index("Quill"), SPEAKER)]
    journal = DraftJournal(tmp_path / "out.jsonl")
    journal.save(edited)
    journal.close()
    return drafts_path(tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_a_draft_that_cannot_be_laid_is_told_and_kept(tmp_path):
    saved = draft_on_the_rule_tokens(tmp_path)
    notices: list[str] = []
    [item] = feed_items(tmp_path, stock, notices)  # reopened by a pipeline without the rule
    assert item.baseline is None and spans(item.task) == []  # as read, no draft
    [notice] = notices
    assert "out.drafts.jsonl" in notice and "in.jsonl:1" in notice and "made on other tokens" in notice
    assert drafts_path(tmp_path / "out.jsonl").read_text(encoding="utf-8") == saved
    assert item.task.input_hash in DraftJournal(tmp_path / "out.jsonl")


async def test_the_screen_reopens_an_old_draft_on_its_words(make_app, tmp_path):
    path = source(tmp_path)
    drafts_path(tmp_path / "out.jsonl").write_text(json.dumps(old_line(path), ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
    async with make_app([path], load_model=glued).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert spans(screen.session.task) == [(QUOTE, "The bridge opens in"), (SPEAKER, "June,”Mara Quill"),
                                              (CUE, "said")]


async def test_the_screen_tells_of_a_draft_it_cannot_lay(make_app, tmp_path):
    saved = draft_on_the_rule_tokens(tmp_path)
    async with make_app([source(tmp_path)], load_model=stock).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.pause()
        assert screen.session.task.spans == []
        assert any("in.jsonl:1" in str(n.message) and "out.drafts.jsonl" in str(n.message)
                   for n in pilot.app._notifications)
        await pilot.press("q")
    assert drafts_path(tmp_path / "out.jsonl").read_text(encoding="utf-8") == saved
