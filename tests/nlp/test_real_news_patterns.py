"""Attribution patterns common in real political news (sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, content, speaker", [
    # A straight opening mark closed by a curly one, as web copy often has it.
    ('"The plan has a hole in it,” said Tom Reyes, a professor.', "The plan has a hole in it", "Tom Reyes"),
    # Newspaper copy that writes every quotation mark as two apostrophes.
    ("''Turnout will be higher than anyone thinks,'' Ms. Alvarez said.",
     "Turnout will be higher than anyone thinks", "Alvarez"),
    # A possessive apostrophe inside the attribution is not a quotation mark.
    ("“The river will crest by Friday night,” Nell Ames, the Harris’ family lawyer, said.",
     "The river will crest by Friday night", "Nell Ames"),
])
def test_real_news_direct_quote_marks_and_speakers(quotes_in, text, content, speaker):
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker == speaker
