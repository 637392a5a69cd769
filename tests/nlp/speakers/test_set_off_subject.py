"""An attribution set off by commas whose subject the parser misread (``speakers.set_off_subject``):
the words between the opening comma and the verb say it, and the quote rules read both pieces;
hand-built parses as the small English model gives them, sentences of our own."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import inverted
from annotator.nlp.speakers.set_off_subject import set_off_phrase
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

#: The sentence's subject hung on the speech verb, the real subject on the word before the comma.
_GROWERS = """
    The      DET   DT  det        1
    source   NOUN  NN  nsubj      10
    of       ADP   IN  prep       1
    the      DET   DT  det        4
    delay    NOUN  NN  pobj       2
    ,        PUNCT ,   punct      4
    local    ADJ   JJ  amod       7
    growers  NOUN  NNS conj       4 grower
    and      CCONJ CC  cc         7
    traders  NOUN  NNS conj       7 trader
    say      VERB  VBP parataxis  12
    ,        PUNCT ,   punct      10
    is       AUX   VBZ ROOT       12 be
    the      DET   DT  det        15
    new      ADJ   JJ  amod       15
    toll     NOUN  NN  attr       12
    .        PUNCT .   punct      12
"""
_GROWERS_TEXT = "The source of the delay, local growers and traders say, is the new toll."


def test_the_words_after_the_opening_comma_say_it():
    doc = hand_doc(_GROWERS_TEXT, _GROWERS)
    assert set_off_phrase(doc[10], Lexicon()).text == "local growers and traders"


def test_both_pieces_of_the_sentence_are_reported():
    doc = hand_doc(_GROWERS_TEXT, _GROWERS)
    assert sorted(found_at(inverted.at, doc)) == [("indirect", "The source of the delay", "say"),
                                                  ("indirect", "is the new toll", "say")]


def test_a_quantity_read_as_an_adjective_says_it():
    doc = hand_doc("The toll, many argue, will hurt the port.", """
        The    DET   DT  det        1
        toll   NOUN  NN  nsubj      7
        ,      PUNCT ,   punct      1
        many   ADJ   JJ  amod       1
        argue  VERB  VBP parataxis  7
        ,      PUNCT ,   punct      4
        will   AUX   MD  aux        7
        hurt   VERB  VB  ROOT       7
        the    DET   DT  det        9
        port   NOUN  NN  dobj       7
        .      PUNCT .   punct      7
    """)
    assert set_off_phrase(doc[4], Lexicon()).text == "many"


def test_a_verb_with_its_own_subject_after_the_comma_is_left_to_the_other_rules():
    doc = hand_doc("The ferry, she said, will run again.", """
        The    DET   DT  det        1
        ferry  NOUN  NN  nsubj      7
        ,      PUNCT ,   punct      4
        she    PRON  PRP nsubj      4
        said   VERB  VBD parataxis  7 say
        ,      PUNCT ,   punct      4
        will   AUX   MD  aux        7
        run    VERB  VB  ROOT       7
        again  ADV   RB  advmod     7
        .      PUNCT .   punct      7
    """)
    assert set_off_phrase(doc[4], Lexicon()) is None


def test_an_attribution_closing_its_sentence_is_not_set_off():
    """``…, local traders say.``: no comma after the verb goes on with the sentence."""
    doc = hand_doc("The toll is too high, local traders say.", """
        The     DET   DT  det        1
        toll    NOUN  NN  nsubj      2
        is      AUX   VBZ ROOT       2 be
        too     ADV   RB  advmod     4
        high    ADJ   JJ  acomp      2
        ,       PUNCT ,   punct      2
        local   ADJ   JJ  amod       7
        traders NOUN  NNS appos      1 trader
        say     VERB  VBP parataxis  2
        .       PUNCT .   punct      2
    """)
    assert set_off_phrase(doc[8], Lexicon()) is None
