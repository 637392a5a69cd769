"""A reported clause's ``that`` with a comma right after it (an aside before the clause goes on) is
part of what was said: ``said that, if elected, she would cut the levy``; a plain ``that`` is not."""

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ASIDE = "Ruiz said that, if elected, she would cut the levy."
_ASIDE_ROWS = """
    Ruiz    PROPN NNP nsubj  1
    said    VERB  VBD ROOT   1 say
    that    SCONJ IN  mark   9
    ,       PUNCT ,   punct  9
    if      SCONJ IN  mark   5
    elected VERB  VBN advcl  9 elect
    ,       PUNCT ,   punct  9
    she     PRON  PRP nsubj  9
    would   AUX   MD  aux    9
    cut     VERB  VB  ccomp  1
    the     DET   DT  det    11
    levy    NOUN  NN  dobj   9
    .       PUNCT .   punct  1
"""


def test_a_that_before_an_aside_starts_the_reported_clause():
    assert found_at(reported.at, hand_doc(_ASIDE, _ASIDE_ROWS)) == [
        ("indirect", "that, if elected, she would cut the levy", "said")]


_PLAIN = "Ruiz said that the levy was unfair."
_PLAIN_ROWS = """
    Ruiz   PROPN NNP nsubj  1
    said   VERB  VBD ROOT   1 say
    that   SCONJ IN  mark   5
    the    DET   DT  det    4
    levy   NOUN  NN  nsubj  5
    was    AUX   VBD ccomp  1 be
    unfair ADJ   JJ  acomp  5
    .      PUNCT .   punct  1
"""


def test_a_plain_that_stays_out_of_the_reported_clause():
    assert found_at(reported.at, hand_doc(_PLAIN, _PLAIN_ROWS)) == [("indirect", "the levy was unfair", "said")]
