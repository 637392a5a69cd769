"""The pieces of a sentence an attribution is set inside (``Lately, she said, …``, ``It is, the mayor said,
…``), as news attribution corpora cut them: hand-built parses as the small English model gives them."""

from annotator.nlp.quotes import inverted
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_inverted_phrase_before_a_clause_with_its_own_report():
    # the clause after the attribution reports by itself (the reported-clause rule's); the phrase
    # before it is still the attribution's piece
    doc = hand_doc("Lately, Nadia Orr said, she has learned that the ferry will close.", """
        Lately   ADV   RB  advmod     8
        ,        PUNCT ,   punct      4
        Nadia    PROPN NNP compound   3
        Orr      PROPN NNP nsubj      4
        said     VERB  VBD parataxis  8 say
        ,        PUNCT ,   punct      4
        she      PRON  PRP nsubj      8
        has      AUX   VBZ aux        8
        learned  VERB  VBN ROOT       8 learn
        that     SCONJ IN  mark       13
        the      DET   DT  det        11
        ferry    NOUN  NN  nsubj      13
        will     AUX   MD  aux        13
        close    VERB  VB  ccomp      8
        .        PUNCT .   punct      8
    """)
    assert found_at(inverted.at, doc) == [("indirect", "Lately", "said")]


def test_inverted_attribution_inside_one_clause_gives_both_pieces():
    doc = hand_doc("It was, Tomas Reyes said, one of the longest nights of the campaign.", """
        It        PRON  PRP nsubj      1
        was       AUX   VBD ROOT       1 be
        ,         PUNCT ,   punct      5
        Tomas     PROPN NNP compound   4
        Reyes     PROPN NNP nsubj      5
        said      VERB  VBD parataxis  1 say
        ,         PUNCT ,   punct      5
        one       NUM   CD  attr       1
        of        ADP   IN  prep       7
        the       DET   DT  det        11
        longest   ADJ   JJS amod       11
        nights    NOUN  NNS pobj       8
        of        ADP   IN  prep       11
        the       DET   DT  det        14
        campaign  NOUN  NN  pobj       12
        .         PUNCT .   punct      1
    """)
    assert found_at(inverted.at, doc) == [("indirect", "one of the longest nights of the campaign", "said"),
                                          ("indirect", "It was", "said")]


def test_inverted_attribution_after_its_clause_is_no_split():
    # the clause ends before the attribution: one report, as before
    doc = hand_doc("She was tired, Tomas Reyes said.", """
        She    PRON  PRP nsubj  1
        was    AUX   VBD ccomp  6 be
        tired  ADJ   JJ  acomp  1
        ,      PUNCT ,   punct  6
        Tomas  PROPN NNP compound 5
        Reyes  PROPN NNP nsubj  6
        said   VERB  VBD ROOT   6 say
        .      PUNCT .   punct  6
    """)
    assert found_at(inverted.at, doc) == [("indirect", "She was tired", "said")]
