"""The inverted-report rule on hand-built parses: ``CLAUSE, X said.`` without quotation marks."""

from annotator.nlp.quotes import inverted
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_CLAUSE = """
    The       DET   DT  det    1
    plan      NOUN  NN  nsubj  3
    will      AUX   MD  aux    3
    work      VERB  VB  ccomp  7
    ,         PUNCT ,   punct  7
    the       DET   DT  det    6
    minister  NOUN  NN  nsubj  7
    said      VERB  VBD ROOT   7 say
"""


def test_inverted_report_before_the_attribution():
    doc = hand_doc("The plan will work, the minister said.", _CLAUSE + "    .  PUNCT .  punct  7\n")
    assert found_at(inverted.at, doc) == [("indirect", "The plan will work", "said")]


def test_inverted_report_goes_on_after_the_attribution():
    doc = hand_doc("The plan will work, the minister said, and the costs will fall.", _CLAUSE + """
        ,      PUNCT ,   punct  7
        and    CCONJ CC  cc     7
        the    DET   DT  det    11
        costs  NOUN  NNS nsubj  13
        will   AUX   MD  aux    13
        fall   VERB  VB  conj   7
        .      PUNCT .   punct  7
    """)
    assert found_at(inverted.at, doc) == [("indirect", "the costs will fall", "said"),
                                          ("indirect", "The plan will work", "said")]


def test_inverted_report_after_a_closing_mark_is_left_to_the_direct_rule():
    doc = hand_doc('"The plan will work," the minister said.', """
        "         PUNCT ``  punct  4
        The       DET   DT  det    2
        plan      NOUN  NN  nsubj  4
        will      AUX   MD  aux    4
        work      VERB  VB  ccomp  9
        ,         PUNCT ,   punct  9
        "         PUNCT ''  punct  9
        the       DET   DT  det    8
        minister  NOUN  NN  nsubj  9
        said      VERB  VBD ROOT   9 say
        .         PUNCT .   punct  9
    """)
    assert found_at(inverted.at, doc) == []


def test_verb_with_its_own_infinitive_reports_nothing_before_its_comma():
    doc = hand_doc("As the talks stalled, the union pledged to strike.", """
        As       SCONJ IN  mark   3
        the      DET   DT  det    2
        talks    NOUN  NNS nsubj  3
        stalled  VERB  VBD advcl  7 stall
        ,        PUNCT ,   punct  7
        the      DET   DT  det    6
        union    NOUN  NN  nsubj  7
        pledged  VERB  VBD ROOT   7 pledge
        to       PART  TO  aux    9
        strike   VERB  VB  xcomp  7
        .        PUNCT .   punct  7
    """)
    assert found_at(inverted.at, doc) == []


def test_adverbial_clause_of_the_verb_is_not_its_report():
    doc = hand_doc("As the talks stalled, the minister said.", """
        As        SCONJ IN  mark   3
        the       DET   DT  det    2
        talks     NOUN  NNS nsubj  3
        stalled   VERB  VBD advcl  7 stall
        ,         PUNCT ,   punct  7
        the       DET   DT  det    6
        minister  NOUN  NN  nsubj  7
        said      VERB  VBD ROOT   7 say
        .         PUNCT .   punct  7
    """)
    assert found_at(inverted.at, doc) == []
