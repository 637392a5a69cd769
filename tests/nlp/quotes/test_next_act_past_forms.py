"""The speaker's next act after a promise in the perfect (``has pledged to cut taxes and visited three
towns``): the tagger reads the coordinated past participle as a simple past (``visited`` VBD beside
``pledged`` VBN), so the two past forms count as one form and the promise stops before ``and``."""

from annotator.nlp.quotes import commitment
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_PERFECT = "The governor has pledged to cut taxes and visited three towns."
_PERFECT_ROWS = """
    The      DET   DT  det    1
    governor NOUN  NN  nsubj  3
    has      AUX   VBZ aux    3 have
    pledged  VERB  VBN ROOT   3 pledge
    to       PART  TO  aux    5
    cut      VERB  VB  xcomp  3
    taxes    NOUN  NNS dobj   5
    and      CCONJ CC  cc     5
    visited  VERB  VBD conj   5 visit
    three    NUM   CD  nummod 10
    towns    NOUN  NNS dobj   8
    .        PUNCT .   punct  3
"""

_PRESENT = "The governor pledges to cut taxes and visited three towns."
_PRESENT_ROWS = """
    The      DET   DT  det    1
    governor NOUN  NN  nsubj  2
    pledges  VERB  VBZ ROOT   2 pledge
    to       PART  TO  aux    4
    cut      VERB  VB  xcomp  2
    taxes    NOUN  NNS dobj   4
    and      CCONJ CC  cc     4
    visited  VERB  VBD conj   4 visit
    three    NUM   CD  nummod 9
    towns    NOUN  NNS dobj   7
    .        PUNCT .   punct  2
"""


def test_a_simple_past_after_a_perfect_promise_is_the_speakers_next_act():
    found = found_at(commitment.at, hand_doc(_PERFECT, _PERFECT_ROWS))
    assert found == [("indirect", "to cut taxes", "pledged")]


def test_a_verb_in_another_tense_than_the_promise_goes_on_with_it():
    """``pledges … and visited``: a present promise and a past verb are not one coordination."""
    found = found_at(commitment.at, hand_doc(_PRESENT, _PRESENT_ROWS))
    assert found == [("indirect", "to cut taxes and visited three towns", "pledges")]
