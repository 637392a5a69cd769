"""An offer to act, in the speaker's own sentence: ``offered to resign`` is what was proposed."""

from annotator.nlp.quotes import intention
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_OFFERED = """
    The      DET   DT   det    1
    harbour  NOUN  NN   compound 2
    master   NOUN  NN   nsubj  3
    offered  VERB  VBD  ROOT   3 offer
    to       PART  TO   aux    5
    resign   VERB  VB   xcomp  3
    over     ADP   IN   prep   5
    the      DET   DT   det    9
    ferry    NOUN  NN   compound 9
    delays   NOUN  NNS  pobj   6 delay
    .        PUNCT .    punct  3
"""


def test_infinitive_offered_is_what_was_proposed():
    doc = hand_doc("The harbour master offered to resign over the ferry delays.", _OFFERED)
    assert found_at(intention.at, doc) == [("indirect", "to resign over the ferry delays", "offered")]


def test_offer_of_a_thing_is_not_an_intention():
    doc = hand_doc("The harbour master offered a deal.", """
        The      DET   DT   det    1
        harbour  NOUN  NN   compound 2
        master   NOUN  NN   nsubj  3
        offered  VERB  VBD  ROOT   3 offer
        a        DET   DT   det    5
        deal     NOUN  NN   dobj   3
        .        PUNCT .    punct  3
    """)
    assert found_at(intention.at, doc) == []
