"""An edit is checked by what it changes (``edit_keeps_sound``); the whole-task invariants are the
definition, and these tests hold the two together on random edits of a sound task."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from annotator.core.invariants import edit_keeps_sound
from annotator.core.invariants import task_is_sound
from annotator.core.records import CUE, QUOTE, Relation, Span, Task, Token

TEXT = '"We will win," Maria Zakharova said in Moscow.\n\nShe added that NATO failed, he said.'
LABELS = ("PERSON", "ORG", "GPE", QUOTE, "SPEAKER", CUE)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), i, text[m.end():m.end() + 1] == " ")
            for i, m in enumerate(re.finditer(r"\w+|[^\w\s]|\n+", text))]


TOKENS = tokenize(TEXT)


def span(first: int, last: int, label: str, *, text: bool = True, quote_type: str | None = None,
         start_shift: int = 0) -> Span:
    start, end = TOKENS[first].start + start_shift, TOKENS[last].end
    return Span(start, end, first, last, label, text=TEXT[start:end] if text else None, quote_type=quote_type)


def sound_task() -> Task:
    quote = span(1, 3, QUOTE, quote_type="direct")  # a quote_type on another label is a broken span
    speaker = span(6, 7, "SPEAKER")
    person = span(6, 7, "PERSON")
    cue = span(8, 8, CUE)
    return Task(text=TEXT, tokens=TOKENS, spans=[quote, speaker, person, cue],
                relations=[Relation(quote, speaker, "said_by"), Relation(quote, cue, "cue")])


def raw_spans():
    """Spans, most of them sound and some broken the ways an edit could break them."""
    index = st.integers(0, len(TOKENS) - 1)
    return st.builds(
        lambda first, width, label, text, quote_type, shift, bad_token: (
            Span(TOKENS[first].start, TOKENS[min(first + width, len(TOKENS) - 1)].end,
                 first, bad_token, label) if bad_token is not None else
            span(first, min(first + width, len(TOKENS) - 1), label, text=text, quote_type=quote_type,
                 start_shift=shift)),
        index, st.integers(0, 6), st.sampled_from(LABELS), st.booleans(),
        st.sampled_from([None, "direct", "indirect"]), st.sampled_from([0, 0, 0, 1]),
        st.one_of(st.none(), st.none(), index))


@settings(max_examples=400, deadline=None)
@given(added=st.lists(raw_spans(), max_size=3), removed=st.sets(st.integers(0, 3), max_size=2),
       link=st.booleans())
def test_checking_what_changed_agrees_with_the_whole_check(added, removed, link):
    before = sound_task()
    assert task_is_sound(before.text, before.tokens, before.spans, before.relations)
    spans = [s for i, s in enumerate(before.spans) if i not in removed] + added
    relations = list(before.relations)
    if link and added and before.spans[0] is not added[0]:
        relations.append(Relation(before.spans[0], added[0], "said_by"))
    after = Task(text=before.text, tokens=before.tokens, spans=spans, relations=relations)
    try:
        whole = task_is_sound(after.text, after.tokens, after.spans, after.relations)
    except (IndexError, ValueError):
        whole = False
    assert edit_keeps_sound(before, after) == whole


def test_a_new_text_or_token_list_is_never_taken_on_trust():
    before = sound_task()
    after = Task(text=before.text, tokens=list(before.tokens), spans=before.spans, relations=before.relations)
    assert not edit_keeps_sound(before, after)
