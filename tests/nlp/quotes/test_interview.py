"""The interview rule: answers in a Q:/A: transcript."""

from annotator.nlp.quotes import interview
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_ROWS = """
    Q        PROPN NNP ROOT    0
    :        PUNCT :   punct   0
    What     PRON  WP  dep     0
    now      ADV   RB  advmod  0
    ?        PUNCT .   punct   0
    \\n      SPACE _SP dep     0
    A        DET   DT  dep     9
    :        PUNCT :   punct   9
    We       PRON  PRP nsubj   9
    rebuild  VERB  VBP ROOT    9
    the      DET   DT  det     11
    team     NOUN  NN  dobj    9
    slowly   ADV   RB  advmod  9
    .        PUNCT .   punct   9
"""


def test_interview_answer_is_a_direct_quote_cued_by_its_label():
    doc = hand_doc("Q: What now?\nA: We rebuild the team slowly.", _ROWS)
    assert found_by(interview.find, doc) == [("direct", "We rebuild the team slowly", "A")]


def test_interview_answer_label_without_any_question_is_not_a_transcript():
    doc = hand_doc("A: We rebuild the team slowly.", """
        A        DET   DT  dep     3
        :        PUNCT :   punct   3
        We       PRON  PRP nsubj   3
        rebuild  VERB  VBP ROOT    3
        the      DET   DT  det     5
        team     NOUN  NN  dobj    3
        slowly   ADV   RB  advmod  3
        .        PUNCT .   punct   3
    """)
    assert found_by(interview.find, doc) == []
