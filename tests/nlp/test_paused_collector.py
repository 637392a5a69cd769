"""The collector is paused while one of our components runs, and put back as it was."""

from __future__ import annotations

import gc

import pytest

from annotator.nlp.coref.component import SpeakerResolver
from annotator.nlp.entities.component import EntityHarmoniser
from annotator.nlp.paused_collector import collector_paused
from annotator.nlp.quotes.component import QuoteFinder
from annotator.nlp.speakers.component import SpeakerFinder
from annotator.nlp.suggest.component import Suggester


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_paused_inside_and_on_again_after(collector_on) -> None:
    seen = []

    @collector_paused
    def component(doc):
        seen.append(gc.isenabled())
        return doc

    assert component("doc") == "doc"
    assert seen == [False] and gc.isenabled()


def test_collector_on_again_after_a_component_fails(collector_on) -> None:
    @collector_paused
    def component(doc):
        raise ValueError(doc)

    with pytest.raises(ValueError):
        component("doc")
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off(collector_on) -> None:
    @collector_paused
    def component(doc):
        return gc.isenabled()

    gc.disable()
    assert component("doc") is False
    assert not gc.isenabled()


@pytest.mark.parametrize("component", [QuoteFinder, SpeakerFinder, EntityHarmoniser, SpeakerResolver, Suggester])
def test_our_components_run_with_the_collector_paused(component) -> None:
    assert component.__call__.__wrapped__ is not None
