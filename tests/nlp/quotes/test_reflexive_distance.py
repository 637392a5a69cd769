"""``distanced herself from the levy`` (session 47): taking one's distance from a side; the
reflexive object names the subject again and is no other rule's, so the ``from`` object is what
the stance is about."""

from annotator.nlp.cue_words import STANCE_PREPOSITIONAL_VERBS
from annotator.nlp.quotes import prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_distance_takes_from():
    assert STANCE_PREPOSITIONAL_VERBS["distance"] == ("from",)


def test_object_of_distanced_herself_from_is_the_side_left():
    doc = hand_doc("The mayor distanced herself from the harbour levy.", """
        The       DET   DT   det      1
        mayor     NOUN  NN   nsubj    2
        distanced VERB  VBD  ROOT     2 distance
        herself   PRON  PRP  dobj     2
        from      ADP   IN   prep     2
        the       DET   DT   det      7
        harbour   NOUN  NN   compound 7
        levy      NOUN  NN   pobj     4
        .         PUNCT .    punct    2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the harbour levy", "distanced herself from")]


def test_an_object_not_reflexive_is_still_another_rules():
    doc = hand_doc("The mayor distanced the council from the harbour levy.", """
        The       DET   DT   det      1
        mayor     NOUN  NN   nsubj    2
        distanced VERB  VBD  ROOT     2 distance
        the       DET   DT   det      4
        council   NOUN  NN   dobj     2
        from      ADP   IN   prep     2
        the       DET   DT   det      8
        harbour   NOUN  NN   compound 8
        levy      NOUN  NN   pobj     5
        .         PUNCT .    punct    2
    """)
    assert found_at(prepositional_object.at, doc) == []
