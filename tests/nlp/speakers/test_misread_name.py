"""A name the tagger reads as a verb right after a quote's closing mark (``"…," Varn shot back.``)
is the speaker (``speakers.trailing_attribution.misread_name``); hand-built parses as the small
English model gives them, our own sentences."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.trailing_attribution import misread_name
from tests.nlp.hand_docs import hand_doc

_VARN_TEXT = '"We will not wait," Varn shot back.'
_VARN = """
    "     PUNCT ``  punct   8
    We    PRON  PRP nsubj   4
    will  AUX   MD  aux     4
    not   PART  RB  neg     4
    wait  VERB  VB  ccomp   8
    ,     PUNCT ,   punct   8
    "     PUNCT ''  punct   8
    Varn  AUX   VB  aux     8
    shot  NOUN  NN  ROOT    8
    back  ADV   RB  advmod  8
    .     PUNCT .   punct   8
"""


def test_a_capitalised_verb_after_the_closing_mark_is_the_speaker():
    doc = hand_doc(_VARN_TEXT, _VARN)
    assert misread_name(doc, 6).text == "Varn"


def test_not_without_a_lower_case_word_after_it():
    # ``"…," Stop.``: nothing of an attribution follows the word
    doc = hand_doc('"We will not wait," Stop.', """
        "     PUNCT ``  punct   4
        We    PRON  PRP nsubj   4
        will  AUX   MD  aux     4
        not   PART  RB  neg     4
        wait  VERB  VB  ROOT    4
        ,     PUNCT ,   punct   4
        "     PUNCT ''  punct   4
        Stop  VERB  VB  ROOT    7
        .     PUNCT .   punct   7
    """)
    assert misread_name(doc, 6) is None


def test_not_the_pronoun_i():
    # the tagger misreading ``I`` as an auxiliary, as it does ``Varn``: one capital letter is no name
    doc = hand_doc(_VARN_TEXT.replace("Varn", "I"), _VARN.replace("Varn", "I   "))
    assert misread_name(doc, 6) is None


@pytest.mark.model
def test_a_made_up_name_read_as_a_verb_speaks_with_the_model(rule_quotes_in):
    assert [q.speaker for q in rule_quotes_in(_VARN_TEXT)] == ["Varn"]
