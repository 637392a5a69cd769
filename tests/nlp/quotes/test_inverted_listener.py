"""An attribution set off by commas inside a sentence, with the listener of a verb of telling or a
phrase of time, place or medium after its verb (``, the captain told them,``, ``, she said in an
interview,``): both pieces are reported, as without them (``inverted.attribution_end``); hand-built
parses as the small English model gives them, sentences of our own."""

from annotator.nlp.quotes import inverted
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_a_listener_after_the_verb_of_a_set_off_attribution():
    doc = hand_doc("The fix, the captain told them, would be cheap.", """
        The      DET   DT  det        1
        fix      NOUN  NN  nsubj      9
        ,        PUNCT ,   punct      5
        the      DET   DT  det        4
        captain  NOUN  NN  nsubj      5
        told     VERB  VBD parataxis  9 tell
        them     PRON  PRP dobj       5 they
        ,        PUNCT ,   punct      5
        would    AUX   MD  aux        9
        be       AUX   VB  ROOT       9 be
        cheap    ADJ   JJ  acomp      9
        .        PUNCT .   punct      9
    """)
    assert sorted(found_at(inverted.at, doc)) == [("indirect", "The fix", "told"),
                                                  ("indirect", "would be cheap", "told")]


_FERRY = """
    The       DET   DT  det        1
    ferry     NOUN  NN  nsubj      10
    ,         PUNCT ,   punct      4
    she       PRON  PRP nsubj      4
    {verb}    VERB  VBD parataxis  10 {lemma}
    in        ADP   IN  prep       4
    an        DET   DT  det        7
    interview NOUN  NN  pobj       5
    ,         PUNCT ,   punct      4
    will      AUX   MD  aux        10
    run       VERB  VB  ROOT       10
    again     ADV   RB  advmod     10
    in        ADP   IN  prep       10
    May       PROPN NNP pobj       12
    .         PUNCT .   punct      10
"""


def test_a_phrase_of_medium_after_the_verb_of_a_set_off_attribution():
    doc = hand_doc("The ferry, she said in an interview, will run again in May.", _FERRY.format(verb="said", lemma="say"))
    assert sorted(found_at(inverted.at, doc)) == [("indirect", "The ferry", "said"),
                                                  ("indirect", "will run again in May", "said")]


def test_the_object_of_a_verb_without_a_listener_is_what_was_said():
    """``, she wrote a letter,``: only a verb of telling has a listener; another's object is what it says."""
    rows = """
        The      DET   DT  det        1
        ferry    NOUN  NN  nsubj      8
        ,        PUNCT ,   punct      4
        she      PRON  PRP nsubj      4
        wrote    VERB  VBD parataxis  8 write
        letters  NOUN  NNS dobj       4 letter
        ,        PUNCT ,   punct      4
        will     AUX   MD  aux        8
        run      VERB  VB  ROOT       8
        again    ADV   RB  advmod     8
        .        PUNCT .   punct      8
    """
    doc = hand_doc("The ferry, she wrote letters, will run again.", rows)
    assert found_at(inverted.at, doc) == []
