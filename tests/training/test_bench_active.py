"""``bench/active.py``'s own figures: an update of the suggestions alone is reported by the keys it was
decided on, never as a dev F1 of 0 it did not measure; ``--prior-from`` refuses a prior fitted on
documents the simulated team may decide; the strengths the refits try and the keep rule reach the updates' settings."""

from __future__ import annotations

import argparse
import importlib.util

import pytest

from annotator.training.updater import UpdateResult
from tests import bench_scripts


def active():
    spec = importlib.util.spec_from_file_location("bench_active_under_test", bench_scripts.ROOT / "bench" / "active.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scorer_update(kept: bool, new_keys, new_f) -> UpdateResult:
    # as updater.update_model fills it for a suggestions-only update (new_f None becomes 0.0 there)
    counted = {"kept": kept, "new_keys": new_keys, "current_keys": 95.9, "new_f": new_f, "current_f": 0.694}
    return UpdateResult(kept=kept, model=None, new_f=new_f or 0.0, current_f=0.694, train_documents=160,
                        dev_documents=40, reason="", suggestions=counted)


def test_a_scorer_update_not_kept_is_not_reported_as_a_dev_f1_of_zero():
    line = active().update_figures(scorer_update(False, None, None), span_model=False)
    assert "0.000" not in line and "F1" not in line
    assert line.startswith("not kept") and "95.9" in line and "200 decisions" in line


def test_a_kept_scorer_update_gives_the_keys_and_f1_it_was_kept_on():
    line = active().update_figures(scorer_update(True, 95.2, 0.697), span_model=False)
    assert line.startswith("kept") and "95.2 vs 95.9" in line and "0.697 vs 0.694" in line


def test_a_span_model_update_still_gives_its_dev_f1():
    result = UpdateResult(kept=True, model=None, new_f=0.701, current_f=0.69, dev_documents=40)
    assert "dev attributed F1 0.701 vs 0.690, 40 dev documents" in active().update_figures(result, span_model=True)


def test_a_prior_fitted_on_documents_the_team_may_decide_is_refused():
    args = argparse.Namespace(sizes="50,100,200", window=10, prior_from=205, prior_cache=None, base=None)
    with pytest.raises(SystemExit, match="up to document 210"):
        active().fair_base(args, [], [], None, None)


def test_the_strengths_the_simulated_refits_try_are_given_as_a_list_or_none():
    bench = active()
    assert bench.strengths_arg("300") == (300.0,) and bench.strengths_arg("300,30") == (300.0, 30.0)
    assert bench.strengths_arg("none") == ()
    args = argparse.Namespace(no_team_scorer=False, promotion=False, intercepts=False, prior_data=True,
                              scorer_strength=(), keep="no-loss", learn_minutes=1.0, design="scorer")
    refit = bench.sim_settings(args).team_scorer
    assert refit.strengths == () and refit.prior_data and refit.keep == "no-loss"


def _tasks(names: list[str]):
    from annotator.core.records import Task
    return [Task(text=f"Text {i}.", meta={"source": name}) for i, name in enumerate(names)]


def test_a_team_on_one_publisher_decides_its_first_articles_and_is_scored_on_the_rest():
    pool = _tasks([f"{'daily' if i % 2 else 'weekly'}_{i:02}.txt" for i in range(20)])
    held_out = _tasks(["daily_90.txt", "weekly_91.txt"])
    args = argparse.Namespace(team_source="daily", sizes="2,3", window=2, prior_from=None)
    new_pool, new_held_out = active().team_source_split(args, pool, held_out)
    daily = [t for t in pool if t.meta["source"].startswith("daily_")]
    assert new_pool[:5] == daily[:5] and args.prior_from == 5
    # the prior is fitted on every other publisher's pool articles, never on the team's
    assert new_pool[5:] == [t for t in pool if t.meta["source"].startswith("weekly_")]
    assert new_held_out == daily[5:] + held_out[:1]


def test_a_publisher_with_too_few_articles_for_the_sizes_is_refused():
    pool = _tasks(["daily_01.txt", "daily_02.txt", "weekly_03.txt"])
    args = argparse.Namespace(team_source="daily", sizes="2", window=2, prior_from=None)
    with pytest.raises(SystemExit, match="daily: 2 documents"):
        active().team_source_split(args, pool, [])
