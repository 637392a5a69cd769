"""``called the bridge "a mistake" because few people use it``: a ``because`` clause right after a
report's content is the speaker's reason, part of what was said (``quotes/reason.py``)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import reports
from annotator.nlp.quotes.scan import QuoteScan
from tests.nlp.hand_docs import hand_doc

_REASON = 'Dr. Ito calls the bridge "a mistake" because few people use it.'
_REASON_ROWS = """
    Dr.      PROPN NNP compound 1
    Ito      PROPN NNP nsubj    2
    calls    VERB  VBZ ROOT     2 call
    the      DET   DT  det      4
    bridge   NOUN  NN  dobj     2
    "        PUNCT ``  punct    7
    a        DET   DT  det      7
    mistake  NOUN  NN  oprd     2
    "        PUNCT ''  punct    7
    because  SCONJ IN  mark     12
    few      ADJ   JJ  amod     11
    people   NOUN  NNS nsubj    12
    use      VERB  VBP advcl    2
    it       PRON  PRP dobj     12
    .        PUNCT .   punct    2
"""


def _reports(text: str, rows: str) -> list[tuple[str, str]]:
    scan = QuoteScan.of(hand_doc(text, rows), Lexicon())
    return [(f.quote_type, f.span.text) for f in reports.find(scan)]


def test_a_because_clause_right_after_a_naming_is_the_speakers_reason():
    assert _reports(_REASON, _REASON_ROWS) == [("mixed", 'the bridge "a mistake" because few people use it')]


def test_a_because_clause_after_a_comma_is_left_out():
    text = 'Dr. Ito calls the bridge "a mistake", because few people use it.'
    rows = """
        Dr.      PROPN NNP compound 1
        Ito      PROPN NNP nsubj    2
        calls    VERB  VBZ ROOT     2 call
        the      DET   DT  det      4
        bridge   NOUN  NN  dobj     2
        "        PUNCT ``  punct    7
        a        DET   DT  det      7
        mistake  NOUN  NN  oprd     2
        "        PUNCT ''  punct    7
        ,        PUNCT ,   punct    2
        because  SCONJ IN  mark     13
        few      ADJ   JJ  amod     12
        people   NOUN  NNS nsubj    13
        use      VERB  VBP advcl    2
        it       PRON  PRP dobj     13
        .        PUNCT .   punct    2
    """
    assert _reports(text, rows) == [("mixed", 'the bridge "a mistake"')]


def test_because_of_is_no_reason_clause():
    text = 'Dr. Ito calls the bridge "a mistake" because of the cost.'
    rows = """
        Dr.      PROPN NNP compound 1
        Ito      PROPN NNP nsubj    2
        calls    VERB  VBZ ROOT     2 call
        the      DET   DT  det      4
        bridge   NOUN  NN  dobj     2
        "        PUNCT ``  punct    7
        a        DET   DT  det      7
        mistake  NOUN  NN  oprd     2
        "        PUNCT ''  punct    7
        because  SCONJ IN  prep     2
        of       ADP   IN  pcomp    9
        the      DET   DT  det      12
        cost     NOUN  NN  pobj     10
        .        PUNCT .   punct    2
    """
    assert _reports(text, rows) == [("mixed", 'the bridge "a mistake"')]
