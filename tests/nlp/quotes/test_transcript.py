"""Transcript turns: paragraphs opening with speakers' labels, two speakers taking more than one
turn, are each a quote of the label's speaker, however long (our own sentences; the rule reads the
words and the paragraphs, not the parse, so the rows carry no parse)."""

import re

import pytest

from annotator.nlp.quotes import transcript
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by


def _unparsed(text: str):
    """``text`` as a Doc of its words and marks, one line break a token, every word hung on the first."""
    words = re.findall(r"\n|[A-Za-z]+|[^\sA-Za-z]", text)
    rows = "\n".join(("\\n SPACE _SP" if w == "\n" else f"{w} X X") + " dep 0" for w in words)
    return hand_doc(text, rows)


_LONG = ("I think the levy will pass, and the valley knows what it needs, because the ferry has run late "
         "for years and the growers are tired of waiting for a fix that never seems to come")
_TRANSCRIPT = (f"MARSH: Will it pass?\nADA PIKE: {_LONG}.\nMARSH: And the mayor?\n"
               "PIKE: She will come around in the end.\nRUIZ: That is not what she told me.")


def test_each_turn_of_a_transcript_is_a_quote_cued_by_its_colon():
    assert found_by(transcript.find, _unparsed(_TRANSCRIPT)) == [
        ("indirect", "Will it pass?", ":"),
        ("indirect", _LONG, ":"),
        ("indirect", "And the mayor?", ":"),
        ("indirect", "She will come around in the end", ":"),
        ("indirect", "That is not what she told me", ":"),
    ]


def test_labels_of_one_speaker_are_no_transcript():
    text = "UPDATE: The vote moved to Friday.\nLEE: The ferry runs late again today.\nLEE: The pier is closed."
    assert found_by(transcript.find, _unparsed(text)) == []


def test_page_labels_are_no_speakers():
    text = ("UPDATE: The vote moved to Friday.\nUPDATE: The pier is closed.\nLEE: The ferry is late.\n"
            "RUIZ: It was late on Monday.\nLEE: And on Tuesday.\nRUIZ: Not on Tuesday.")
    assert [f[1] for f in found_by(transcript.find, _unparsed(text))] == [
        "The ferry is late", "It was late on Monday", "And on Tuesday", "Not on Tuesday"]


def test_an_interviews_labels_are_no_speakers():
    # the answers are ``interview``'s; a question quoted whole would hide the reports inside it
    text = "Q: Some pilots say the toll is too high?\nA: We rebuild the pier.\nQ: And the toll?\nA: It stays."
    assert found_by(transcript.find, _unparsed(text)) == []


@pytest.mark.model
def test_a_name_in_capitals_is_the_turns_speaker(rule_quotes_in):
    found = {(q.text, q.speaker) for q in rule_quotes_in(_TRANSCRIPT.replace("\n", "\n\n"))}
    assert (_LONG, "ADA PIKE") in found
    assert ("That is not what she told me", "RUIZ") in found
