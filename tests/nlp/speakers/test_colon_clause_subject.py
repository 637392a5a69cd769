"""A sentence ending in a colon before a quote hands the word to its subject even when the parser
roots the sentence inside the quote and hangs the clause before the colon on it
(``speakers/headline.py``); a text that reports (a letter, a memo) introduces a quote as a person
does (our own sentences, parsed by the real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("The story goes on.\n\nThe Elkton Harbour Board was firm in its ruling: "
     "\u201cFurther talk on this matter is not needed.\u201d", "Elkton Harbour Board"),
    ("The story goes on.\n\nMayor Tilda Varn was blunt about the ferry: "
     "\u201cThe old boats will not run another winter.\u201d", "Tilda Varn"),
])
def test_the_subject_of_the_clause_before_the_colon_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("The story goes on.\n\nThe Varn family letter makes a plain case: \u201cPeople who fish here hate every "
     "new rule. As we stand up for the harbour, we must stand together.\u201d", "The Varn family letter"),
    ("The story goes on.\n\nThe Elkton council memo was short: \u201cThe ferry stops in May.\u201d",
     "The Elkton council memo"),
])
def test_a_text_that_reports_introduces_the_quote_after_its_colon(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]
