"""``--order uncertain``: the next undecided document is the least sure of a window of upcoming ones;
decided documents and drafts keep their place; the default stays file order."""

from __future__ import annotations

import json

import spacy

from annotator.core.records import Annotation
from annotator.core.store import JsonlStore
from annotator.tui.feed import Prelabeler, ReadAhead, TaskFeed
from tests.formats.records_by_hand import make_task

SURE = make_task('"The road is open," said Ana Lopez.',
                 [("QUOTE:direct", "The road is open,"), ("SPEAKER", "Ana Lopez"), ("CUE", "said")],
                 [(0, 1, "SAID_BY"), (0, 2, "CUE")])
#: a quote with no speaker and no cue, and a speech verb that cues nothing
UNSURE = make_task("Residents claimed the water was unsafe. Ben Ortiz denied it.",
                   [("QUOTE:indirect", "the water was unsafe")])
#: one sign: a speech verb no quote hangs on
SOMEWHAT = make_task("Ben Ortiz denied it on Monday.")


def write(path, tasks):
    path.write_text("".join(json.dumps(t.to_dict()) + "\n" for t in tasks))
    return path


def feed_texts(tmp_path, tasks, **options):
    source = write(tmp_path / "in.jsonl", tasks)
    with JsonlStore(tmp_path / "out.jsonl") as store:
        if options.pop("decided", None):
            store.append_decision(Annotation(tasks[0], "accept", "t", "s", 1))
        prelabeler = Prelabeler(None, lambda name: spacy.blank("en"), on_status=lambda state, message: None)
        feed = TaskFeed([source], store, prelabeler, on_invalid=lambda error, raw: None, read_ahead=ReadAhead(100),
                        **options)
        return [(item.task.text, item.rank) for item in feed]


def test_the_least_sure_document_of_the_window_comes_first(tmp_path):
    tasks = [SURE, SOMEWHAT, UNSURE]
    order = [text for text, _ in feed_texts(tmp_path, tasks, order="uncertain", window=3)]
    assert order == [UNSURE.text, SOMEWHAT.text, SURE.text]


def test_file_order_stays_the_default(tmp_path):
    assert [t for t, _ in feed_texts(tmp_path, [SURE, SOMEWHAT, UNSURE])] == [SURE.text, SOMEWHAT.text, UNSURE.text]


def test_the_window_bounds_how_far_ahead_it_looks(tmp_path):
    # With a window of 2, the unsure third document cannot overtake the first pick.
    order = [text for text, _ in feed_texts(tmp_path, [SURE, SOMEWHAT, UNSURE], order="uncertain", window=2)]
    assert order[0] == SOMEWHAT.text and order[1] == UNSURE.text


def test_decided_documents_keep_their_place_and_ranks_count_the_undecided(tmp_path):
    items = feed_texts(tmp_path, [SURE, SOMEWHAT, UNSURE], order="uncertain", window=5, decided=True)
    assert items == [(SURE.text, None), (UNSURE.text, 0), (SOMEWHAT.text, 1)]


def test_a_newer_model_pre_labels_the_window_again(tmp_path):
    loads = []

    def load(name):
        loads.append(name)
        return spacy.blank("en")

    source = write(tmp_path / "in.jsonl", [SURE, SOMEWHAT, UNSURE])
    with JsonlStore(tmp_path / "out.jsonl") as store:
        prelabeler = Prelabeler(None, load, on_status=lambda s, m: None)
        feed = TaskFeed([source], store, prelabeler, on_invalid=lambda e, r: None, read_ahead=ReadAhead(100),
                        order="uncertain", window=3, relabel=True)
        items = iter(feed)
        first = next(items)
        prelabeler.use_model("model/2")
        rest = list(items)
    assert loads == [None, "model/2"]
    # The blank model finds nothing: every document is shown with its spans replaced.
    assert not first.task.spans and all(not item.task.spans for item in rest)


def test_a_document_with_suggestions_near_even_odds_comes_before_one_with_sure_suggestions(tmp_path):
    from tests.nlp.suggested_tasks import hunches, other_hunches

    confident, torn = hunches(0.96), other_hunches(0.45)  # the same signs but for the suggestions' scores
    assert [t for t, _ in feed_texts(tmp_path, [confident, torn])] == [confident.text, torn.text]
    order = [t for t, _ in feed_texts(tmp_path, [confident, torn], order="uncertain", window=2)]
    assert order == [torn.text, confident.text]
