"""A direct quote opening a sentence right after one that says someone spoke and reports nothing
itself is that someone's words; a paragraph opened by two apostrophes (``''…''``) starts with a
quotation mark, so it continues the quote before it; a clause opened by a subordinating word
(``Unless …,``) before a comma does not introduce the quote after it (our own sentences)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_quote_after_told_reporters_is_the_tellers(rule_quotes_in):
    quotes = rule_quotes_in('The governor was angry on Tuesday. He told reporters.\n'
                            '"This is totally reckless and it hurts every family here."')
    assert [(q.type, q.speaker) for q in quotes] == [("direct", "He")]


def test_a_quote_paragraph_after_a_said_with_an_adjunct_is_the_speakers(rule_quotes_in):
    quotes = rule_quotes_in('Ruiz said as she turned to the crowd and waved her hat.\n\n'
                            '"But he is our mayor, and we like him a great deal!"')
    assert [q.speaker for q in quotes] == ["Ruiz"]


def test_a_quote_after_a_verb_that_is_not_speech_gets_no_speaker_from_it(rule_quotes_in):
    quotes = rule_quotes_in('Ruiz smiled at the crowd and waved her hat.\n\n'
                            '"But he is our mayor, and we like him a great deal!"')
    assert all(q.speaker != "Ruiz" for q in quotes)


def test_a_quote_in_the_middle_of_a_sentence_is_not_taken(rule_quotes_in):
    quotes = rule_quotes_in('Ruiz told reporters. Then a woman in the crowd shouted "we like him a great deal '
                            'and we will vote for him again".')
    assert all(q.speaker != "Ruiz" for q in quotes)


def test_a_paragraph_in_double_apostrophes_continues_the_quote_before(rule_quotes_in):
    quotes = rule_quotes_in("''We will not back down from this fight,'' Mr. Ruiz said of the plan.\n\n"
                            "''The people of this town deserve a fair deal and they will get one.''")
    assert [q.speaker for q in quotes] == ["Ruiz", "Ruiz"]


def test_a_condition_before_the_comma_does_not_introduce_the_quote(rule_quotes_in):
    quotes = rule_quotes_in('"The vote was close," said Ann Moss, a strategist for the mayor. Unless other rivals '
                            'leave the race soon, "it is very hard to see how she loses the seat."')
    assert [q.speaker for q in quotes] == ["Ann Moss", "Ann Moss"]
