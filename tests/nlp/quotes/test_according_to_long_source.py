"""``CLAUSE, according to X who …``: a long source whose own clause the parse hangs elsewhere still
closes the sentence (hand-built parse as the small English model gives it; our own sentence)."""

from annotator.nlp.quotes import according_to
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

# "allowed" hangs on the sentence's verb as a conjunct, so the cue's phrase ends at "paper"
_LONG_SOURCE = """
    The        DET   DT  det        1
    agency     NOUN  NN  nsubj      3
    is         AUX   VBZ aux        3 be
    checking   VERB  VBG ROOT       3 check
    the        DET   DT  det        5
    loan       NOUN  NN  dobj       3
    ,          PUNCT ,   punct      3
    according  VERB  VBG prep       17 accord
    to         ADP   IN  prep       7
    two        NUM   CD  nummod     10
    aides      NOUN  NNS pobj       8
    who        PRON  WP  nsubj      12
    spoke      VERB  VBD relcl      10 speak
    to         ADP   IN  prep       12
    the        DET   DT  det        15
    paper      NOUN  NN  pobj       13
    but        CCONJ CC  cc         12
    declined   VERB  VBD conj       3 decline
    to         PART  TO  aux        19
    give       VERB  VB  xcomp      17
    names      NOUN  NNS dobj       19
    .          PUNCT .   punct      17
"""


def test_according_to_a_long_source_closing_the_sentence():
    doc = hand_doc("The agency is checking the loan, according to two aides who spoke to the paper but "
                   "declined to give names.", _LONG_SOURCE)
    assert found_at(according_to.at, doc) == [("indirect", "The agency is checking the loan", "according to")]


def test_according_to_between_commas_still_gives_two_pieces():
    doc = hand_doc("The loan, according to two aides, was never repaid.", """
        The        DET   DT  det        1
        loan       NOUN  NN  nsubjpass  10
        ,          PUNCT ,   punct      1
        according  VERB  VBG prep       10 accord
        to         ADP   IN  prep       3
        two        NUM   CD  nummod     6
        aides      NOUN  NNS pobj       4
        ,          PUNCT ,   punct      10
        was        AUX   VBD auxpass    10 be
        never      ADV   RB  neg        10
        repaid     VERB  VBN ROOT       10 repay
        .          PUNCT .   punct      10
    """)
    assert found_at(according_to.at, doc) == [("indirect", "The loan", "according to"),
                                              ("indirect", "was never repaid", "according to")]
