"""Every quote the rules pre-label records the rule that found it, as its span's ``id_`` (spaCy's
``SpanRuler`` writes the id of the pattern that matched there), and the demotion model reads it
as a feature (our own sentences)."""

from __future__ import annotations

import pytest
import spacy

from annotator.nlp.quotes.found import FoundQuote, made_by
from annotator.nlp.quotes.reports import REPORT_RULES, report_rule_name
from annotator.nlp.quotes import object_of_cue, reported
from annotator.nlp.suggest.demote import DemoteModel, PreLabel, prelabels

TEXT = ('"The ferry will run again by the spring," the harbour master said on Friday. '
        'According to the port board, the repairs will cost two million. '
        'Councillor Ines Varga said the budget could not carry that.')


@pytest.mark.model
def test_each_pre_label_names_the_rule_that_found_it(nlp_model):
    doc = nlp_model(TEXT)
    rules = {q.text: q.id_ for q in doc.spans["quotes"]}
    assert rules == {"The ferry will run again by the spring": "direct",
                     "the repairs will cost two million": "reports:according_to",
                     "the budget could not carry that": "reports:reported"}


@pytest.mark.model
def test_the_demotion_model_reads_the_rule_of_each_pre_label(nlp_model):
    assert {p.span.text: p.rule for p in prelabels(nlp_model(TEXT))}["the budget could not carry that"] == \
        "reports:reported"


def test_a_report_rule_is_named_by_its_module_and_a_function_other_than_at():
    assert report_rule_name(reported.at) == "reports:reported"
    assert report_rule_name(object_of_cue.relative_at) == "reports:object_of_cue.relative_at"
    assert len({report_rule_name(rule) for rule in REPORT_RULES}) == len(REPORT_RULES)


def test_made_by_names_only_quotes_without_a_rule():
    doc = spacy.blank("en")("Lee said it rained .")
    inner = FoundQuote(doc[2:4], "indirect", doc[1:2], rule="reports:reported")
    bare = FoundQuote(doc[2:4], "indirect", doc[1:2])
    assert [f.rule for f in made_by([inner, bare], "reports")] == ["reports:reported", "reports"]


def test_a_rule_the_weights_name_moves_the_probability_and_an_unknown_one_weighs_nothing():
    model = DemoteModel({"bias": 1.0, "rule=reports:naming": -2.0}, 0.5)
    known, unknown = {"bias": 1.0, "rule=reports:naming": 1.0}, {"bias": 1.0, "rule=a-new-rule": 1.0}
    assert model.probability(known) < 0.5 < model.probability(unknown) == model.probability({"bias": 1.0})


def test_a_pre_label_without_a_rule_is_one_a_later_component_wrote():
    doc = spacy.blank("en")("Lee said it rained .")
    assert PreLabel(doc[2:4], "indirect", None, None).rule == ""
