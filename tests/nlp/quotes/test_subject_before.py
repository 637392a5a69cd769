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
