"""A judgement given as a small clause after a verb of declaring (``quotes.small_clause``)."""

from annotator.nlp.quotes import small_clause
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_verbless_clause_after_consider_is_the_view_held():
    doc = hand_doc("Most growers consider the levy a mistake.", """
        Most     ADJ   JJS  amod   1
        growers  NOUN  NNS  nsubj  2 grower
        consider VERB  VBP  ROOT   2
        the      DET   DT   det    4
        levy     NOUN  NN   nsubj  6
        a        DET   DT   det    6
        mistake  NOUN  NN   ccomp  2
        .        PUNCT .    punct  2
    """)
    assert found_at(small_clause.at, doc) == [("indirect", "the levy a mistake", "consider")]


def test_object_and_predicate_after_deemed_are_the_judgement():
    doc = hand_doc("The judges deemed the new map a failure.", """
        The    DET   DT   det    1
        judges NOUN  NNS  nsubj  2 judge
        deemed VERB  VBD  ROOT   2 deem
        the    DET   DT   det    5
        new    ADJ   JJ   amod   5
        map    NOUN  NN   dobj   2
        a      DET   DT   det    7
        failure NOUN NN   dobj   2
        .      PUNCT .    punct  2
    """)
    assert found_at(small_clause.at, doc) == [("indirect", "the new map a failure", "deemed")]


def test_a_thing_considered_for_an_act_is_no_judgement():
    doc = hand_doc("The council considered the new map.", """
        The        DET   DT   det    1
        council    NOUN  NN   nsubj  2
        considered VERB  VBD  ROOT   2 consider
        the        DET   DT   det    5
        new        ADJ   JJ   amod   5
        map        NOUN  NN   dobj   2
        .          PUNCT .    punct  2
    """)
    assert found_at(small_clause.at, doc) == []


def test_passive_has_no_speaker_here():
    doc = hand_doc("The map was deemed a failure.", """
        The    DET   DT   det      1
        map    NOUN  NN   nsubjpass 3
        was    AUX   VBD  auxpass  3 be
        deemed VERB  VBN  ROOT     3 deem
        a      DET   DT   det      5
        failure NOUN NN   oprd     3
        .      PUNCT .    punct    3
    """)
    assert found_at(small_clause.at, doc) == []
