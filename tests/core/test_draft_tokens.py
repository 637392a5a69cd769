"""A draft made on other tokens than the document's (another tokenizer, the glued-mark rule) comes back
on the same characters, or not at all: never on other words."""

from __future__ import annotations

import json

import pytest

from annotator.core.drafts import DraftJournal, drafts_path
from annotator.core.invariants import check_task
from annotator.core.records import CUE, QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task, Token
from annotator.core.owned_names import torn_path

#: One sentence, two tokenizations: the mark glued to the name in one token, or split off.
TEXT = "Rain ends soon,”Tove Lind said."
COARSE = ["Rain", "ends", "soon,”Tove", "Lind", "said", "."]
FINE = ["Rain", "ends", "soon", ",", "”", "Tove", "Lind", "said", "."]


def tokens(pieces: list[str]) -> list[Token]:
    out, at = [], 0
    for i, piece in enumerate(pieces):
        start = TEXT.index(piece, at)
        at = start + len(piece)
        out.append(Token(piece, start, at, i, TEXT[at:at + 1] == " "))
    return out


def task_on(pieces: list[str]) -> Task:
    return Task(text=TEXT, tokens=tokens(pieces))


def span(task: Task, text: str, label: str, quote_type: str | None = None) -> Span:
    start = TEXT.index(text)
    end = start + len(text)
    first = next(t.id for t in task.tokens if t.start == start)
    last = next(t.id for t in task.tokens if t.end == end)
    return Span(start, end, first, last, label, text=text, quote_type=quote_type)


def drafted(task: Task, speaker_text: str) -> Task:
    """The quote, its speaker and its cue, linked."""
    edited = task.copy()
    quote, speaker, cue = span(task, "Rain ends", QUOTE, "direct"), span(task, speaker_text, SPEAKER), \
        span(task, "said", CUE)
    edited.spans = [quote, speaker, cue]
    edited.relations = [Relation(quote, speaker, SAID_BY), Relation(quote, cue, "CUE")]
    return edited


def where(task: Task) -> list[tuple[str, str]]:
    return [(s.label, task.span_text(s)) for s in task.spans]


def test_a_draft_made_on_coarser_tokens_lands_on_the_same_characters(tmp_path):
    out = tmp_path / "out.jsonl"
    DraftJournal(out).save(drafted(task_on(COARSE), "soon,”Tove Lind"))
    again = DraftJournal(out).apply(task_on(FINE))
    check_task(again)
    assert where(again) == [(QUOTE, "Rain ends"), (SPEAKER, "soon,”Tove Lind"), (CUE, "said")]
    assert [(r.child_span.label, again.span_text(r.child_span)) for r in again.relations] == [
        (SPEAKER, "soon,”Tove Lind"), (CUE, "said")]


def test_a_draft_made_on_other_tokens_offers_the_documents_own_suggestions_less_the_taken(tmp_path):
    out = tmp_path / "out.jsonl"
    DraftJournal(out).save(drafted(task_on(COARSE), "soon,”Tove Lind"))
    fine = task_on(FINE)
    taken = Suggestion(span(fine, "Rain ends", QUOTE, "direct"), score=0.4, source="x")
    other = Suggestion(span(fine, "Lind said", QUOTE, "direct"), score=0.2, source="x")
    fine.suggestions = [taken, other]
    assert DraftJournal(out).apply(fine).suggestions == [other]


def test_a_draft_that_cannot_be_laid_is_refused_and_kept(tmp_path):
    from annotator.core.draft_tokens import DraftMisfit

    out = tmp_path / "out.jsonl"
    DraftJournal(out).save(drafted(task_on(FINE), "Tove Lind"))
    saved = drafts_path(out).read_text(encoding="utf-8")
    journal = DraftJournal(out)
    coarse = task_on(COARSE)
    with pytest.raises(DraftMisfit, match="characters 16-25"):  # "Tove Lind" starts inside a coarse token
        journal.apply(coarse)
    assert coarse.input_hash in journal and drafts_path(out).read_text(encoding="utf-8") == saved
    # An edit of the document as read replaces the draft: the old line is moved aside first.
    journal.save(drafted(coarse, "soon,”Tove Lind"))
    assert torn_path(drafts_path(out)).read_text(encoding="utf-8") == saved
    assert DraftJournal(out).apply(coarse) is not None


def test_a_draft_on_the_same_tokens_comes_back_as_it_was_saved(tmp_path):
    out = tmp_path / "out.jsonl"
    task = drafted(task_on(FINE), "Tove Lind")
    task.suggestions = [Suggestion(span(task, "Lind said", QUOTE, "direct"), cue=span(task, "said", CUE),
                                   score=0.2, source="x")]
    DraftJournal(out).save(task)
    [line] = [json.loads(x) for x in drafts_path(out).read_text(encoding="utf-8").splitlines()]
    assert len(line["tokens"]) == 12 and line["chars"] == [[0, 9], [16, 25], [26, 30]]
    read = task_on(FINE)
    read.suggestions = []  # the document's own are not the draft's
    again = DraftJournal(out).apply(read)
    assert again.spans == task.spans and again.relations == task.relations
    assert again.suggestions == task.suggestions


def old_line(task: Task) -> dict:
    """A journal line as written before drafts recorded their tokens."""
    return {"_input_hash": task.input_hash, "spans": [[s.token_start, s.token_end, s.label,
                                                       *([s.quote_type] if s.quote_type else [])] for s in task.spans],
            "relations": [[0, 1, SAID_BY], [0, 2, "CUE"]],
            "suggestions": [[[x.quote.token_start, x.quote.token_end, x.quote.quote_type], None, None, x.score,
                             x.source] for x in task.suggestions]}


def test_an_old_line_is_laid_through_the_tokens_it_was_made_on(tmp_path):
    out = tmp_path / "out.jsonl"
    coarse = drafted(task_on(COARSE), "soon,”Tove Lind")
    coarse.suggestions = [Suggestion(span(coarse, "Lind said", QUOTE, "direct"), score=0.2, source="x")]
    drafts_path(out).write_text(json.dumps(old_line(coarse), ensure_ascii=False) + "\n", encoding="utf-8")
    earlier = [(t.start, t.end) for t in coarse.tokens]
    again = DraftJournal(out).apply(task_on(FINE), earlier_tokens=lambda text: earlier)
    check_task(again)
    assert where(again) == [(QUOTE, "Rain ends"), (SPEAKER, "soon,”Tove Lind"), (CUE, "said")]
    assert [again.span_text(x.quote) for x in again.suggestions] == ["Lind said"]
    # The same tokens (or none given): the indices as they are.
    same = DraftJournal(out).apply(task_on(COARSE), earlier_tokens=lambda text: earlier)
    assert where(same) == where(coarse)
    assert where(DraftJournal(out).apply(task_on(COARSE), earlier_tokens=lambda text: None)) == where(coarse)


def test_a_line_with_a_bad_characters_list_is_set_aside(tmp_path):
    out = tmp_path / "out.jsonl"
    line = {"_input_hash": 1, "tokens": "0123456789ab", "spans": [[0, 0, "PERSON"]], "chars": [[0]],
            "relations": []}
    drafts_path(out).write_text(json.dumps(line) + "\n", encoding="utf-8")
    journal = DraftJournal(out)
    assert journal.skipped_lines == 1 and "'chars' must hold one [start, end] per span" in str(journal.problems[0])


def test_each_line_names_the_tokens_of_the_task_it_was_saved_from(tmp_path):
    from annotator.core.draft_tokens import token_digest

    journal = DraftJournal(tmp_path / "out.jsonl")
    for pieces in (COARSE, FINE, COARSE):  # (the journal keeps the last digest: it must follow the tokens)
        journal.save(drafted(task_on(pieces), "Lind"))
    lines = [json.loads(x) for x in drafts_path(tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["tokens"] for line in lines] == [token_digest(tokens(p)) for p in (COARSE, FINE, COARSE)]
    assert token_digest(tokens(COARSE)) != token_digest(tokens(FINE))
