"""The refitted scorer's strength chosen by keys on folds of the team's decisions
(``training/scorer_folds.py``): the rule that picks it, without a model (an update that publishes a
scorer chosen this way is in ``test_team_scorer.py``)."""

from annotator.training.scorer_folds import F_TOLERANCE, MIN_KEYS_GAIN, fold_of, pick

STRENGTHS = (None, 100.0, 10.0)


def test_the_pull_with_fewest_keys_wins_when_it_keeps_the_attributed_f1():
    keys = {"shipped": 50.0, "100": 49.0, "10": 48.5}
    assert pick(keys, {"shipped": 0.6, "100": 0.6, "10": 0.6}, STRENGTHS) == 10.0
    # the one that saves most keys but promotes wrong quotes (F1 falls) is passed over
    assert pick(keys, {"shipped": 0.6, "100": 0.6, "10": 0.6 - 2 * F_TOLERANCE}, STRENGTHS) == 100.0


def test_the_shipped_weights_stay_for_a_gain_within_the_noise_or_a_loss():
    level = {"shipped": 0.6, "100": 0.6, "10": 0.6}
    assert pick({"shipped": 50.0, "100": 50.0 - MIN_KEYS_GAIN / 2, "10": 50.2}, level, STRENGTHS) is None
    assert pick({"shipped": 50.0, "100": 51.0, "10": 52.0}, level, STRENGTHS) is None


def test_a_document_keeps_its_fold_as_decisions_come_in():
    keys = [f"document {i}" for i in range(40)]
    assert [fold_of(k) for k in keys] == [fold_of(k) for k in keys]
    assert len({fold_of(k) for k in keys}) == 4


def test_a_saving_smaller_than_its_noise_across_documents_keeps_the_shipped_weights():
    keys, level = {"shipped": 50.0, "100": 49.7, "10": 50.1}, {"shipped": 0.6, "100": 0.6, "10": 0.6}
    assert pick(keys, level, STRENGTHS, {"100": 0.1, "10": 0.1}) == 100.0  # 0.3 saved, 3 standard errors
    assert pick(keys, level, STRENGTHS, {"100": 0.25, "10": 0.1}) is None  # 0.3 saved, 1.2 standard errors


def test_the_standard_error_is_of_the_paired_per_document_saving():
    from annotator.training.scorer_folds import gain_se

    assert gain_se([10.0, 20.0, 30.0], [9.0, 19.0, 29.0]) == 0.0  # one key saved on each: no noise
    assert gain_se([10.0, 20.0], [8.0, 20.0]) == 1.0


def test_the_no_loss_rule_keeps_a_pull_that_costs_nothing_and_refuses_one_that_costs_keys_or_f1():
    level = {"shipped": 0.6, "100": 0.6}
    one = (None, 100.0)
    assert pick({"shipped": 50.0, "100": 50.05}, level, one, {"100": 0.3}, keep="no-loss") == 100.0
    assert pick({"shipped": 50.0, "100": 50.05}, level, one, {"100": 0.3}) is None  # the gain rule: no gain
    assert pick({"shipped": 50.0, "100": 50.0 + 2 * MIN_KEYS_GAIN}, level, one, keep="no-loss") is None
    assert pick({"shipped": 50.0, "100": 49.0}, {"shipped": 0.6, "100": 0.6 - 2 * F_TOLERANCE}, one,
                keep="no-loss") is None
