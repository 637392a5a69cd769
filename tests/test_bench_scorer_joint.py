"""Promotion and demotion chosen together (``bench/scorer_joint.py``): an article simulated under many
settings measures as the plain simulation does, a speakerless candidate is promoted by its shown
score, and the setting chosen has the fewest plain keys among those whose precision holds (articles
made up here)."""

from __future__ import annotations

import sys

import pytest

from annotator.core.records import Task
from annotator.measure.keys import KEY_COSTS
from tests import bench_scripts
from tests.test_bench_fit_demote import attribution as attribution_in

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

import fit_demote  # bench/fit_demote.py
import scorer_data  # bench/scorer_data.py
from scorer_choice import promoted, simulate  # bench/scorer_choice.py
from scorer_joint import Outcomes, best, refit_pays, with_demotion  # bench/scorer_joint.py

TEXT = "Ann said the ferry runs late. Bo said the bridge is shut. Cy said the road is open. Di saw the tide rise."


def attribution(speaker: str, cue: str, quote: str):
    return attribution_in(speaker, cue, quote, TEXT)


def article() -> tuple[scorer_data.DocRows, fit_demote.DocRows]:
    """Gold holds Ann's and Cy's quotes; the rules pre-labeled Ann's (right) and Bo's (wrong); the
    candidates are Cy's (right, with its speaker) and Di's (wrong)."""
    ann, bo, cy = (attribution(*a) for a in (("Ann", "said", "the ferry runs late"), ("Bo", "said", "the bridge is shut"),
                                             ("Cy", "said", "the road is open")))
    di = attribution("Di", "saw", "the tide rise")
    gold = Task(text=TEXT, spans=[*ann[:3], *cy[:3]], relations=ann[3] + cy[3])
    base = Task(text=TEXT, spans=[*ann[:3], *bo[:3]], relations=ann[3] + bo[3])
    shown = scorer_data.DocRows(gold, base, [scorer_data.Candidate({"bias": 1.0}, "frame:clause", q, c, s)
                                             for q, c, s, _ in (cy, di)])
    scorer_data.label(shown)
    rules = fit_demote.DocRows(gold, base, [fit_demote.Candidate({"bias": 1.0}, "prelabel", q, c, s)
                                            for q, c, s, _ in (ann, bo)])
    fit_demote.label(rules)
    return shown, rules


#: per article: the show model's, the promotion model's and the demotion model's probabilities
SHOW, SURE, UNSURE = [[0.6, 0.4]] * 3, [[0.7, 0.3]] * 3, [[0.9, 0.4]] * 3
SETTINGS = [(None, 0.0), ({"indirect": 0.5, "mixed": 0.5, "direct": 0.5}, 0.0),
            ({"indirect": 0.5, "mixed": 0.5, "direct": 0.5}, 0.5), ({"indirect": 0.2, "mixed": 0.2, "direct": 0.2}, 0.5)]


@pytest.mark.parametrize(("promote_at", "demote_at"), SETTINGS)
def test_an_article_measured_once_per_setting_measures_as_the_plain_simulation(promote_at, demote_at):
    pairs = [article() for _ in range(3)]
    shown, rules = [s for s, _ in pairs], [r for _, r in pairs]
    outcomes = Outcomes(shown, SHOW, 0.3, rules)
    for setting in SETTINGS:  # the others first, so this one's articles may be read back
        outcomes.measure(SURE, setting[0], UNSURE, setting[1])
    plain = fit_demote.measure(shown, with_demotion(simulate(shown, SHOW, 0.3, promote_at, SURE), rules, UNSURE,
                                                    demote_at))
    again = outcomes.measure(SURE, promote_at, UNSURE, demote_at)
    assert (again["plain"], again["shown"], again["scores"]) == (plain["plain"], plain["shown"], plain["scores"])


def test_promoting_the_right_candidate_and_demoting_the_wrong_pre_label_saves_their_keys():
    shown, rules = article()
    outcomes = Outcomes([shown], SHOW[:1], 0.3, [rules])
    rules_only = outcomes.measure(SURE[:1], None, UNSURE[:1], 0.0)
    both = outcomes.measure(SURE[:1], {"indirect": 0.5, "mixed": 0.5, "direct": 0.5}, UNSURE[:1], 0.5)
    assert rules_only["plain"] == [KEY_COSTS["add"] + KEY_COSTS["delete"]]  # Cy's quote added, Bo's deleted
    assert both["plain"] == [0] and both["scores"]["indirect"][1] == 1.0


def test_a_candidate_with_a_cue_and_no_speaker_is_promoted_by_its_shown_score():
    shown, _ = article()
    cy, di = shown.candidates
    speakerless = scorer_data.Candidate({}, "frame:clause", di.quote, di.cue, None)
    at = {"indirect": 0.5, "mixed": 0.5, "direct": 0.5}
    assert promoted([(cy, 0.2), (speakerless, 0.55)], {id(cy): 0.6}, at) == [cy, speakerless]
    assert promoted([(cy, 0.2), (speakerless, 0.45)], {id(cy): 0.4}, at) == []
    assert promoted([(speakerless, 0.9)], {}, None) == []  # nothing promoted when promotion is off


def measured(plain: float, shown: float, indirect_p: float) -> dict:
    return {"plain": [plain], "shown": [shown],
            "scores": {"direct": (1.0, 0.95), "indirect": (0.6, indirect_p), "mixed": (0.8, 0.85), "all": (0.7, 0.86)}}


def test_the_setting_chosen_has_the_fewest_plain_keys_whose_precision_holds_and_a_tie_goes_to_suggestions():
    results = {"lowest, under the bar": measured(80.0, 70.0, 0.78), "few keys": measured(90.0, 81.0, 0.79),
               "as few, fewer with suggestions": measured(90.01, 80.0, 0.80), "more keys": measured(91.0, 75.0, 0.80)}
    assert best(results) == "as few, fewer with suggestions"
    assert best({"under": measured(80.0, 70.0, 0.70)}) is None


def test_a_refit_is_stored_only_with_fewer_plain_keys_and_every_precision_at_its_bar():
    shipped = measured(92.2, 80.8, 0.7877)
    assert refit_pays(shipped, measured(92.1, 81.0, 0.79))
    assert not refit_pays(shipped, measured(92.3, 80.0, 0.80))  # fewer keys with suggestions do not count
    assert not refit_pays(shipped, measured(91.0, 80.0, 0.78))  # indirect precision under its bar
    assert refit_pays(None, measured(99.0, 90.0, 0.70))  # nothing shipped to beat
