"""Cues for hand-made quotes by the rules' word lists, and where an attribution tail begins."""

from __future__ import annotations

from annotator.core.records import QUOTE, Span, Task
from annotator.nlp.quote_cue import attribution_tail, cue_words, guess_cue
from tests.core.test_editing import tokenize


def _task(text: str) -> Task:
    return Task(text=text, tokens=tokenize(text))


def _quote(task: Task, first: str, last: str) -> Span:
    ids = {t.text: t.id for t in reversed(task.tokens)}
    a, b = ids[first], ids[last]
    return Span(task.tokens[a].start, task.tokens[b].end, a, b, QUOTE, quote_type="indirect")


def _text(task: Task, cue: tuple[int, int] | None) -> str | None:
    return None if cue is None else task.text[task.tokens[cue[0]].start:task.tokens[cue[1]].end]


def test_the_cue_of_a_quote_is_the_speech_verb_of_its_sentence():
    task = _task("The harbour will close in May, the mayor told reporters on Friday.")
    assert _text(task, guess_cue(task, _quote(task, "harbour", "May"))) == "told"


def test_according_to_is_a_cue_and_a_verb_form_beats_a_bare_noun():
    task = _task("The report is late, according to officials.")
    assert _text(task, guess_cue(task, _quote(task, "is", "late"))) == "according to"


def test_a_sentence_without_a_cue_gives_none_and_the_next_sentence_does_not_count():
    task = _task("The vote was close. Observers said nothing.")
    assert guess_cue(task, _quote(task, "vote", "close")) is None
    # The picker still offers it, nearest first.
    assert _text(task, cue_words(task, _quote(task, "vote", "close"))[0]) == "said"


def test_the_attribution_tail_starts_at_the_comma_before_the_cue():
    task = _task("Prices will rise again next year, the central bank warned on Monday.")
    tail = attribution_tail(task, 0)
    assert task.tokens[tail].text == "," and task.tokens[tail + 1].text == "the"
    plain = _task("Prices will rise, and wages will follow them soon.")
    assert attribution_tail(plain, 0) is None
    according = _task("Exports fell by a third, according to the ministry.")
    assert according.tokens[attribution_tail(according, 0)].text == ","


def test_a_past_tense_verb_right_before_the_quote_is_its_cue_when_no_word_list_has_one():
    task = _task("She described it as a rare case of failure.")
    assert _text(task, guess_cue(task, _quote(task, "it", "failure"))) == "described"
    task = _task("The mayor highlighted that the harbour was full.")
    assert _text(task, guess_cue(task, _quote(task, "the", "full"))) == "highlighted"
    plain = _task("The plan, red and tired, failed.")
    assert guess_cue(plain, _quote(plain, "red", "tired")) is None


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_cue():
    task = _task("It was a blow, and the United States sent more aid.")
    assert cue_words(task, _quote(task, "It", "blow")) == []
