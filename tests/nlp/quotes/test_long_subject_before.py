"""A long subject before the opening mark (``subject_before``): a subject with a phrase and a
coordinated noun set off by commas is still the quoted verb's subject, and joins the quote."""

from annotator.nlp.quotes import direct
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_LONG = 'Farm groups across the region, and especially the dairy unions, "will not accept this levy," Ode said.'
_LONG_ROWS = """
    Farm       NOUN  NN  compound 1
    groups     NOUN  NNS nsubj    15
    across     ADP   IN  prep     1
    the        DET   DT  det      4
    region     NOUN  NN  pobj     2
    ,          PUNCT ,   punct    1
    and        CCONJ CC  cc       1
    especially ADV   RB  advmod   10
    the        DET   DT  det      10
    dairy      NOUN  NN  compound 10
    unions     NOUN  NNS conj     1
    ,          PUNCT ,   punct    1
    "          PUNCT ``  punct    15
    will       AUX   MD  aux      15
    not        PART  RB  neg      15
    accept     VERB  VB  ccomp    21
    this       DET   DT  det      17
    levy       NOUN  NN  dobj     15
    ,          PUNCT ,   punct    21
    "          PUNCT ''  punct    21
    Ode        PROPN NNP nsubj    21
    said       VERB  VBD ROOT     21 say
    .          PUNCT .   punct    21
"""


def test_a_subject_with_commas_inside_it_joins_the_quote_as_mixed():
    assert found_by(direct.find, hand_doc(_LONG, _LONG_ROWS)) == [
        ("mixed", 'Farm groups across the region, and especially the dairy unions, "will not accept this levy,"', "said")]


_OWN_CLAUSE = 'Prices rose, and farmers "will not accept this levy now," Ode said.'
_OWN_CLAUSE_ROWS = """
    Prices  NOUN  NNS nsubj  1
    rose    VERB  VBD ccomp  15
    ,       PUNCT ,   punct  1
    and     CCONJ CC  cc     1
    farmers NOUN  NNS nsubj  8
    "       PUNCT ``  punct  8
    will    AUX   MD  aux    8
    not     PART  RB  neg    8
    accept  VERB  VB  conj   1
    this    DET   DT  det    10
    levy    NOUN  NN  dobj   8
    now     ADV   RB  advmod 8
    ,       PUNCT ,   punct  15
    "       PUNCT ''  punct  15
    Ode     PROPN NNP nsubj  15
    said    VERB  VBD ROOT   15 say
    .       PUNCT .   punct  15
"""


def test_a_clause_of_its_own_before_the_subject_keeps_the_quote_alone():
    """``Prices rose`` is the reporter's clause: only ``farmers`` is the quoted verb's subject, and
    the words before it are not part of that subject."""
    assert found_by(direct.find, hand_doc(_OWN_CLAUSE, _OWN_CLAUSE_ROWS)) == [
        ("direct", "will not accept this levy now", "said")]


def test_quoted_words_that_open_a_sentence_of_their_own_keep_the_long_subject_out():
    """A capital after the mark opens the speaker's own sentence: the words before it are not its
    subject, however the parser hangs them."""
    text = _LONG.replace('"will not accept this levy,"', '"Will not accept this levy,"')
    rows = _LONG_ROWS.replace("will       AUX", "Will       AUX")
    assert found_by(direct.find, hand_doc(text, rows)) == [("direct", "Will not accept this levy", "said")]
