"""Verbs of criticizing and praising added to the judging verbs (session 22): their object is what
is judged, a name alone included."""

import pytest

from annotator.nlp.cue_words import JUDGEMENT_VERBS, OBJECT_CUE_VERBS
from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


@pytest.mark.parametrize("lemma", [
    "lambast", "rebuff", "repudiate", "extol", "assail",
    # session 47: ``disavowed the pamphlet``, ``disowned Okafor``, ``renounced the pact``
    "disavow", "disown", "renounce",
    # session 47: ``shrugged off the criticism``, ``brushed aside Okafor``: a judgement dismissed
    "shrug", "brush",
])
def test_new_judging_verbs_take_their_object_and_a_name(lemma):
    assert lemma in JUDGEMENT_VERBS and lemma in OBJECT_CUE_VERBS


def test_object_of_lambasted_is_what_was_judged():
    doc = hand_doc("The senator lambasted the new toll plan.", """
        The       DET   DT   det      1
        senator   NOUN  NN   nsubj    2
        lambasted VERB  VBD  ROOT     2 lambast
        the       DET   DT   det      6
        new       ADJ   JJ   amod     6
        toll      NOUN  NN   compound 6
        plan      NOUN  NN   dobj     2
        .         PUNCT .    punct    2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the new toll plan", "lambasted")]


@pytest.mark.parametrize("verb, lemma", [("rebuffed", "rebuff"), ("disavowed", "disavow")])
def test_name_alone_after_a_judging_verb_is_what_was_judged(verb, lemma):
    doc = hand_doc(f"The union {verb} Okafor.", f"""
        The      DET   DT   det    1
        union    NOUN  NN   nsubj  2
        {verb}   VERB  VBD  ROOT   2 {lemma}
        Okafor   PROPN NNP  dobj   2
        .        PUNCT .    punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "Okafor", verb)]


def test_object_of_brushed_aside_is_what_was_dismissed():
    doc = hand_doc("The minister brushed aside the auditors' warning.", """
        The       DET   DT   det      1
        minister  NOUN  NN   nsubj    2
        brushed   VERB  VBD  ROOT     2 brush
        aside     ADV   RB   advmod   2
        the       DET   DT   det      5
        auditors  NOUN  NNS  poss     7 auditor
        '         PART  POS  case     5
        warning   NOUN  NN   dobj     2
        .         PUNCT .    punct    2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the auditors' warning", "brushed")]
