"""A quote's subject before its opening mark: ``The union "will not back down …," said Ode``."""

from annotator.nlp.quotes import direct
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_TEXT = 'The union "will not back down from this fight now," said Ode.'
_ROWS = """
    The       DET   DT  det    1
    union     NOUN  NN  nsubj  5
    "         PUNCT ``  punct  5
    will      AUX   MD  aux    5
    not       PART  RB  neg    5
    back      VERB  VB  ccomp  13
    down      ADP   RP  prt    5
    from      ADP   IN  prep   5
    this      DET   DT  det    9
    fight     NOUN  NN  pobj   7
    now       ADV   RB  advmod 5
    ,         PUNCT ,   punct  13
    "         PUNCT ''  punct  13
    said      VERB  VBD ROOT   13 say
    Ode       PROPN NNP nsubj  13
    .         PUNCT .   punct  13
"""


def test_subject_before_the_opening_mark_joins_the_quote_as_mixed():
    assert found_by(direct.find, hand_doc(_TEXT, _ROWS)) == [
        ("mixed", 'The union "will not back down from this fight now,"', "said")]


def test_words_before_the_mark_that_are_not_its_subject_stay_out():
    rows = _ROWS.replace("union     NOUN  NN  nsubj  5", "union     NOUN  NN  npadvmod 13")
    assert found_by(direct.find, hand_doc(_TEXT, rows)) == [("direct", "will not back down from this fight now", "said")]


_SHORT = 'Officials "are still counting," she said.'
_SHORT_ROWS = """
    Officials NOUN  NNS nsubj  4
    "         PUNCT ``  punct  4
    are       AUX   VBP aux    4
    still     ADV   RB  advmod 4
    counting  VERB  VBG ccomp  8
    ,         PUNCT ,   punct  8
    "         PUNCT ''  punct  8
    she       PRON  PRP nsubj  8
    said      VERB  VBD ROOT   8 say
    .         PUNCT .   punct  8
"""


def test_a_few_lower_case_words_with_their_subject_before_and_a_cue_after_are_one_mixed_quote():
    """Too short and in lower case for a direct quote of their own (a fragment), but their subject
    stands before the mark and the cue after it: what she said is the whole clause."""
    assert found_by(direct.find, hand_doc(_SHORT, _SHORT_ROWS)) == [
        ("mixed", 'Officials "are still counting,"', "said")]


def test_a_fragment_without_its_subject_before_it_stays_out():
    rows = _SHORT_ROWS.replace("Officials NOUN  NNS nsubj  4", "Officials NOUN  NNS npadvmod 8")
    assert found_by(direct.find, hand_doc(_SHORT, rows)) == []
