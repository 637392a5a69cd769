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


@pytest.mark.model
def test_answer_word_with_the_model(quotes_in):
    found = [(q.text, q.speaker, q.cue) for q in quotes_in("Asked about the new toll, most of the drivers said yes.")]
    assert ("yes", "most of the drivers", "said") in found
