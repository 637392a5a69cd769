"""The stance rule (session 12): a personal pronoun as what is backed (``the union endorsed her``),
and a stance in a clause coordinated with the sentence's own (``…, and most farmers backed Voss``):
the reports' rule (``held_at``), not the frame opened to every verb (``at``); hand-built parses of
our own sentences."""

from annotator.nlp.quotes import stance_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_a_stance_on_a_personal_pronoun_is_the_stance_held():
    doc = hand_doc("The union endorsed her.", """
        The      DET   DT  det    1
        union    NOUN  NN  nsubj  2
        endorsed VERB  VBD ROOT   2 endorse
        her      PRON  PRP dobj   2
        .        PUNCT .   punct  2
    """)
    assert found_at(stance_object.held_at, doc) == [("indirect", "her", "endorsed")]


def test_a_stance_on_an_indefinite_pronoun_is_not():
    doc = hand_doc("The union endorsed someone.", """
        The      DET   DT  det    1
        union    NOUN  NN  nsubj  2
        endorsed VERB  VBD ROOT   2 endorse
        someone  PRON  NN  dobj   2
        .        PUNCT .   punct  2
    """)
    assert found_at(stance_object.held_at, doc) == []


_SPLIT = """
    Farmers  NOUN  NNS nsubj  1 farmer
    were     AUX   VBD ROOT   1 be
    split    ADJ   JJ  acomp  1
    ,        PUNCT ,   punct  1
    and      CCONJ CC  cc     1
    most     ADJ   JJS amod   6
    millers  NOUN  NNS nsubj  7 miller
    backed   VERB  VBD conj   1 back
    Voss     PROPN NNP dobj   7
    .        PUNCT .   punct  1
"""


def test_a_stance_in_a_coordinated_clause_with_its_own_subject():
    doc = hand_doc("Farmers were split, and most millers backed Voss.", _SPLIT, ents=((8, 9, "PERSON"),))
    assert found_at(stance_object.held_at, doc) == [("indirect", "Voss", "backed")]


def test_a_stance_in_a_coordinated_clause_without_a_subject_is_not():
    doc = hand_doc("Farmers were split, and then backed Voss.", """
        Farmers  NOUN  NNS nsubj  1 farmer
        were     AUX   VBD ROOT   1 be
        split    ADJ   JJ  acomp  1
        ,        PUNCT ,   punct  1
        and      CCONJ CC  cc     1
        then     ADV   RB  advmod 6
        backed   VERB  VBD conj   1 back
        Voss     PROPN NNP dobj   6
        .        PUNCT .   punct  1
    """, ents=((7, 8, "PERSON"),))
    assert found_at(stance_object.held_at, doc) == []


def test_the_frames_shape_keeps_a_pronoun_out():
    doc = hand_doc("The union endorsed her.", """
        The      DET   DT  det    1
        union    NOUN  NN  nsubj  2
        endorsed VERB  VBD ROOT   2 endorse
        her      PRON  PRP dobj   2
        .        PUNCT .   punct  2
    """)
    assert found_at(stance_object.at, doc) == []
