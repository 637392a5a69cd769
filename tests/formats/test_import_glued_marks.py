"""Imported documents get the tokens ``prelabel`` gives a text: a double quotation mark typed
against the next word (``over,”Ms. Pike said``) is a token of its own (``nlp/glued_marks.py``), so
pre-labeling an imported document later reads the quote's last word and the speaker's first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.brat_reading import import_brat
from annotator.formats.importing import import_files

TEXT = "“The count is done and the levy stays,”Ms. Pike said on Friday."


def token_texts(path: Path) -> list[str]:
    [record] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [t["text"] for t in record["tokens"]]


@pytest.mark.parametrize("format", ["doccano", "prodigy"])
def test_a_glued_mark_is_its_own_token_on_import(tmp_path, format):
    line = {"text": TEXT, "label": []} if format == "doccano" else {"text": TEXT, "spans": []}
    (tmp_path / "in.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    import_files(format=format, sources=[tmp_path / "in.jsonl"], output=tmp_path / "ours.jsonl")
    tokens = token_texts(tmp_path / "ours.jsonl")
    assert tokens[tokens.index("stays"):tokens.index("said")] == ["stays", ",", "”", "Ms.", "Pike"]


def test_brat_import_splits_a_glued_mark(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT + "\n", encoding="utf-8")
    start = TEXT.index("Ms. Pike")
    (tmp_path / "doc.ann").write_text(f"T1\tSource {start} {start + 8}\tMs. Pike\n", encoding="utf-8")
    import_brat(sources=[tmp_path], output=tmp_path / "ours.jsonl")
    tokens = token_texts(tmp_path / "ours.jsonl")
    assert "stays,”Ms." not in tokens and ["stays", ",", "”", "Ms."] == tokens[tokens.index("stays"):][:4]
