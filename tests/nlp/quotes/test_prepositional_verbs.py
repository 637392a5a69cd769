"""Verbs of backing or refusing a side and of talking on a topic, with their prepositions (session 22):
the preposition's object is what the stance or the talk is about."""

from annotator.nlp.cue_words import PREPOSITIONAL_CUE_VERBS, STANCE_PREPOSITIONAL_VERBS
from annotator.nlp.quotes import prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_new_prepositional_verbs_and_their_prepositions():
    assert STANCE_PREPOSITIONAL_VERBS["balk"] == ("at",) and STANCE_PREPOSITIONAL_VERBS["root"] == ("for",)
    assert PREPOSITIONAL_CUE_VERBS["touch"] == ("on",) and PREPOSITIONAL_CUE_VERBS["reflect"] == ("on",)
    assert "seize" not in PREPOSITIONAL_CUE_VERBS  # right too seldom


def test_object_of_balked_at_is_what_was_refused():
    doc = hand_doc("The growers balked at the new water fee.", """
        The     DET   DT   det      1
        growers NOUN  NNS  nsubj    2 grower
        balked  VERB  VBD  ROOT     2 balk
        at      ADP   IN   prep     2
        the     DET   DT   det      7
        new     ADJ   JJ   amod     7
        water   NOUN  NN   compound 7
        fee     NOUN  NN   pobj     3
        .       PUNCT .    punct    2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the new water fee", "balked at")]


def test_object_of_touched_on_is_the_topic():
    doc = hand_doc("The governor touched on the budget gap.", """
        The      DET   DT   det      1
        governor NOUN  NN   nsubj    2
        touched  VERB  VBD  ROOT     2 touch
        on       ADP   IN   prep     2
        the      DET   DT   det      6
        budget   NOUN  NN   compound 6
        gap      NOUN  NN   pobj     3
        .        PUNCT .    punct    2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the budget gap", "touched on")]
