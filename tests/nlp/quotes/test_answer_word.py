"""``said yes``, ``said no to a new levy``: the answer a verb of saying takes as its object is what was
said (``quotes/answer_word.py``; hand-built parses as the small English model gives them, our own
sentences)."""

import pytest

from annotator.nlp.quotes import QuoteFinder
from tests.nlp.hand_docs import hand_doc


def _found(doc):
    return sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(doc))


def test_answer_word_yes_is_what_was_said():
    doc = hand_doc("Most of the drivers said yes.", """
        Most       ADJ   JJS  nsubj       4 most
        of         ADP   IN   prep        0 of
        the        DET   DT   det         3 the
        drivers    NOUN  NNS  pobj        1 driver
        said       VERB  VBD  ROOT        4 say
        yes        INTJ  UH   intj        4 yes
        .          PUNCT .    punct       4 .
    """)
    assert _found(doc) == [("indirect", "yes", "said")]


def test_answer_word_no_takes_the_to_phrase_the_parser_hangs_it_on():
    doc = hand_doc("Voss said no to a harbour levy in March.", """
        Voss       PROPN NNP  nsubj       1 voss
        said       VERB  VBD  ROOT        1 say
        no         INTJ  UH   intj        3 no
        to         ADP   IN   prep        1 to
        a          DET   DT   det         6 a
        harbour    ADJ   JJ   compound    6 harbour
        levy       NOUN  NN   pobj        3 levy
        in         ADP   IN   prep        1 in
        March      PROPN NNP  pobj        7 march
        .          PUNCT .    punct       1 .
    """, ents=((0, 1, "PERSON"),))
    assert _found(doc) == [("indirect", "no to a harbour levy", "said")]


def test_answer_word_not_a_determiner():
    # ``no one``: the reported clause's subject, the reported-clause rule's
    doc = hand_doc("Voss said no one had called.", """
        Voss       PROPN NNP  nsubj       1 voss
        said       VERB  VBD  ROOT        1 say
        no         DET   DT   det         3 no
        one        NOUN  NN   nsubj       5 one
        had        AUX   VBD  aux         5 have
        called     VERB  VBN  ccomp       1 call
        .          PUNCT .    punct       1 .
    """, ents=((0, 1, "PERSON"),))
    assert _found(doc) == [("indirect", "no one had called", "said")]


def test_answer_word_not_when_the_answer_is_quoted():
    # between quote marks the answer is the direct rule's
    doc = hand_doc('Voss said "no" twice.', """
        Voss       PROPN NNP  nsubj       1 voss
        said       VERB  VBD  ROOT        1 say
        "          PUNCT ``   punct       3 "
        no         INTJ  UH   intj        1 no
        "          PUNCT ''   punct       3 "
        twice      ADV   RB   advmod      1 twice
        .          PUNCT .    punct       1 .
    """, ents=((0, 1, "PERSON"),))
    assert not any(f.rule == "reports:answer_word" for f in QuoteFinder().find(doc))


def test_answer_word_a_share_of_the_people_asked_answers():
    # ``a third``, ``a majority``: a share standing alone is people (``name_words.bare_share``)
    doc = hand_doc("A majority said no to the levy.", """
        A          DET   DT   det         1 a
        majority   NOUN  NN   nsubj       2 majority
        said       VERB  VBD  ROOT        2 say
        no         INTJ  UH   intj        4 no
        to         ADP   IN   prep        2 to
        the        DET   DT   det         6 the
        levy       NOUN  NN   pobj        4 levy
        .          PUNCT .    punct       2 .
    """)
    assert _found(doc) == [("indirect", "no to the levy", "said")]


def test_answer_word_a_share_of_a_thing_does_not_answer():
    # ``half of the fleet``: the share is its group's, and a fleet cannot speak
    doc = hand_doc("Half of the fleet said no to the plan.", """
        Half       NOUN  NN   nsubj       4 half
        of         ADP   IN   prep        0 of
        the        DET   DT   det         3 the
        fleet      NOUN  NN   pobj        1 fleet
        said       VERB  VBD  ROOT        4 say
        no         INTJ  UH   intj        6 no
        to         ADP   IN   prep        4 to
        the        DET   DT   det         8 the
        plan       NOUN  NN   pobj        6 plan
        .          PUNCT .    punct       4 .
    """)
    assert _found(doc) == []


@pytest.mark.model
def test_answer_word_with_the_model(quotes_in):
    found = [(q.text, q.speaker, q.cue) for q in quotes_in("Asked about the new toll, most of the drivers said yes.")]
    assert ("yes", "most of the drivers", "said") in found


@pytest.mark.model
def test_answer_word_second_answer_by_a_share_with_the_model(quotes_in):
    found = [(q.text, q.speaker) for q in quotes_in("Sixty-one percent said yes, but a third said no to the new levy.")]
    assert ("no to the new levy", "a third") in found


def test_answer_word_said_so_is_what_was_said():
    # ``so`` stands for an earlier report (``_pro_form``)
    doc = hand_doc("After the vote, the mayor said so in a letter.", """
        After      ADP   IN   prep        6 after
        the        DET   DT   det         2 the
        vote       NOUN  NN   pobj        0 vote
        ,          PUNCT ,    punct       6 ,
        the        DET   DT   det         5 the
        mayor      NOUN  NN   nsubj       6 mayor
        said       VERB  VBD  ROOT        6 say
        so         ADV   RB   advmod      6 so
        in         ADP   IN   prep        6 in
        a          DET   DT   det        10 a
        letter     NOUN  NN   pobj        8 letter
        .          PUNCT .    punct       6 .
    """)
    assert _found(doc) == [("indirect", "so", "said")]


def test_answer_word_the_same_misread_as_a_second_subject():
    # the parser makes ``the same`` a subject after the verb; the share before it is the speaker
    doc = hand_doc("In March, 26 percent said the same.", """
        In         ADP   IN   prep        5 in
        March      PROPN NNP  pobj        0 march
        ,          PUNCT ,    punct       5 ,
        26         NUM   CD   nummod      4 26
        percent    NOUN  NN   nsubj       5 percent
        said       VERB  VBD  ROOT        5 say
        the        DET   DT   det         7 the
        same       ADJ   JJ   nsubj       5 same
        .          PUNCT .    punct       5 .
    """)
    assert _found(doc) == [("indirect", "the same", "said")]


def test_answer_word_the_same_takes_its_of_phrase():
    doc = hand_doc("Most of the growers said the same of the pier.", """
        Most       ADJ   JJS  nsubj       4 most
        of         ADP   IN   prep        0 of
        the        DET   DT   det         3 the
        growers    NOUN  NNS  pobj        1 grower
        said       VERB  VBD  ROOT        4 say
        the        DET   DT   det         6 the
        same       ADJ   JJ   npadvmod    4 same
        of         ADP   IN   prep        6 of
        the        DET   DT   det         9 the
        pier       NOUN  NN   pobj        7 pier
        .          PUNCT .    punct       4 .
    """)
    assert _found(doc) == [("indirect", "the same of the pier", "said")]


def test_answer_word_so_far_is_no_answer():
    # ``so far``: ``so`` qualifies the adverb after it, and the clause is the reported-clause rule's
    doc = hand_doc("Voss said so far the pier had held.", """
        Voss       PROPN NNP  nsubj       1 voss
        said       VERB  VBD  ROOT        1 say
        so         ADV   RB   advmod      3 so
        far        ADV   RB   advmod      7 far
        the        DET   DT   det         5 the
        pier       NOUN  NN   nsubj       7 pier
        had        AUX   VBD  aux         7 have
        held       VERB  VBN  ccomp       1 hold
        .          PUNCT .    punct       1 .
    """, ents=((0, 1, "PERSON"),))
    assert not any(f.rule == "reports:answer_word" for f in QuoteFinder().find(doc))


def test_answer_word_so_before_an_adjective_is_no_answer():
    # ``said so little``: ``so`` is the adjective's, whatever the parser hangs it on
    doc = hand_doc("Voss said so little.", """
        Voss       PROPN NNP  nsubj       1 voss
        said       VERB  VBD  ROOT        1 say
        so         ADV   RB   advmod      1 so
        little     ADJ   JJ   dobj        1 little
        .          PUNCT .    punct       1 .
    """, ents=((0, 1, "PERSON"),))
    assert not any(f.rule == "reports:answer_word" for f in QuoteFinder().find(doc))


@pytest.mark.model
def test_answer_word_said_so_with_the_model(quotes_in):
    found = [(q.text, q.speaker, q.cue) for q in quotes_in("After the vote, the mayor said so in a letter.")]
    assert ("so", "the mayor", "said") in found


def test_answer_word_a_verb_of_thinking_takes_so():
    doc = hand_doc("Most growers think so.", """
        Most       ADJ   JJS  amod        1 most
        growers    NOUN  NNS  nsubj       2 grower
        think      VERB  VBP  ROOT        2 think
        so         ADV   RB   advmod      2 so
        .          PUNCT .    punct       2 .
    """)
    assert _found(doc) == [("indirect", "so", "think")]


def test_answer_word_a_verb_of_thinking_takes_no_echo():
    # ``thought the same``: left to the object rules, as a verb of thinking's other objects
    doc = hand_doc("Most growers thought the same.", """
        Most       ADJ   JJS  amod        1 most
        growers    NOUN  NNS  nsubj       2 grower
        thought    VERB  VBD  ROOT        2 think
        the        DET   DT   det         4 the
        same       ADJ   JJ   dobj        2 same
        .          PUNCT .    punct       2 .
    """)
    assert not any(f.rule == "reports:answer_word" for f in QuoteFinder().find(doc))
