"""A content that opens with a ``that`` which is not its subject starts after it
(``quotes/leading_that.py``, session 44), on sentences written for these tests."""

import pytest
from spacy.tokens import Span

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.leading_that import left_out
from tests.nlp.hand_docs import hand_doc

_TEXT = "Ruiz rejected that plan outright ."
_ROWS = """
    Ruiz      PROPN NNP nsubj  1
    rejected  VERB  VBD ROOT   1 reject
    that      DET   DT  det    3
    plan      NOUN  NN  dobj   1
    outright  ADV   RB  advmod 1
    .         PUNCT .   punct  1
"""


def _left_out(start: int, end: int, quote_type: str = "indirect") -> list[str]:
    doc = hand_doc(_TEXT, _ROWS)
    return [f.span.text for f in left_out([FoundQuote(Span(doc, start, end), quote_type, doc[1:2])])]


def test_a_determiner_that_opening_a_content_is_left_out():
    assert _left_out(2, 5) == ["plan outright"]


def test_a_direct_quote_keeps_its_first_word():
    assert _left_out(2, 5, "direct") == ["that plan outright"]


def test_a_content_of_that_alone_stays():
    assert _left_out(2, 3) == ["that"]


@pytest.mark.model
@pytest.mark.parametrize("text, content", [
    ("The harbour board rejected that plan on Friday.", "plan"),
    ("That levy, the clerk said, would be dropped in May.", "levy"),
    ("Ruiz later called that report a fabrication.", "report a fabrication"),
])
def test_reports_open_after_a_determiner_that(quotes_in, text, content):
    assert content in [q.text for q in quotes_in(text)]


@pytest.mark.model
@pytest.mark.parametrize("text, content", [
    ("The clerk said that was the wrong ferry.", "that was the wrong ferry"),
    ("Ruiz said that, if the river floods, the ferry will not sail.", "that, if the river floods, the ferry will not sail"),
])
def test_a_that_as_subject_or_before_an_aside_stays(quotes_in, text, content):
    assert content in [q.text for q in quotes_in(text)]
