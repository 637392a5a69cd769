"""A speech verb the parser hangs as ``dep`` on the participle of a reduced relative it read as the
main verb still reports its clause, for the participle's subject (``reported._reduced_relative_subject``);
sentences of our own."""

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_GROWERS = """
    Most     ADJ   JJS amod   1
    growers  NOUN  NNS nsubj  5
    in       ADP   IN  prep   1
    the      DET   DT  det    4
    valley   NOUN  NN  pobj   2
    going    VERB  VBG ROOT   5 go
    to       ADP   IN  prep   5
    the      DET   DT  det    8
    polls    NOUN  NNS pobj   6
    {verb}   VERB  VBP dep    5 {lemma}
    they     PRON  PRP nsubj  12
    will     AUX   MD  aux    12
    back     VERB  VB  ccomp  9
    the      DET   DT  det    14
    levy     NOUN  NN  dobj   12
    .        PUNCT .   punct  5
"""


def test_a_speech_verb_hung_on_a_reduced_relatives_participle_reports_its_clause():
    doc = hand_doc("Most growers in the valley going to the polls say they will back the levy.",
                   _GROWERS.format(verb="say", lemma="say"))
    assert found_at(reported.at, doc) == [("indirect", "they will back the levy", "say")]


def test_a_verb_of_another_class_hung_there_reports_nothing():
    """Only a speech verb: ``hope`` (cognition) needs a subject of its own, as everywhere."""
    doc = hand_doc("Most growers in the valley going to the polls hope they will back the levy.",
                   _GROWERS.format(verb="hope", lemma="hope"))
    assert found_at(reported.at, doc) == []


def test_a_subject_apart_from_the_participle_speaks_for_nobody():
    rows = """
        Growers  NOUN  NNS nsubj  4
        ,        PUNCT ,   punct  4
        sadly    ADV   RB  advmod 4
        ,        PUNCT ,   punct  4
        going    VERB  VBG ROOT   4 go
        home     ADV   RB  advmod 4
        say      VERB  VBP dep    4 say
        they     PRON  PRP nsubj  9
        will     AUX   MD  aux    9
        sell     VERB  VB  ccomp  6
        .        PUNCT .   punct  4
    """
    doc = hand_doc("Growers, sadly, going home say they will sell.", rows)
    assert found_at(reported.at, doc) == []
