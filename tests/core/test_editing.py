"""The editing session: every edit keeps the task valid, and undo/redo crosses documents."""

from __future__ import annotations

import re

import pytest

from annotator.core.editing import EditError, EditingSession
from annotator.core.labels import digit_labels
from annotator.core.invariants import check_task
from annotator.core.records import COREF, QUOTE, SAID_BY, SPEAKER, Span, Task, Token

TEXT = '"We will win," Maria Zakharova said.\n\nShe added that NATO failed.'


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in re.finditer(r"\w+|[^\w\s]|\n+", text):
        end = match.end()
        tokens.append(Token(match.group(), match.start(), end, len(tokens), text[end:end + 1] == " "))
    return tokens


def token_of(task: Task, word: str, occurrence: int = 0) -> int:
    return [t.id for t in task.tokens if t.text == word][occurrence]


def make_session(text: str = TEXT) -> EditingSession:
    session = EditingSession()
    session.add_document(Task(text=text, tokens=tokenize(text)))
    session.go_to(0)
    return session


def entity(session: EditingSession, first: str, last: str, label: str) -> Span:
    task = session.task
    return session.create_span(token_of(task, first), token_of(task, last), label)


def check(session: EditingSession) -> None:
    for document in session.documents:
        check_task(document.task)


def test_create_span_sets_offsets_and_text():
    session = make_session()
    span = entity(session, "Maria", "Zakharova", "PERSON")
    assert session.task.span_text(span) == "Maria Zakharova"
    assert span.text == "Maria Zakharova"
    check(session)


def test_create_span_trims_whitespace_tokens_from_the_selection():
    session = make_session()
    task = session.task
    blank = token_of(task, "\n\n")
    span = session.create_span(blank, blank + 1, "CUE")
    assert task.span_text(span) == "She"
    with pytest.raises(EditError, match="only whitespace"):
        session.create_span(blank, blank, "CUE")


def test_create_span_in_reverse_order_is_the_same_span():
    session = make_session()
    task = session.task
    span = session.create_span(token_of(task, "Zakharova"), token_of(task, "Maria"), "PERSON")
    assert task.span_text(span) == "Maria Zakharova"


def test_new_quote_gets_a_type():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    assert quote.quote_type == "direct"
    quote = session.set_quote_type(quote, "mixed")
    assert session.quotes()[0].quote_type == "mixed"
    check(session)


def test_relabel_keeps_relations_that_still_fit():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    org = entity(session, "Zakharova", "Zakharova", "ORG")
    session.link_speaker(quote, org)
    speaker = session.speakers()[0]
    session.link_coref(speaker, org)
    person = session.set_label(org, "PERSON")
    assert session.coref_of(speaker) == person
    check(session)


def test_relabel_quote_to_entity_drops_its_speaker_link_and_type():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    session.link_speaker(quote, person)
    relabelled = session.set_label(quote, "ORG")
    assert relabelled.quote_type is None
    assert not [r for r in session.task.relations if r.label == SAID_BY]
    check(session)


def test_relabel_to_an_entity_over_another_entity_replaces_it():
    session = make_session()
    entity(session, "Zakharova", "Zakharova", "ORG")
    speaker = session.create_span(token_of(session.task, "Maria"), token_of(session.task, "Zakharova"), SPEAKER)
    person = session.set_label(speaker, "PERSON")
    assert [(s.label, session.task.span_text(s)) for s in session.entities()] == [("PERSON", "Maria Zakharova")]
    assert person in session.task.spans
    check(session)


def test_new_entity_over_an_entity_replaces_it_and_its_relations():
    session = make_session()
    org = entity(session, "Zakharova", "Zakharova", "ORG")
    speaker = session.create_span(token_of(session.task, "She"), token_of(session.task, "She"), SPEAKER)
    session.link_coref(speaker, org)
    entity(session, "Maria", "Zakharova", "PERSON")
    assert [s.label for s in session.entities()] == ["PERSON"]
    assert session.coref_of(speaker) is None
    check(session)


def test_structure_spans_may_overlap_entities():
    session = make_session()
    entity(session, "Maria", "Zakharova", "PERSON")
    session.create_span(token_of(session.task, "Maria"), token_of(session.task, "Zakharova"), SPEAKER)
    assert len(session.task.spans) == 2
    check(session)


def test_duplicate_span_is_refused():
    session = make_session()
    entity(session, "NATO", "NATO", "ORG")
    with pytest.raises(EditError, match="already marked"):
        entity(session, "NATO", "NATO", "ORG")


def test_delete_removes_the_span_and_its_relations():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    session.link_speaker(quote, person)
    speaker = session.speakers()[0]
    session.delete_span(speaker)
    assert session.task.relations == []
    assert speaker not in session.task.spans
    check(session)


def test_move_start_and_end_stay_on_token_edges_and_skip_whitespace():
    session = make_session()
    task = session.task
    span = session.create_span(token_of(task, "."), token_of(task, "."), "CUE")
    moved = session.move_end(span, +1)
    assert task.tokens[moved.token_end].text == "She"
    moved = session.move_start(moved, -1)
    assert task.span_text(moved) == "said.\n\nShe"
    moved = session.move_start(moved, +1)
    moved = session.move_start(moved, +1)
    assert task.span_text(moved) == "She"
    with pytest.raises(EditError):
        session.move_start(moved, +1)
    with pytest.raises(EditError):
        session.move_end(moved, -1)
    check(session)


def test_move_into_another_entity_is_refused():
    session = make_session()
    entity(session, "Zakharova", "Zakharova", "PERSON")
    maria = entity(session, "Maria", "Maria", "ORG")
    with pytest.raises(EditError, match="overlap"):
        session.move_end(maria, +1)
    check(session)


def test_move_at_the_document_edge_is_refused():
    session = make_session()
    first = session.create_span(0, 0, "CUE")
    with pytest.raises(EditError):
        session.move_start(first, -1)


def test_link_speaker_to_an_entity_creates_a_speaker_span():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    session.link_speaker(quote, person)
    speaker = session.speaker_of(quote)
    assert speaker.label == SPEAKER and (speaker.start, speaker.end) == (person.start, person.end)
    check(session)


def test_relink_replaces_the_speaker():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    nato = entity(session, "NATO", "NATO", "ORG")
    session.link_speaker(quote, person)
    session.link_speaker(quote, nato)
    assert session.task.span_text(session.speaker_of(quote)) == "NATO"
    assert len([r for r in session.task.relations if r.label == SAID_BY]) == 1


def test_pronoun_speaker_resolves_through_coref():
    session = make_session()
    quote = session.create_span(token_of(session.task, "NATO"), token_of(session.task, "failed"), QUOTE, "indirect")
    person = entity(session, "Maria", "Zakharova", "PERSON")
    she = token_of(session.task, "She")
    session.create_speaker(quote, she, she)
    speaker = session.speaker_of(quote)
    session.link_coref(speaker, person)
    assert session.resolve(speaker) == "She → Maria Zakharova"
    assert [r.label for r in session.task.relations] == [SAID_BY, COREF]
    check(session)


def test_speaker_candidates_merge_a_speaker_with_its_entity():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    entity(session, "NATO", "NATO", "ORG")
    session.link_speaker(quote, person)
    labels = [(s.label, session.task.span_text(s)) for s in session.speaker_candidates()]
    assert labels == [(SPEAKER, "Maria Zakharova"), ("ORG", "NATO")]


def test_wrong_kinds_are_refused():
    session = make_session()
    person = entity(session, "Maria", "Zakharova", "PERSON")
    nato = entity(session, "NATO", "NATO", "ORG")
    with pytest.raises(EditError):
        session.link_speaker(person, nato)
    with pytest.raises(EditError):
        session.link_coref(person, nato)
    with pytest.raises(EditError):
        session.set_quote_type(person, "direct")


def test_undo_and_redo_cross_documents():
    session = make_session()
    session.add_document(Task(text="NATO met.", tokens=tokenize("NATO met.")))
    first = entity(session, "Maria", "Zakharova", "PERSON")
    session.go_to(1)
    session.create_span(0, 0, "ORG")
    session.undo()
    assert session.index == 1 and session.task.spans == []
    edit = session.undo()
    assert session.index == 0 and session.task.spans == [] and edit.focus_before is None
    session.redo()
    assert session.index == 0 and session.task.spans == [first]
    session.redo()
    assert session.index == 1 and len(session.task.spans) == 1
    with pytest.raises(EditError, match="nothing to redo"):
        session.redo()
    session.undo()
    session.undo()
    with pytest.raises(EditError, match="nothing to undo"):
        session.undo()
    assert session.index == 0 and session.task.spans == [] and session.can_redo


def test_new_edit_clears_redo():
    session = make_session()
    entity(session, "NATO", "NATO", "ORG")
    session.undo()
    entity(session, "Maria", "Maria", "PERSON")
    assert not session.can_redo


def test_failed_edit_changes_nothing():
    session = make_session()
    entity(session, "Zakharova", "Zakharova", "PERSON")
    maria = entity(session, "Maria", "Maria", "ORG")
    before = list(session.task.spans)
    with pytest.raises(EditError):
        session.move_end(maria, +1)
    assert session.task.spans == before
    assert session.undo().description.startswith("added ORG")


def test_decisions_and_first_undecided():
    session = make_session()
    session.add_document(Task(text="NATO met.", tokens=tokenize("NATO met.")))
    session.decide("accept")
    assert session.first_undecided() == 1
    assert session.decided_count == 1


def test_digit_labels_end_with_structure_labels():
    assert digit_labels(["PERSON", "ORG"]) == ["PERSON", "ORG", QUOTE, SPEAKER, "CUE"]
    assert len(digit_labels(["A", "B", "C", "D", "E", "F", "G"])) == 9


def test_relink_removes_the_speaker_that_speaks_for_nothing_else_and_undo_restores_it():
    session = make_session()
    quote = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    nato = entity(session, "NATO", "NATO", "ORG")
    session.link_speaker(quote, person)
    old = session.speaker_of(quote)
    session.link_speaker(quote, nato)
    assert old not in session.task.spans
    assert "removed the old speaker 'Maria Zakharova'" in session.last_edit.description
    session.undo()
    assert session.speaker_of(quote) == old and old in session.task.spans
    check(session)


def test_relink_keeps_a_speaker_that_still_speaks_for_another_quote():
    session = make_session()
    first = session.create_span(0, token_of(session.task, '"', 1), QUOTE)
    second = session.create_span(token_of(session.task, "NATO"), token_of(session.task, "failed"), QUOTE, "indirect")
    person = entity(session, "Maria", "Zakharova", "PERSON")
    nato = entity(session, "NATO", "NATO", "ORG")
    session.link_speaker(first, person)
    session.link_speaker(second, person)
    speaker = session.speaker_of(first)
    session.link_speaker(first, nato)
    assert speaker in session.task.spans and session.speaker_of(second) == speaker


def test_a_new_speaker_gets_the_coref_the_guess_gives_once():
    session = make_session()
    quote = session.create_span(token_of(session.task, "NATO"), token_of(session.task, "failed"), QUOTE, "indirect")
    person = entity(session, "Maria", "Zakharova", "PERSON")
    asked = []

    def guess(task: Task, speaker: Span) -> Span | None:
        asked.append(speaker)
        assert speaker in task.spans  # the guess sees the task as it will be
        return person

    she = token_of(session.task, "She")
    session.create_speaker(quote, she, she, guess)
    speaker = session.speaker_of(quote)
    assert session.coref_of(speaker) == person and asked == [speaker]
    session.undo()
    assert session.speaker_of(quote) is None and not [r for r in session.task.relations if r.label == COREF]


def test_speaker_candidates_put_the_nearest_to_the_cue_first_with_pronouns():
    text = "Ann Lee met Bob Stone. Later she said that the talks had failed."
    session = make_session(text)
    entity(session, "Ann", "Lee", "PERSON")
    entity(session, "Bob", "Stone", "PERSON")
    quote = session.create_span(token_of(session.task, "the"), token_of(session.task, "failed"), QUOTE, "indirect")
    names = [session.task.span_text(s) for s in session.speaker_candidates(quote)]
    assert names[:3] == ["she", "Bob Stone", "Ann Lee"]
    she = session.speaker_candidates(quote)[0]
    assert she.label == SPEAKER and she not in session.task.spans
    session.link_speaker(quote, she)
    assert session.task.span_text(session.speaker_of(quote)) == "she"
    check(session)


def test_unlink_a_quote_removes_its_orphaned_speaker_and_unlink_a_speaker_its_coref():
    session = make_session()
    quote = session.create_span(token_of(session.task, "NATO"), token_of(session.task, "failed"), QUOTE, "indirect")
    person = entity(session, "Maria", "Zakharova", "PERSON")
    she = token_of(session.task, "She")
    session.create_speaker(quote, she, she)
    speaker = session.speaker_of(quote)
    session.link_coref(speaker, person)
    session.unlink(speaker)
    assert session.coref_of(speaker) is None and speaker in session.task.spans
    session.unlink(quote)
    assert session.speaker_of(quote) is None and speaker not in session.task.spans
    with pytest.raises(EditError, match="no speaker"):
        session.unlink(quote)
    with pytest.raises(EditError, match="QUOTE"):
        session.unlink(person)
    check(session)


def test_quote_type_is_read_off_the_marks():
    text = 'He said "we will win" and that we will lose, adding "soon" was likely.'
    session = make_session(text)
    tokens = session.task.tokens
    assert session.quote_type_for(token_of(session.task, "we"), token_of(session.task, "win")) == "direct"
    assert session.quote_type_for(token_of(session.task, "we", 1), token_of(session.task, "lose")) == "indirect"
    last = [t.id for t in tokens if t.text == "likely"][0]
    assert session.quote_type_for(token_of(session.task, '"', 2), last) == "mixed"


def test_a_document_is_dirty_until_decided_and_undo_can_make_it_clean_again():
    session = make_session()
    document = session.current
    assert not document.dirty
    person = entity(session, "Maria", "Zakharova", "PERSON")
    assert document.dirty and session.dirty_documents == [document]
    session.decide("accept")
    assert not document.dirty
    session.delete_span(person)
    assert document.dirty
    session.undo()
    assert not document.dirty  # back to exactly what was decided
    session.undo()
    assert document.dirty  # before the entity: no longer what was decided


# -- cues and extents ----------------------------------------------------------------------------

CUE_TEXT = 'The plan will fail, Maria Zakharova said on Tuesday.\n\nNATO replied that it would not.'


def _quote_and_cue(session: EditingSession) -> tuple[Span, Span]:
    task = session.task
    cue_token = token_of(task, "said")
    quote = session.create_span(token_of(task, "The"), token_of(task, "fail"), QUOTE,
                                cue=lambda _task, _quote: (cue_token, cue_token))
    return quote, session.cue_of(quote)


def test_a_new_quote_gets_the_cue_the_guess_finds_in_the_same_edit():
    session = make_session(CUE_TEXT)
    _quote, cue = _quote_and_cue(session)
    assert cue is not None and session.task.span_text(cue) == "said"
    assert "with cue 'said'" in session.last_edit.description
    session.undo()
    assert session.task.spans == [] and session.task.relations == []
    check(session)


def test_deleting_a_quote_removes_the_cue_it_leaves_alone_but_keeps_a_shared_one():
    session = make_session(CUE_TEXT)
    quote, cue = _quote_and_cue(session)
    session.delete_span(quote)
    assert session.task.spans == []
    assert "and its cue 'said'" in session.last_edit.description
    session.undo()
    other = session.create_span(token_of(session.task, "on"), token_of(session.task, "Tuesday"), QUOTE)
    session.set_cue(other, cue)
    session.delete_span(quote)
    assert cue in session.task.spans and session.cue_of(other) == cue
    check(session)


def test_set_cue_replaces_the_old_cue_and_removes_it_when_it_cues_nothing_else():
    session = make_session(CUE_TEXT)
    quote, cue = _quote_and_cue(session)
    replied = token_of(session.task, "replied")
    session.set_cue(quote, session.new_cue(replied, replied))
    assert session.task.span_text(session.cue_of(quote)) == "replied"
    assert cue not in session.task.spans
    assert "removed the old cue 'said'" in session.last_edit.description
    with pytest.raises(EditError, match="already this quote's cue"):
        session.set_cue(quote, session.cue_of(quote))
    with pytest.raises(EditError, match="outside the quote"):
        session.set_cue(quote, session.new_cue(token_of(session.task, "plan"), token_of(session.task, "plan")))
    check(session)


def test_changing_a_quotes_extent_keeps_its_speaker_and_cue_and_names_the_new_extent():
    session = make_session(CUE_TEXT)
    quote, cue = _quote_and_cue(session)
    person = entity(session, "Maria", "Zakharova", "PERSON")
    session.link_speaker(quote, person)
    moved = session.move_end(quote, -1)
    assert session.task.span_text(moved) == "The plan will"
    assert "QUOTE 'The plan will'" in session.last_edit.description
    assert session.cue_of(moved) == cue and session.speaker_of(moved) is not None
    reshaped = session.reshape(moved, token_of(session.task, "plan"), token_of(session.task, "fail"))
    assert session.task.span_text(reshaped) == "plan will fail"
    assert session.cue_of(reshaped) == cue and "speaker and cue kept" in session.last_edit.description
    check(session)


def test_cue_candidates_are_nearest_first_and_never_inside_the_quote():
    session = make_session(CUE_TEXT)
    quote, cue = _quote_and_cue(session)
    replied = token_of(session.task, "replied")
    fail = token_of(session.task, "fail")
    candidates = session.cue_candidates(quote, [(replied, replied), (fail, fail)])
    assert [session.task.span_text(c) for c in candidates] == ["said", "replied"]
    assert candidates[0] is cue


def test_speaker_candidates_put_the_cue_guess_subject_before_a_name_from_the_next_paragraph():
    text = 'The talks will go on, the minister said.\n\nNATO answered at once.'
    session = make_session(text)
    task = session.task
    quote = session.create_span(token_of(task, "The"), token_of(task, "on"), QUOTE)
    session.create_span(token_of(task, "NATO"), token_of(task, "NATO"), "ORG")
    minister = session.create_span(token_of(task, "the", 0), token_of(task, "minister"), "PERSON")
    said = token_of(task, "said")
    candidates = session.speaker_candidates(quote, cue_guess=(said, said))
    assert candidates[0] == minister


def test_coref_candidates_put_the_full_name_of_a_surname_first():
    text = 'Jens Stoltenberg met the North Atlantic Treaty Organization and Finland. Stoltenberg spoke.'
    session = make_session(text)
    task = session.task
    entity(session, "North", "Organization", "ORG")
    entity(session, "Finland", "Finland", "GPE")
    full = entity(session, "Jens", "Stoltenberg", "PERSON")
    stoltenberg = token_of(task, "Stoltenberg", 1)
    speaker = session.create_span(stoltenberg, stoltenberg, SPEAKER)
    assert session.coref_candidates(speaker)[0] == full


def test_a_draft_from_the_last_session_can_be_undone_after_a_restart():
    on_disk = Task(text=TEXT, tokens=tokenize(TEXT))
    editing = make_session()
    entity(editing, "Maria", "Zakharova", "PERSON")
    # A restart: the document comes back as its draft, with the version on disk as its baseline.
    restarted = EditingSession()
    restarted.add_document(editing.task, baseline=on_disk)
    restarted.go_to(0)
    assert restarted.current.dirty
    edit = restarted.undo()
    assert "draft from the last session" in edit.description
    assert restarted.task.spans == [] and not restarted.current.dirty
    # A document whose draft equals what is on disk brings no step.
    clean = EditingSession()
    clean.add_document(Task(text=TEXT, tokens=tokenize(TEXT)), baseline=on_disk)
    assert clean.last_edit is None
