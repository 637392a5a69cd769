"""A lone dash inside a reported clause (session 41): after a report told wholly in the reporter's own
words, the words past the dash go on with what was said; after the speaker's quoted words, or before a
participle of speech, the dash opens the reporter's aside or the speaker's other act
(``quotes/reported.py`` with ``clause_end.quoted_aside_dash_cut``), on sentences written for these tests."""

import pytest

pytestmark = pytest.mark.model


def _reports(quotes_in, text):
    return [(q.type, q.text, q.speaker) for q in quotes_in(text)]


@pytest.mark.parametrize("text, content", [
    ("The mayor said the new bridge would open in May — unless the river floods again.",
     "the new bridge would open in May — unless the river floods again"),
    ("The union said the strike would go ahead on Monday — and that its members would march to the port.",
     "the strike would go ahead on Monday — and that its members would march to the port"),
    ("The harbour board said the ferry fares would rise next year — including the fares for pensioners.",
     "the ferry fares would rise next year — including the fares for pensioners"),
])
def test_words_after_a_lone_dash_go_on_with_a_report_in_the_reporters_words(quotes_in, text, content):
    assert [q.text for q in quotes_in(text)] == [content]


def test_lone_dash_after_the_speakers_quoted_words_opens_the_reporters_aside(quotes_in):
    assert _reports(quotes_in, 'The senator said he was "pleased" with the deal — a rare moment of agreement in a '
                               'bitter session.') == [("mixed", 'he was "pleased" with the deal', "The senator")]


def test_lone_dash_before_a_participle_of_speech_ends_the_report(quotes_in):
    quotes = _reports(quotes_in, "The mayor said the budget was fair — having argued for months that it was a scam.")
    assert quotes[0] == ("indirect", "the budget was fair", "The mayor")
