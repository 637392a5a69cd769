"""``A, according to X, B`` where B only describes a word before it (a relative clause on a noun of
A, an apposition the parse hangs on A): A alone is reported (hand-built parses; our own sentences)."""

from annotator.nlp.quotes import according_to
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_a_relative_clause_after_the_source_is_not_a_second_piece():
    doc = hand_doc("Varn leads in Elkton, according to the poll, where most fishermen vote.", """
        Varn       PROPN NNP  nsubj      1
        leads      VERB  VBZ  ROOT       1 lead
        in         ADP   IN   prep       1
        Elkton     PROPN NNP  pobj       2
        ,          PUNCT ,    punct      1
        according  VERB  VBG  prep       1 accord
        to         ADP   IN   prep       5
        the        DET   DT   det        8
        poll       NOUN  NN   pobj       6
        ,          PUNCT ,    punct      1
        where      SCONJ WRB  advmod     13
        most       ADJ   JJS  amod       12
        fishermen  NOUN  NNS  nsubj      13 fisherman
        vote       VERB  VBP  relcl      3
        .          PUNCT .    punct      1
    """)
    assert found_at(according_to.at, doc) == [("indirect", "Varn leads in Elkton", "according to")]


def test_an_apposition_after_the_source_is_not_a_second_piece():
    doc = hand_doc("The ferry lost money, according to the Trust, a charity that counts boats.", """
        The        DET   DT   det        1
        ferry      NOUN  NN   nsubj      2
        lost       VERB  VBD  ROOT       2 lose
        money      NOUN  NN   dobj       2
        ,          PUNCT ,    punct      2
        according  VERB  VBG  prep       2 accord
        to         ADP   IN   prep       5
        the        DET   DT   det        8
        Trust      PROPN NNP  pobj       6
        ,          PUNCT ,    punct      2
        a          DET   DT   det        11
        charity    NOUN  NN   appos      3
        that       PRON  WDT  nsubj      13
        counts     VERB  VBZ  relcl      11 count
        boats      NOUN  NNS  dobj       13 boat
        .          PUNCT .    punct      2
    """)
    assert found_at(according_to.at, doc) == [("indirect", "The ferry lost money", "according to")]
