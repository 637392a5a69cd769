"""The feed's pre-labeler: the model is loaded on first need and again only after ``use_model``;
a model that fails to load is reported and leaves the documents annotatable."""

from __future__ import annotations

import spacy

from annotator.tui.feed import Prelabeler
from tests.formats.records_by_hand import make_task

TASK = make_task("The ferry leaves at noon, the harbour office said.")


def test_the_model_is_loaded_on_first_need_and_again_only_when_switched():
    loads, statuses = [], []

    def load(name):
        loads.append(name)
        return spacy.blank("en")

    prelabeler = Prelabeler("first", load, on_status=lambda state, message: statuses.append(state))
    assert loads == []
    prelabeler.prelabel(TASK)
    prelabeler.prelabel(TASK)
    assert loads == ["first"]
    prelabeler.use_model("second")
    assert loads == ["first"]  # switching loads nothing until a document needs it
    prelabeler.prelabel(TASK)
    assert loads == ["first", "second"]
    assert statuses == ["loading", "ready", "loading", "ready"]


def test_a_model_that_fails_to_load_is_reported_and_documents_stay_annotatable():
    def load(name):
        raise OSError("no such pipeline")

    messages = []
    prelabeler = Prelabeler("missing/model", load, on_status=lambda state, message: messages.append((state, message)))
    labeled = prelabeler.prelabel(TASK)
    assert [state for state, _ in messages] == ["loading", "error"]
    assert "could not load missing/model: no such pipeline" in messages[1][1]
    assert labeled.text == TASK.text and labeled.tokens and not labeled.spans
