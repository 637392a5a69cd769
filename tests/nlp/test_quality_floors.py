"""Pre-label quality floors on the hand-made news sets, a little below what the pre-labeler reaches,
so a rule that helps one text and hurts the others fails here.

news_dev is what the rules were written against. news_blind and news_heldout were written by
engineers who never saw the rules; each was measured first (the README reports those figures) and
its error list then prompted general fixes, written from the list and new sentences, not from the
texts. The sets now guard against regressions; a new untouched set is needed for the next honest
measurement.
"""

from __future__ import annotations

import pytest

from annotator.measure.evaluation import evaluate
from annotator.core.records import Task
from annotator.core.sources import read_tasks
from annotator.nlp.pipeline import prelabel
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model

#: set → (quotes overlap F1, quotes exact F1, attributed F1, speaker resolved F1, entities F1)
#: news_blind's were 0.95 / 0.93 / 0.95 / 0.92 for quotes, exact, attributed and resolved until
#: issue 17. Its gold, written under the older convention that only speech with a clause or quoted
#: words is a quote, does not count what the new rules report and PolNeAR counts: a verb's object
#: (``praised his side's spirit``), an adjective's clause (``was furious that the referee had added
#: six minutes``). It measured 0.937 / 0.917 / 0.937 / 0.909 with them (0.964 / 0.943 / 0.964 / 0.935
#: before); news_dev went from 0.994 to 0.955 quotes F1, within its floors. An agreement's
#: infinitive (``agreed to lift the blockade``) would add two such quotes to news_blind (0.924 /
#: 0.904 / 0.924 / 0.897) and cost precision on PolNeAR's held-out articles, so it is not a default.
#: Session 9: the learned scorer promotes its surest suggestions to pre-labels (nlp/suggest/promote.py),
#: chosen on PolNeAR's tuning part, where attributed F1 rises at held precision. On these sets, written
#: to the older convention, it adds a few quotes: news_blind 0.938 / 0.918 / 0.938 / 0.910 ->
#: 0.919 / 0.899 / 0.919 / 0.892 (an agreement's infinitive, a negated verb's clause, a phrase after
#: a verb of asking), news_heldout 0.958 / 0.958 / 0.958 / 0.933 -> 0.946 / 0.946 / 0.946 / 0.922,
#: news_dev 0.944 / 0.944 / 0.939 / 0.927 -> 0.939 / 0.939 / 0.933 / 0.922 (the scorer refitted with
#: the session's new sources). The floors of the first two moved by as much.
#: Session 21: a sure suggestion with a cue and no speaker becomes a pre-label without a source, as
#: PolNeAR annotates them (``is expected to …``, ``are understood to …``, ``was reported``); the
#: hand-made sets, written to the older convention, have none: news_heldout's quotes overlap and exact
#: F1 0.952 / 0.952 -> 0.929 / 0.929 (four pieces of two raising verbs), news_dev 0.939 -> 0.934 (one),
#: news_blind unchanged, attributed and resolved unchanged everywhere. news_heldout's quote floors
#: moved by as much.
#: Session 41: two more quotes of kinds PolNeAR counts and the older convention does not. news_blind's
#: agreement infinitive (``agreed … to reopen three border crossings``), which a wrong candidate hid
#: until a time phrase stopped being a preposition's topic (``agreed on Thursday``; the scorer rates it
#: over every promotion threshold): 0.919 / 0.899 / 0.912 / 0.884 -> 0.913 / 0.893 / 0.905 / 0.878.
#: news_dev's ``was furious about the winning goal``, promoted once the indirect promotion threshold
#: went 0.53 -> 0.50 (where promoting pays with suggestions shown: 1 + p keys shown against 3 (1 - p)
#: promoted; -0.77 keys at indirect precision 0.787 on PolNeAR's tuning part): 0.934 / 0.923 / 0.933 /
#: 0.922 -> 0.929 / 0.918 / 0.928 / 0.917. Those floors moved by as much. (Then 0.49 with demotion under
#: 0.40 instead of 0.35: no change on these sets.)
FLOORS = {
    "news_dev": (0.92, 0.90, 0.92, 0.88, 0.85),
    "news_blind": (0.91, 0.89, 0.90, 0.87, 0.80),
    "news_heldout": (0.92, 0.92, 0.94, 0.90, 0.78),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scores(request, nlp_model):
    gold = [task for _, task in read_tasks([FIXTURES / request.param / "gold.jsonl"])]
    predicted = list(prelabel(nlp_model, [Task(text=g.text) for g in gold]))
    return FLOORS[request.param], evaluate(gold, predicted)


def test_quotes_found(scores):
    (overlap, exact, *_), result = scores
    assert result.quotes_overlap.f1 >= overlap
    assert result.quotes_exact.f1 >= exact


def test_quotes_attributed(scores):
    (_, _, attributed, _, _), result = scores
    assert result.attributed.f1 >= attributed


def test_speakers_resolved_to_the_right_person(scores):
    (*_, resolved, _), result = scores
    assert result.resolved.f1 >= resolved


def test_entities(scores):
    (*_, entities), result = scores
    assert result.entities_total.f1 >= entities
