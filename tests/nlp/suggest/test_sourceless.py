"""Session 23, reports that name nobody (issue 17): a raising verb's subject is no source (no
proposal on a ``seems``/``appears`` cue has a speaker), nor the subject a bare passive participle
shares (``asked about …, the mayor said``); the raised rule's pronoun subjects; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest.propose import SOURCES, proposals
from annotator.nlp.suggest.raised import raising_cue

pytestmark = pytest.mark.model


def proposed(nlp_model, text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker or None) of every proposal of every source in ``text``, pre-labels off."""
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(text)
    doc.spans["quotes"] = []
    return [(p.span.text, p.cue.text, p.speaker.text if p.speaker is not None else None)
            for p in proposals(doc, nlp_model.get_pipe(SUGGESTIONS).lexicon, frozenset(SOURCES))
            if p.cue is not None]


@pytest.mark.parametrize("text, cue", [
    ("The harbour master appeared to back down after the second meeting.", "appeared"),
    ("The ferry crews seem ready to strike over the new rosters.", "seem"),
    ("Asked about the missing boats, the harbour master blamed the storm.", "Asked"),
    ("The harbour master, when asked about the missing boats, blamed the storm.", "asked"),
])
def test_a_raising_verbs_or_a_bare_participles_subject_is_no_speaker(nlp_model, text, cue):
    found = [p for p in proposed(nlp_model, text) if cue in p[1].split()]
    assert found and all(speaker is None for _content, _cue, speaker in found)


def test_a_speech_verb_still_has_its_speaker(nlp_model):
    found = proposed(nlp_model, "The harbour master claimed that the ferry would sail on time.")
    assert any(speaker == "The harbour master" for _content, _cue, speaker in found)


def test_a_passive_is_no_raising_cue(nlp_model):
    doc = nlp_model("The pier was seen as unsafe, and the harbour appears calm.")
    assert not raising_cue(doc[2:3]) and raising_cue(doc[10:11])


def raised_pieces(nlp_model, text: str) -> list[tuple[str, str]]:
    """(source, content) of the raised rule's candidates in ``text``."""
    from annotator.nlp.quotes.scan import QuoteScan
    from annotator.nlp.suggest.shapes import every_shape

    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.source, b.found.span.text) for b in every_shape(scan, {"rule:raised-subject", "rule:raised-complement"})]


@pytest.mark.parametrize("text, subject, complement", [
    ("The leak mattered because it appeared to undercut her defence.", "it", "to undercut her defence"),
    ("Both claims, which seemed to carry little weight, were dropped by the court.", "which",
     "to carry little weight"),
])
def test_a_pronoun_subject_is_a_piece_and_the_complement_is_kept(nlp_model, text, subject, complement):
    assert raised_pieces(nlp_model, text) == [("rule:raised-subject", subject), ("rule:raised-complement", complement)]


def test_a_participle_after_a_raising_verb_is_a_one_word_piece(nlp_model):
    assert ("rule:raised-complement", "paralyzed") in raised_pieces(nlp_model, "The harbour board appeared paralyzed.")


def test_there_is_no_piece(nlp_model):
    assert raised_pieces(nlp_model, "There seems to be little appetite on the island for a second bridge.") == []
