"""An output that is one of the inputs (by name, symlink or hard link) is refused before anything is written."""

from __future__ import annotations

import os

import pytest

from annotator.core.output_paths import refuse_output_among_inputs
from annotator.core.sources import InputError


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "ann.jsonl"
    path.write_text('{"text": "x"}\n')
    return path


def test_the_same_name_is_refused(inputs):
    with pytest.raises(InputError, match=r"ann\.jsonl: the output is the same file as the input"):
        refuse_output_among_inputs(inputs, [inputs])


def test_another_spelling_of_the_same_path_is_refused(inputs, monkeypatch):
    (inputs.parent / "sub").mkdir()
    monkeypatch.chdir(inputs.parent)
    with pytest.raises(InputError, match="same file as the input"):
        refuse_output_among_inputs("./sub/../ann.jsonl", ["ann.jsonl"])


def test_a_symlink_to_an_input_is_refused(inputs, tmp_path):
    link = tmp_path / "out.jsonl"
    link.symlink_to(inputs)
    with pytest.raises(InputError, match="same file as the input"):
        refuse_output_among_inputs(link, [inputs])


def test_a_hard_link_to_an_input_is_refused(inputs, tmp_path):
    link = tmp_path / "hard.jsonl"
    os.link(inputs, link)
    with pytest.raises(InputError, match="same file as the input"):
        refuse_output_among_inputs([None, link], ["-", inputs])


def test_an_output_inside_an_input_folder_that_would_be_read_is_refused(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    with pytest.raises(InputError, match="inside the input folder"):
        refuse_output_among_inputs(folder / "tasks.jsonl", [folder])
    refuse_output_among_inputs(folder / "corpus.spacy", [folder])  # never read as an input


def test_a_new_or_different_output_is_fine(inputs, tmp_path):
    refuse_output_among_inputs(tmp_path / "new.jsonl", [inputs])
    other = tmp_path / "other.jsonl"
    other.write_text(inputs.read_text())
    refuse_output_among_inputs(other, [inputs, "-"])
