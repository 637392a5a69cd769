"""A sentence ending in a colon before a quote hands the word to its subject even when the parser
roots the sentence inside the quote and hangs the clause before the colon on it
(``speakers/headline.py``; our own sentences, parsed by the real model)."""

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
