"""What a report's object is said to be when the parser reads the ``as`` predicate as a clause:
``described X as designed to …`` (the object rule) and ``pointed to X as needed for …`` (the
prepositional-object rule), both through ``said_to_be``."""

from annotator.nlp.quotes import object_of_cue, prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at
from tests.nlp.quotes.test_prepositional_object_as import _POINTED_TO_PORT

#: ``The senator described the new fees``, and what follows it in each test.
_DESCRIBED_FEES = """
    The        DET   DT   det    1
    senator    NOUN  NN   nsubj  2
    described  VERB  VBD  ROOT   2 describe
    the        DET   DT   det    5
    new        ADJ   JJ   amod   5
    fees       NOUN  NNS  dobj   2 fee
"""


def test_as_clause_after_the_object_is_what_the_object_is_said_to_be():
    doc = hand_doc("The senator described the new fees as designed to punish farmers.", _DESCRIBED_FEES + """
        as         SCONJ IN   mark   7
        designed   VERB  VBN  advcl  2 design
        to         PART  TO   aux    9
        punish     VERB  VB   xcomp  7
        farmers    NOUN  NNS  dobj   9 farmer
        .          PUNCT .    punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [
        ("indirect", "the new fees as designed to punish farmers", "described")]


def test_as_clause_with_a_subject_of_its_own_stays_out():
    doc = hand_doc("The senator described the new fees as she argued for the bill.", _DESCRIBED_FEES + """
        as         SCONJ IN   mark   8
        she        PRON  PRP  nsubj  8
        argued     VERB  VBD  advcl  2 argue
        for        ADP   IN   prep   8
        the        DET   DT   det    11
        bill       NOUN  NN   pobj   9
        .          PUNCT .    punct  2
    """)
    assert ("indirect", "the new fees", "described") in found_at(object_of_cue.at, doc)


def test_as_clause_after_the_preposition_s_object_is_part_of_the_content():
    doc = hand_doc("The senator pointed to the new port as needed for trade.", _POINTED_TO_PORT + """
        as       SCONJ IN   mark   8
        needed   VERB  VBN  advcl  2 need
        for      ADP   IN   prep   8
        trade    NOUN  NN   pobj   9
        .        PUNCT .    punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [
        ("indirect", "the new port as needed for trade", "pointed to")]
