"""``bench/inner_holder_rates.py``: a report ``nested.outermost`` dropped, with the demotion model's
rating of the pre-label holding it and why ``inner_reports.offered`` leaves it out; sentences of our own."""

from __future__ import annotations

import sys

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.nested import inner_reports
from annotator.nlp.suggest.demote import DemoteModel
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from inner_holder_rates import left_out, rated_reports  # bench/inner_holder_rates.py


@pytest.mark.model
def test_a_dropped_report_gets_its_holder_s_rating_band(nlp_model):
    doc = nlp_model("Okafor said the new levy on diesel, which the growers' union says will ruin small farms, "
                    "would pass in May.")
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    [(_, facets)] = rated_reports(doc, DemoteModel({"bias": 0.0}, 0.35), lexicon)
    assert facets == {"band": "under 0.7", "demoted": False, "doubtful": False, "left out": "offered"}
    [(_, facets)] = rated_reports(doc, DemoteModel({"bias": 3.0}, 0.35), lexicon)
    assert facets["band"] == "0.9 or more"


@pytest.mark.model
def test_why_a_dropped_report_is_left_out(nlp_model):
    pronoun = nlp_model("Okafor said the new levy on diesel, which she says will ruin small farms, would pass in May.")
    second = nlp_model("Okafor said the levy would pass and the union warned that farms would close.")
    assert [left_out(r, start) for r, start in inner_reports(pronoun)] == ["pronoun subject"]
    assert [left_out(r, start) for r, start in inner_reports(second)] == ["conj"]
