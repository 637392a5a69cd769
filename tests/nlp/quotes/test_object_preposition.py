"""``The mayor defended her opposition to the levy``: a ``to``/``with`` phrase right after a cue
verb's object, with a common noun, goes on saying the object even where the parser hangs it on the
verb (session 12)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_RECALLED = """
    The         DET   DT   det    1
    mayor       NOUN  NN   nsubj  2
    defended    VERB  VBD  ROOT   2 defend
    her         PRON  PRP$ poss   4
    opposition  NOUN  NN   dobj   2
    to          ADP   IN   prep   2
    the         DET   DT   det    7
    levy        NOUN  NN   pobj   5
    .           PUNCT .    punct  2
"""


def test_to_phrase_right_after_the_object_goes_on_saying_it():
    doc = hand_doc("The mayor defended her opposition to the levy.", _RECALLED)
    assert found_at(object_of_cue.at, doc) == [("indirect", "her opposition to the levy", "defended")]


def test_with_phrase_right_after_the_object_goes_on_saying_it():
    doc = hand_doc("The mayor credited the nurses with the recovery.", """
        The       DET   DT  det    1
        mayor     NOUN  NN  nsubj  2
        credited  VERB  VBD ROOT   2 credit
        the       DET   DT  det    4
        nurses    NOUN  NNS dobj   2
        with      ADP   IN  prep   2
        the       DET   DT  det    7
        recovery  NOUN  NN  pobj   5
        .         PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the nurses with the recovery", "credited")]


def test_phrase_with_a_name_or_further_off_is_left_out():
    name = hand_doc("The mayor defended her opposition to Ohio.", """
        The         DET   DT   det    1
        mayor       NOUN  NN   nsubj  2
        defended    VERB  VBD  ROOT   2 defend
        her         PRON  PRP$ poss   4
        opposition  NOUN  NN   dobj   2
        to          ADP   IN   prep   2
        Ohio        PROPN NNP  pobj   5
        .           PUNCT .    punct  2
    """)
    assert found_at(object_of_cue.at, name) == [("indirect", "her opposition", "defended")]
    later = hand_doc("The mayor praised the levy loudly to a crowd.", """
        The       DET   DT  det    1
        mayor     NOUN  NN  nsubj  2
        praised   VERB  VBD ROOT   2 praise
        the       DET   DT  det    4
        levy      NOUN  NN  dobj   2
        loudly    ADV   RB  advmod 2
        to        ADP   IN  prep   2
        a         DET   DT  det    8
        crowd     NOUN  NN  pobj   6
        .         PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, later) == [("indirect", "the levy", "praised")]


def test_object_prepositions_are_configurable():
    doc = hand_doc("The mayor defended her opposition to the levy.", _RECALLED)
    assert found_at(object_of_cue.at, doc, Lexicon(object_prepositions=[])) == [("indirect", "her opposition", "defended")]
