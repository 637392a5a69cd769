"""``extent:participle``: a report that runs on over a participle after a comma (``…, throwing the
party into turmoil``) is offered the extent that stops before the comma (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.clause_end import trailing_participle_cut
from annotator.nlp.suggest.extents import EXTENT_SCORES, PARTICIPLE, extents


@pytest.mark.model
def test_a_participle_running_to_the_end_is_cut_at_its_comma(nlp_model):
    doc = nlp_model("Ruiz said the city would back the levy, raising its cost for every farm.")
    comma = next(t.i for t in doc if t.text == ",")
    assert trailing_participle_cut(doc, 2, len(doc) - 1) == comma


@pytest.mark.model
def test_a_participle_closed_by_a_comma_before_the_report_goes_on_is_kept(nlp_model):
    doc = nlp_model("Ruiz said the city, citing the cost, would back the levy.")
    assert trailing_participle_cut(doc, 2, len(doc) - 1) == len(doc) - 1


@pytest.mark.model
def test_a_report_running_on_over_a_participle_is_offered_the_extent_before_it(nlp_model):
    doc = nlp_model("The speaker declared that he cannot support the nominee, throwing the party into turmoil "
                    "before the convention.")
    assert [q.text for q in doc.spans["quotes"]] == [
        "he cannot support the nominee, throwing the party into turmoil before the convention"]
    assert [(e.source, e.span.text) for e in extents(doc, Lexicon(), {PARTICIPLE})] == [
        (PARTICIPLE, "he cannot support the nominee")]
    assert [(s.source, s.score) for s in doc._.suggestions] == [(PARTICIPLE, EXTENT_SCORES[PARTICIPLE][1])]  # five words: 4-8
