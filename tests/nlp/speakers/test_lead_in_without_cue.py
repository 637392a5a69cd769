"""A quote without a cue whose lead-in words join it (``quotes/lead_in.py``: ``But "…"`` is one mixed
quote) keeps the speaker the rules for direct quotes gave its quoted passage (``continuation``,
``sentence_subject``, ``spoken_before`` read ``SpeakerScan.quoted_part``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.scan import SpeakerScan
from tests.nlp.hand_docs import hand_doc


@pytest.mark.model
@pytest.mark.parametrize("text, quote, speaker", [
    # continuation: the quote after a cued one in its paragraph
    ('"The budget will not balance itself," Mayor Ruiz said on Monday. And "the state has to carry its share '
     'of the cost."', 'And "the state has to carry its share of the cost."', "Ruiz"),
    ('"The budget will not balance itself," Mayor Ruiz said on Monday. Still, the state "has to carry its '
     'share of the cost."', 'Still, the state "has to carry its share of the cost."', "Ruiz"),
    # sentence subject: the subject of the sentence before
    ('Ms. Pike spoke at length. But "we will not wait for the state to act."',
     'But "we will not wait for the state to act."', "Pike"),
])
def test_a_cueless_quote_with_lead_in_words_keeps_its_speaker(rule_quotes_in, text, quote, speaker):
    found = rule_quotes_in(text)[-1]
    assert (found.type, found.text, found.cue, found.speaker) == ("mixed", quote, None, speaker)


_TEXT = 'Yet "the levy stays," Ruiz said of "the plan" and "its cost."'
_ROWS = """
    Yet    CCONJ CC  cc     4
    "      PUNCT ``  punct  4
    the    DET   DT  det    3
    levy   NOUN  NN  nsubj  4
    stays  VERB  VBZ ccomp  8 stay
    ,      PUNCT ,   punct  8
    "      PUNCT ''  punct  8
    Ruiz   PROPN NNP nsubj  8
    said   VERB  VBD ROOT   8 say
    of     ADP   IN  prep   8
    "      PUNCT ``  punct  12
    the    DET   DT  det    12
    plan   NOUN  NN  pobj   9
    "      PUNCT ''  punct  12
    and    CCONJ CC  cc     12
    "      PUNCT ``  punct  18
    its    PRON  PRP poss   18
    cost   NOUN  NN  conj   12
    .      PUNCT .   punct  18
    "      PUNCT ''  punct  18
"""


def _part(start: int, end: int, kind: str) -> str | None:
    doc = hand_doc(_TEXT, _ROWS)
    quote = Span(doc, start, end)
    quote._.quote_type = kind
    part = SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon(), quotes=[quote]).quoted_part(quote)
    return part.text if part is not None else None


def test_the_quoted_part_of_lead_in_words_and_one_passage_is_the_passage():
    assert _part(0, 7, "mixed") == "the levy stays"


def test_a_direct_quote_is_its_own_quoted_part():
    assert _part(2, 5, "direct") == "the levy stays"


def test_a_mixed_quote_with_quoted_words_before_its_last_passage_has_no_quoted_part():
    assert _part(9, 20, "mixed") is None


def test_a_mixed_quote_that_stops_short_of_a_closing_mark_has_no_quoted_part():
    assert _part(0, 5, "mixed") is None


def test_an_indirect_quote_has_no_quoted_part():
    assert _part(11, 13, "indirect") is None
