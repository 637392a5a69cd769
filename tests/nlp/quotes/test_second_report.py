"""A second report coordinated with the first (``…, and three-quarters said …``) is not part of
the first one's content, however the parser hangs it."""

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_second_report_hung_as_a_complement_ends_the_first():
    doc = hand_doc("Half said the senator is honest, and most said the same of her rival.", """
        Half     NOUN  NN   nsubj  1
        said     VERB  VBD  ROOT   1 say
        the      DET   DT   det    3
        senator  NOUN  NN   nsubj  4
        is       AUX   VBZ  ccomp  1 be
        honest   ADJ   JJ   acomp  4
        ,        PUNCT ,    punct  4
        and      CCONJ CC   cc     4
        most     ADJ   JJS  nsubj  9
        said     VERB  VBD  ccomp  1 say
        the      DET   DT   det    11
        same     ADJ   JJ   dobj   9
        of       ADP   IN   prep   11
        her      PRON  PRP$ poss   14
        rival    NOUN  NN   pobj   12
        .        PUNCT .    punct  1
    """)
    assert ("indirect", "the senator is honest", "said") in found_at(reported.at, doc)


def test_second_that_clause_stays_part_of_the_report():
    doc = hand_doc("She said the levy is fair and that most farmers agree.", """
        She     PRON  PRP  nsubj  1
        said    VERB  VBD  ROOT   1 say
        the     DET   DT   det    3
        levy    NOUN  NN   nsubj  4
        is      AUX   VBZ  ccomp  1 be
        fair    ADJ   JJ   acomp  4
        and     CCONJ CC   cc     4
        that    SCONJ IN   mark   10
        most    ADJ   JJS  amod   9
        farmers NOUN  NNS  nsubj  10 farmer
        agree   VERB  VBP  conj   4
        .       PUNCT .    punct  1
    """)
    assert found_at(reported.at, doc)[0][1] == "the levy is fair and that most farmers agree"
