"""The demotion fit (``bench/fit_demote.py``): the keys at stake per pre-label, a pre-label taken out
of a task and suggested, and the threshold chosen on simulated articles (made up here)."""

from __future__ import annotations

import sys

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from annotator.measure.keys import KEY_COSTS, SUGGESTION_COSTS
from annotator.nlp.suggest.demote import DEMOTED_SOURCE
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from fit_demote import choose, demoted, keep_gain, label  # bench/fit_demote.py
from scorer_data import Candidate, DocRows  # bench/scorer_data.py

TEXT = "Ann said the ferry runs late. Bo said the bridge is shut."


def span(part: str, label: str, first: int = 0, text: str = TEXT) -> Span:
    start = text.index(part, first)
    return Span(start, start + len(part), start, start + len(part) - 1, label, text=part,
                quote_type="indirect" if label == QUOTE else None)


def attribution(speaker: str, cue: str, quote: str, text: str = TEXT) -> tuple[Span, Span, Span, list[Relation]]:
    """A quote of ``text`` (its first ``quote``) with its cue (the first ``cue`` from ``speaker`` on) and speaker."""
    s, c, q = span(speaker, SPEAKER, 0, text), span(cue, CUE, text.index(speaker), text), span(quote, QUOTE, 0, text)
    return q, c, s, [Relation(q, c, CUE_REL), Relation(q, s, SAID_BY)]


def article(right_p: float, wrong_p: float) -> DocRows:
    """Gold holds Ann's quote; the rules pre-labeled it (scored ``right_p``) and Bo's (``wrong_p``)."""
    ann, bo = attribution("Ann", "said", "the ferry runs late"), attribution("Bo", "said", "the bridge is shut")
    gold = Task(text=TEXT, spans=list(ann[:3]), relations=ann[3])
    base = Task(text=TEXT, spans=[*ann[:3], *bo[:3]], relations=ann[3] + bo[3])
    rows = DocRows(gold, base, [Candidate({"bias": 1.0}, "prelabel", q, c, s) for q, c, s, _ in (ann, bo)])
    label(rows)
    return rows


def test_keeping_a_right_pre_label_saves_its_visit_and_take_a_wrong_one_costs_its_delete_less_a_visit():
    assert keep_gain(True) == SUGGESTION_COSTS["visit"] + SUGGESTION_COSTS["take"]
    assert keep_gain(False) == SUGGESTION_COSTS["visit"] - KEY_COSTS["delete"]
    rows = article(0.9, 0.1)
    assert [(c.right, c.attributed, c.gain) for c in rows.candidates] == [(True, True, 2), (False, False, -2)]


def test_a_demoted_pre_label_leaves_the_task_with_its_relations_and_is_suggested():
    rows = article(0.9, 0.1)
    bo = rows.candidates[1]
    task = demoted(rows.base, [(bo, 0.1)])
    assert [s.text for s in task.spans] == ["the ferry runs late", "said", "Ann"]
    assert all(r.head_span.text == "the ferry runs late" for r in task.relations)
    assert [(s.quote, s.cue, s.speaker, s.source) for s in task.suggestions] == [
        (bo.quote, bo.cue, bo.speaker, DEMOTED_SOURCE)]


def test_the_threshold_chosen_demotes_the_wrong_pre_labels_and_keeps_the_right_ones():
    rows = [article(0.45, 0.2) for _ in range(4)]
    at, base = choose(rows, [[0.45, 0.2]] * 4, "made up")
    assert at == 0.25  # the first under which the wrong ones go; from 0.5 the right ones would go too
    assert sum(base["shown"]) / 4 == KEY_COSTS["delete"]


def test_without_the_corpus_the_fit_skips(tmp_path):
    bench_scripts.assert_skips_without_corpus("fit_demote.py", tmp_path, "--cache", str(tmp_path / "rows.pkl"))
