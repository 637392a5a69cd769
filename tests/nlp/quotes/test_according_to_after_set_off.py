"""``A, X found, and B, according to Y, C``: a report set off between commas before the cue's own
clause closes the clause another source reports; the first piece of ``according to`` starts after it
(``quotes/according_to.after_set_off_report``). Hand-built parses as the small English model gives
them, our own sentences."""

import pytest

from annotator.nlp.quotes import according_to
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_TEXT = ("Trade has slipped since the spring, a survey by the port college found, and the council, "
         "according to its clerk, will take up the plan.")
_ROWS = """
    Trade     NOUN  NN   nsubj    2
    has       AUX   VBZ  aux      2
    slipped   VERB  VBN  ROOT     2 slip
    since     SCONJ IN   prep     2
    the       DET   DT   det      5
    spring    NOUN  NN   pobj     3
    ,         PUNCT ,    punct    2
    a         DET   DT   det      8
    survey    NOUN  NN   appos    0
    by        ADP   IN   prep     8
    the       DET   DT   det      12
    port      NOUN  NN   compound 12
    college   NOUN  NN   pobj     9
    found     VERB  VBD  acl      8 find
    ,         PUNCT ,    punct    8
    and       CCONJ CC   cc       8
    the       DET   DT   det      17
    council   NOUN  NN   conj     8
    ,         PUNCT ,    punct    2
    according VERB  VBG  prep     2 accord
    to        ADP   IN   prep     19
    its       PRON  PRP$ poss     22
    clerk     NOUN  NN   pobj     20
    ,         PUNCT ,    punct    2
    will      AUX   MD   aux      25
    take      VERB  VB   conj     2
    up        ADP   RP   prt      25
    the       DET   DT   det      28
    plan      NOUN  NN   dobj     25
    .         PUNCT .    punct    2
"""


def test_the_first_piece_starts_after_the_set_off_report():
    doc = hand_doc(_TEXT, _ROWS)
    assert sorted(found_at(according_to.at, doc)) == [("indirect", "the council", "according to"),
                                                      ("indirect", "will take up the plan", "according to")]


@pytest.mark.model
def test_a_quote_and_its_attribution_before_the_cue_stay_whole(rule_quotes_in):
    # the comma right before ``according to`` is no set-off report's: the source reports the quote and who said it
    found = [(q.text, q.cue) for q in rule_quotes_in('"The fares will rise," Lee said, according to the memo.')]
    assert ('"The fares will rise," Lee said', "according to") in found
