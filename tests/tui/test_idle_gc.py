"""Full garbage collections wait for a pause in the keys (``tui/idle_gc``), and the app gives
Python its own schedule back when it stops."""

from __future__ import annotations

import gc

import pytest

from annotator.tui import idle_gc
from annotator.tui.idle_gc import IdleCollector
from tests.tui.conftest import SEED_PRELABELED, SIZE, ready


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def pile_up_young_collections(times: int) -> None:
    for _ in range(times):
        gc.collect(1)  # each counts once toward the oldest generation, as Python's own do


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_the_full_collection_waits_for_a_pause_then_runs_once(thresholds):
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    assert gc.get_threshold()[:2] == thresholds[:2] and gc.get_threshold()[2] > 10 ** 6
    due = thresholds[2]
    pile_up_young_collections(due)
    collector.input_arrived()
    clock.now += idle_gc.IDLE_SECONDS / 2
    assert not collector.tick()  # keys are coming: it waits
    clock.now += idle_gc.IDLE_SECONDS
    assert collector.tick()  # a pause: it runs
    assert gc.get_count()[2] < due
    assert not collector.tick()  # and not again until it is due again
    collector.stop()
    assert gc.get_threshold() == thresholds


def test_someone_who_never_pauses_still_gets_collections(thresholds):
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    pile_up_young_collections(thresholds[2] * idle_gc.MOST_DEFERRED)
    collector.input_arrived()
    assert collector.tick()
    collector.stop()


async def test_the_app_defers_full_collections_while_it_runs_and_restores_them(make_app, thresholds):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert gc.get_threshold()[2] > 10 ** 6
        before = app.idle_gc.last_input
        await pilot.press("tab")
        assert app.idle_gc.last_input > before
    assert gc.get_threshold() == thresholds
