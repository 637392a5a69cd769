"""The unanswered-request rule on hand-built parses: ``the council did not respond to our questions``."""

from annotator.nlp.quotes import unanswered
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_UNANSWERED = """
    The        DET   DT   det    1
    council    NOUN  NN   nsubj  4
    did        AUX   VBD  aux    4 do
    not        PART  RB   neg    4
    respond    VERB  VB   ROOT   4
    to         ADP   IN   prep   4
    our        PRON  PRP$ poss   8
    emailed    VERB  VBN  amod   8 email
    questions  NOUN  NNS  pobj   5 question
    .          PUNCT .    punct  4
"""
_TEXT = "The council did not respond to our emailed questions."


def test_negated_answer_verb_reports_what_went_unanswered():
    doc = hand_doc(_TEXT, _UNANSWERED)
    assert found_at(unanswered.at, doc) == [("indirect", "our emailed questions", "respond to")]


def test_answer_verb_not_negated_is_left_to_other_rules():
    doc = hand_doc("The council responded to our emailed questions.", """
        The        DET   DT   det    1
        council    NOUN  NN   nsubj  2
        responded  VERB  VBD  ROOT   2 respond
        to         ADP   IN   prep   2
        our        PRON  PRP$ poss   6
        emailed    VERB  VBN  amod   6 email
        questions  NOUN  NNS  pobj   3 question
        .          PUNCT .    punct  2
    """)
    assert found_at(unanswered.at, doc) == []


def test_silence_dated_by_a_phrase_leaves_the_date_out():
    doc = hand_doc("The council never replied to our emailed questions on Friday.", """
        The        DET   DT   det    1
        council    NOUN  NN   nsubj  3
        never      ADV   RB   neg    3
        replied    VERB  VBD  ROOT   3 reply
        to         ADP   IN   prep   3
        our        PRON  PRP$ poss   7
        emailed    VERB  VBN  amod   7 email
        questions  NOUN  NNS  pobj   4 question
        on         ADP   IN   prep   7
        Friday     PROPN NNP  pobj   8
        .          PUNCT .    punct  3
    """, ents=((9, 10, "DATE"),))
    assert found_at(unanswered.at, doc) == [("indirect", "our emailed questions", "replied to")]


def test_pronoun_object_or_thing_subject_is_not_reported():
    pronoun = hand_doc("Her lawyer never replied to them.", """
        Her      PRON  PRP$ poss   1
        lawyer   NOUN  NN   nsubj  3
        never    ADV   RB   neg    3
        replied  VERB  VBD  ROOT   3 reply
        to       ADP   IN   prep   3
        them     PRON  PRP  pobj   4
        .        PUNCT .    punct  3
    """)
    assert found_at(unanswered.at, pronoun) == []
    thing = hand_doc("The memo did not respond to our emailed questions.",
                     _UNANSWERED.replace("council    NOUN", "memo       NOUN"))
    assert found_at(unanswered.at, thing) == []
