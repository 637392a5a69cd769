"""The regard rule on hand-built parses: ``voters see Okafor as the safer choice``."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import regard
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_SEE_AS = """
    Many   ADJ   JJ  amod   1
    voters NOUN  NNS nsubj  2 voter
    see    VERB  VBP ROOT   2
    Okafor PROPN NNP dobj   2
    as     ADP   IN  prep   2
    the    DET   DT  det    7
    safer  ADJ   JJR amod   7 safe
    choice NOUN  NN  pobj   4
    .      PUNCT .   punct  2
"""


# A verb of depicting is one of them (session 17), also where the parser hangs ``as`` on the object.
_DESCRIBED_AS = """
    Ruiz      PROPN NNP nsubj  1
    described VERB  VBD ROOT   1 describe
    Okafor    PROPN NNP dobj   1
    as        ADP   IN  prep   2
    the       DET   DT  det    6
    safer     ADJ   JJR amod   6 safe
    choice    NOUN  NN  pobj   3
    .         PUNCT .   punct  1
"""


@pytest.mark.parametrize("text, rows, ents, expected", [
    ("Many voters see Okafor as the safer choice.", _SEE_AS, ((3, 4, "PERSON"),),
     ("indirect", "Okafor as the safer choice", "see")),
    ("Ruiz described Okafor as the safer choice.", _DESCRIBED_AS, ((0, 1, "PERSON"), (2, 3, "PERSON")),
     ("indirect", "Okafor as the safer choice", "described")),
])
def test_an_object_seen_as_something_is_the_view_held(text, rows, ents, expected):
    doc = hand_doc(text, rows, ents=ents)
    assert found_at(regard.at, doc) == [expected]


def test_a_thing_seen_without_an_as_phrase_is_no_view():
    doc = hand_doc("Many voters saw the rally.", """
        Many   ADJ   JJ  amod   1
        voters NOUN  NNS nsubj  2 voter
        saw    VERB  VBD ROOT   2 see
        the    DET   DT  det    4
        rally  NOUN  NN  dobj   2
        .      PUNCT .   punct  2
    """)
    assert found_at(regard.at, doc) == []


def test_a_participle_casting_someone_is_no_view():
    doc = hand_doc("The studio hired Reyes, casting him as the lead.", """
        The     DET   DT  det    1
        studio  NOUN  NN  nsubj  2
        hired   VERB  VBD ROOT   2 hire
        Reyes   PROPN NNP dobj   2
        ,       PUNCT ,   punct  2
        casting VERB  VBG advcl  2 cast
        him     PRON  PRP dobj   5
        as      ADP   IN  prep   5
        the     DET   DT  det    9
        lead    NOUN  NN  pobj   7
        .       PUNCT .   punct  2
    """)
    assert found_at(regard.at, doc) == []


def test_regard_verbs_come_from_the_lexicon():
    doc = hand_doc("Many voters see Okafor as the safer choice.", _SEE_AS, ents=((3, 4, "PERSON"),))
    assert found_at(regard.at, doc, Lexicon(regard_verbs=["view"])) == []

