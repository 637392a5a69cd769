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


def test_an_interviews_questions_are_turns_its_answers_the_interview_rules():
    text = "Q: What now for the old ferry?\nA: We rebuild the pier.\nQ: And the toll?\nA: It stays."
    assert [f[1] for f in found_by(transcript.find, _unparsed(text))] == ["What now for the old ferry?", "And the toll?"]


def test_a_question_holding_a_report_is_left_to_the_report_rules():
    doc = hand_doc("Q: Some pilots say the toll is too high?\nA: We rebuild the pier.\nQ: Why not?\nA: It costs.", """
        Q        PROPN NNP ROOT    0
        :        PUNCT :   punct   0
        Some     DET   DT  det     3
        pilots   NOUN  NNS nsubj   4 pilot
        say      VERB  VBP ROOT    4
        the      DET   DT  det     6
        toll     NOUN  NN  nsubj   7
        is       AUX   VBZ ccomp   4 be
        too      ADV   RB  advmod  9
        high     ADJ   JJ  acomp   7
        ?        PUNCT .   punct   4
        \\n      SPACE _SP dep     10
        A        DET   DT  ROOT    12
        :        PUNCT :   punct   12
        We       PRON  PRP nsubj   15 we
        rebuild  VERB  VBP ROOT    15
        the      DET   DT  det     17
        pier     NOUN  NN  dobj    15
        .        PUNCT .   punct   15
        \\n      SPACE _SP dep     18
        Q        PROPN NNP ROOT    20
        :        PUNCT :   punct   20
        Why      ADV   WRB ROOT    22 why
        not      PART  RB  neg     22
        ?        PUNCT .   punct   22
        \\n      SPACE _SP dep     24
        A        DET   DT  ROOT    26
        :        PUNCT :   punct   26
        It       PRON  PRP nsubj   29 it
        costs    VERB  VBZ ROOT    29 cost
        .        PUNCT .   punct   29
    """)
    assert found_by(transcript.find, doc) == []


@pytest.mark.model
def test_a_name_in_capitals_is_the_turns_speaker(rule_quotes_in):
    found = {(q.text, q.speaker) for q in rule_quotes_in(_TRANSCRIPT.replace("\n", "\n\n"))}
    assert (_LONG, "ADA PIKE") in found
    assert ("That is not what she told me", "RUIZ") in found
