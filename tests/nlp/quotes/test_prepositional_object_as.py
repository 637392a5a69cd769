"""The prepositional-object rule with what the object is said to be: ``pointed to X as Y``."""

from annotator.nlp.quotes import prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

#: ``The senator pointed to the new port``, and what follows it in each test.
_POINTED_TO_PORT = """
    The      DET   DT   det    1
    senator  NOUN  NN   nsubj  2
    pointed  VERB  VBD  ROOT   2 point
    to       ADP   IN   prep   2
    the      DET   DT   det    6
    new      ADJ   JJ   amod   6
    port     NOUN  NN   pobj   3
"""
_AS_A_MODEL = _POINTED_TO_PORT + """
    as       ADP   IN   prep   2
    a        DET   DT   det    9
    model    NOUN  NN   pobj   7
    for      ADP   IN   prep   9
    the      DET   DT   det    12
    region   NOUN  NN   pobj   10
    .        PUNCT .    punct  2
"""


def test_as_phrase_after_the_object_is_what_the_object_is_said_to_be():
    doc = hand_doc("The senator pointed to the new port as a model for the region.", _AS_A_MODEL)
    assert found_at(prepositional_object.at, doc) == [
        ("indirect", "the new port as a model for the region", "pointed to")]


def test_another_phrase_after_the_object_stays_out():
    doc = hand_doc("The senator pointed to the new port in her speech.", _POINTED_TO_PORT + """
        in       ADP   IN   prep   2
        her      PRON  PRP$ poss   9
        speech   NOUN  NN   pobj   7
        .        PUNCT .    punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the new port", "pointed to")]


def test_as_phrase_apart_from_the_object_stays_out():
    doc = hand_doc("As a senator, she pointed to the new port.", """
        As       ADP   IN   prep   5
        a        DET   DT   det    2
        senator  NOUN  NN   pobj   0
        ,        PUNCT ,    punct  5
        she      PRON  PRP  nsubj  5
        pointed  VERB  VBD  ROOT   5 point
        to       ADP   IN   prep   5
        the      DET   DT   det    9
        new      ADJ   JJ   amod   9
        port     NOUN  NN   pobj   6
        .        PUNCT .    punct  5
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the new port", "pointed to")]
