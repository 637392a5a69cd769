"""A speaker the annotator adds gets its COREF by the pre-labeler's rules, without a model."""

from __future__ import annotations

from annotator.core.editing import EditingSession
from annotator.core.records import Span, Task
from annotator.nlp.speaker_coref import guess_coref
from tests.core.test_editing import tokenize


def _session(text: str) -> EditingSession:
    session = EditingSession()
    session.add_document(Task(text=text, tokens=tokenize(text)))
    session.go_to(0)
    return session


def _span(session: EditingSession, words: str, label: str) -> Span:
    start = session.task.text.index(words)
    ids = [t.id for t in session.task.tokens if start <= t.start and t.end <= start + len(words)]
    return session.create_span(ids[0], ids[-1], label)


def test_a_surname_speaker_refers_to_the_full_name():
    session = _session("Maria Zakharova spoke first. Later Zakharova said the talks failed.")
    full = _span(session, "Maria Zakharova", "PERSON")
    speaker = _span(session, "Zakharova said", "SPEAKER")
    speaker = session.move_end(speaker, -1)
    assert guess_coref(session.task, speaker) == full


def test_a_pronoun_speaker_refers_to_the_last_person_named():
    session = _session("Ann Lee met Bob Stone. Later he said the talks failed.")
    _span(session, "Ann Lee", "PERSON")
    bob = _span(session, "Bob Stone", "PERSON")
    he = _span(session, "he", "SPEAKER")
    assert guess_coref(session.task, he) == bob


def test_a_speaker_with_no_one_to_refer_to_gets_none():
    session = _session("Officials said the talks failed.")
    speaker = _span(session, "Officials", "SPEAKER")
    assert guess_coref(session.task, speaker) is None
