"""``rule:named-noun`` / ``rule:named-name``: a noun given a name by a participle of naming, nobody
named as giving it (``suggest.named``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.named import NAMED_SOURCES
from annotator.nlp.suggest.shapes import every_shape

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str, str | None]]:
    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.source, b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in every_shape(scan, set(NAMED_SOURCES), gated=gated)]


@pytest.mark.parametrize("text, noun, name, cue", [
    ("The ferry won the string of races known as the Island Cup.", "the string of races", "the Island Cup",
     "known as"),
    ("The bypass, dubbed the Long Mile, was closed in March.", "The bypass", "the Long Mile", "dubbed"),
])
def test_a_noun_and_its_name_are_two_pieces_without_a_speaker(nlp_model, text, noun, name, cue):
    assert found(nlp_model, text) == [("rule:named-noun", noun, cue, None), ("rule:named-name", name, cue, None)]


def test_so_called_gives_the_words_it_names(nlp_model):
    assert found(nlp_model, "The so-called harbour levy was dropped.") == [
        ("rule:named-name", "harbour levy", "called", None)]


@pytest.mark.parametrize("text", [
    "A fisherman named Tom Reed found the boat.",  # a name that only identifies
    "The captain is known for her calm.",  # ``known for``: no name given
    "The crew called the coastguard at noon.",  # an active verb, no participle
])
def test_no_name_is_reported(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []


def reported(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    from annotator.nlp.suggest.named import REPORTED_SOURCE

    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in every_shape(scan, {REPORTED_SOURCE}, gated=gated)]


def test_the_noun_a_bare_participle_of_a_cue_verb_hangs_from_is_reported(nlp_model):
    text = "The council met ahead of a ruling expected in the coming weeks."
    assert reported(nlp_model, text) == reported(nlp_model, text, gated=False) == [("a ruling", "expected", None)]


@pytest.mark.parametrize("text", [
    "The ruling expected by the council came out in May.",  # an agent: its own report
    "The boat moored in the harbour was sold.",  # not a cue verb
])
def test_no_noun_is_reported(nlp_model, text):
    assert reported(nlp_model, text, gated=False) == []
