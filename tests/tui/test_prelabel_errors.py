"""A document a pre-labeling component fails on is still shown, says so in the header, and the
documents after it are all there."""

from __future__ import annotations

import spacy
from spacy.language import Language

from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import SIZE, read_records, write_jsonl

TEXTS = ["The first one.", "The second one.", "The third one says BOOM.", "The fourth one.", "The fifth one."]


@Language.component("fails_on_boom")
def fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("min() arg is an empty sequence")
    return doc


def model_failing_on_boom(_name):
    nlp = spacy.blank("en")
    nlp.add_pipe("fails_on_boom")
    return nlp


async def test_annotate_shows_every_document_and_names_the_failed_component(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS])
    app = make_app([source], load_model=model_failing_on_boom)
    async with app.run_test(size=SIZE) as pilot:
        # Not ``ready``: with five documents the reader stays a few ahead and waits, never done.
        await pilot.pause()
        screen = pilot.app.screen
        headers = []
        for expected in TEXTS:
            # The background pre-labeler works a few documents ahead: wait for this one.
            for _ in range(100):
                if screen.session.current is not None and screen.session.current.task.text == expected \
                        and screen.session.current.task.tokens:
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            header = screen.query_one(ProgressHeader)
            headers.append((screen.session.current.task.text, str(header.render())))
            await pilot.press("a")
            await pilot.pause()
    assert [text for text, _ in headers] == TEXTS
    for text, header in headers:
        failed = "BOOM" in text
        assert ("pre-labels incomplete: fails_on_boom: ValueError: min() arg is an empty sequence" in header) == failed
    records = read_records(tmp_path / "out.jsonl")
    assert [r["text"] for r in records] == TEXTS
    assert [bool(r["meta"].get("prelabel_errors")) for r in records] == [False, False, True, False, False]
