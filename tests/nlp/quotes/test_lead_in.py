"""Words of the quoted clause before the opening mark, with the cue after the quote:
``But "the budget will not balance itself," Ruiz said`` is one mixed quote (``quotes/lead_in.py``)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteScan, direct, lead_in
from tests.nlp.hand_docs import hand_doc


def _found(text: str, rows: str) -> list[tuple[str, str, str | None]]:
    """What the direct rule finds, then the lead-in pass over it."""
    scan = QuoteScan.of(hand_doc(text, rows), Lexicon())
    return [(f.quote_type, f.span.text, f.cue.text if f.cue is not None else None)
            for f in lead_in.extend(direct.find(scan), scan)]


_BUT = 'But "the budget will not balance itself," Ruiz said.'
_BUT_ROWS = """
    But     CCONJ CC  cc     6
    "       PUNCT ``  punct  6
    the     DET   DT  det    3
    budget  NOUN  NN  nsubj  6
    will    AUX   MD  aux    6
    not     PART  RB  neg    6
    balance VERB  VB  ccomp  11
    itself  PRON  PRP dobj   6
    ,       PUNCT ,   punct  11
    "       PUNCT ''  punct  11
    Ruiz    PROPN NNP nsubj  11
    said    VERB  VBD ROOT   11 say
    .       PUNCT .   punct  11
"""


def test_a_conjunction_hung_inside_the_quote_leads_into_one_mixed_quote():
    assert _found(_BUT, _BUT_ROWS) == [("mixed", 'But "the budget will not balance itself,"', "said")]


def test_a_word_hung_outside_the_quote_stays_out():
    rows = _BUT_ROWS.replace("But     CCONJ CC  cc     6", "But     CCONJ CC  cc     11")
    assert _found(_BUT, rows) == [("direct", "the budget will not balance itself", "said")]


_BOARD = 'The board\'s "decision was made in the dark," Ruiz said.'
_BOARD_ROWS = """
    The      DET   DT  det       1
    board    NOUN  NN  poss      4
    's       PART  POS case      1
    "        PUNCT ``  punct     4
    decision NOUN  NN  nsubjpass 6
    was      AUX   VBD auxpass   6
    made     VERB  VBN ccomp     13 make
    in       ADP   IN  prep      6
    the      DET   DT  det       9
    dark     NOUN  NN  pobj      7
    ,        PUNCT ,   punct     13
    "        PUNCT ''  punct     13
    Ruiz     PROPN NNP nsubj     13
    said     VERB  VBD ROOT      13 say
    .        PUNCT .   punct     13
"""


def test_a_possessive_before_the_mark_whose_noun_is_quoted_leads_in():
    assert _found(_BOARD, _BOARD_ROWS) == [("mixed", 'The board\'s "decision was made in the dark,"', "said")]


_WHETHER = 'Whether the town "can afford another year of this," Ruiz asked.'
_WHETHER_ROWS = """
    Whether SCONJ IN  mark   5
    the     DET   DT  det    2
    town    NOUN  NN  nsubj  5
    "       PUNCT ``  punct  5
    can     AUX   MD  aux    5
    afford  VERB  VB  advcl  13
    another DET   DT  det    7
    year    NOUN  NN  dobj   5
    of      ADP   IN  prep   7
    this    PRON  DT  pobj   8
    ,       PUNCT ,   punct  13
    "       PUNCT ''  punct  13
    Ruiz    PROPN NNP nsubj  13
    asked   VERB  VBD ROOT   13 ask
    .       PUNCT .   punct  13
"""


def test_a_question_s_whether_and_subject_lead_into_what_was_asked():
    assert _found(_WHETHER, _WHETHER_ROWS) == [
        ("mixed", 'Whether the town "can afford another year of this,"', "asked")]


_COMMA = 'In past years, "we could count on the state," Ruiz said.'
_COMMA_ROWS = """
    In    ADP   IN  prep   7
    past  ADJ   JJ  amod   2
    years NOUN  NNS pobj   0 year
    ,     PUNCT ,   punct  7
    "     PUNCT ``  punct  7
    we    PRON  PRP nsubj  7
    could AUX   MD  aux    7
    count VERB  VB  ccomp  14
    on    ADP   IN  prep   7
    the   DET   DT  det    10
    state NOUN  NN  pobj   8
    ,     PUNCT ,   punct  14
    "     PUNCT ''  punct  14
    Ruiz  PROPN NNP nsubj  14
    said  VERB  VBD ROOT   14 say
    .     PUNCT .   punct  14
"""


def test_a_comma_right_before_the_mark_keeps_the_quote_direct():
    assert _found(_COMMA, _COMMA_ROWS) == [("direct", "we could count on the state", "said")]


_THAT = 'Ruiz said that "the budget will not balance itself."'
_THAT_ROWS = """
    Ruiz    PROPN NNP nsubj  1
    said    VERB  VBD ROOT   1 say
    that    SCONJ IN  mark   8
    "       PUNCT ``  punct  8
    the     DET   DT  det    5
    budget  NOUN  NN  nsubj  8
    will    AUX   MD  aux    8
    not     PART  RB  neg    8
    balance VERB  VB  ccomp  1
    itself  PRON  PRP dobj   8
    .       PUNCT .   punct  1
    "       PUNCT ''  punct  1
"""


def test_a_quote_with_its_cue_before_it_keeps_its_that_outside_and_stays_direct():
    assert _found(_THAT, _THAT_ROWS) == [("direct", "the budget will not balance itself", "said")]


_QUESTION = 'Day 2 "Is the levy fair?," Ruiz asked.'
_QUESTION_ROWS = """
    Day   NOUN  NN  npadvmod 6
    2     NUM   CD  nummod   0
    "     PUNCT ``  punct    3
    Is    AUX   VBZ ROOT     3 be
    the   DET   DT  det      5
    levy  NOUN  NN  nsubj    3
    fair  ADJ   JJ  acomp    3
    ?     PUNCT .   punct    3
    ,     PUNCT ,   punct    3
    "     PUNCT ''  punct    3
    Ruiz  PROPN NNP nsubj    11
    asked VERB  VBD ROOT     11 ask
    .     PUNCT .   punct    11
"""


def test_a_quoted_sentence_of_its_own_stays_direct_whatever_the_parser_hangs_before_it():
    assert _found(_QUESTION, _QUESTION_ROWS) == [("direct", "Is the levy fair?", "asked")]
