"""A direct quote without a cue takes its lead-in words too (``quotes/lead_in.py``): ``Yet "the
levy stays."`` after a sentence of its own is one mixed quote; its speaker comes from the rules for
direct quotes, which read its quoted passage (``tests/nlp/speakers/test_lead_in_without_cue.py``)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteScan, direct, lead_in
from tests.nlp.hand_docs import hand_doc

_TEXT = 'Ruiz left the room. Yet "the levy stays in place."'
_ROWS = """
    Ruiz   PROPN NNP nsubj  1
    left   VERB  VBD ROOT   1 leave
    the    DET   DT  det    3
    room   NOUN  NN  dobj   1
    .      PUNCT .   punct  1
    Yet    CCONJ CC  cc     9
    "      PUNCT ``  punct  9
    the    DET   DT  det    8
    levy   NOUN  NN  nsubj  9
    stays  VERB  VBZ ROOT   9 stay
    in     ADP   IN  prep   9
    place  NOUN  NN  pobj   10
    .      PUNCT .   punct  9
    "      PUNCT ''  punct  9
"""


def _found(rows: str) -> list[tuple[str, str, str | None]]:
    scan = QuoteScan.of(hand_doc(_TEXT, rows), Lexicon())
    return [(f.quote_type, f.span.text, f.cue.text if f.cue is not None else None)
            for f in lead_in.extend(direct.find(scan), scan)]


def test_a_quote_without_a_cue_takes_the_conjunction_hung_inside_it():
    assert _found(_ROWS) == [("mixed", 'Yet "the levy stays in place."', None)]


def test_a_quote_without_a_cue_leaves_a_word_hung_outside_it():
    rows = _ROWS.replace("Yet    CCONJ CC  cc     9", "Yet    CCONJ CC  cc     1")
    assert _found(rows) == [("direct", "the levy stays in place", None)]
