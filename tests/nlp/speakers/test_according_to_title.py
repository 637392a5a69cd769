"""``according_to``: a title between quotation marks after ``according to`` names the text that
reports (``…, according to "Harbour Days: A History."``), so the rule's answer stands although it is
quoted. Sentences of our own, parsed by the model."""

import pytest

pytestmark = pytest.mark.model


def test_a_quoted_book_title_after_according_to_speaks(rule_quotes_in):
    quotes = rule_quotes_in('The old ferry carried 200 cars a day, according to "Harbour Days: A History of '
                            'Dunmore," a book by Ann Varga.')
    assert [q.speaker for q in quotes] == ["Harbour Days: A History of Dunmore"]


def test_a_quoted_report_title_after_according_to_speaks(rule_quotes_in):
    quotes = rule_quotes_in('According to "The Valley Water Study," the reservoir will run dry by 2031.')
    assert [q.speaker for q in quotes] == ["Valley Water Study"]
