"""The layers import one way: core and export work without Textual, core without spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def modules_after_import(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("module", ["annotator.core.records", "annotator.core.store", "annotator.core.sources",
                                    "annotator.core.validation", "annotator.core.schema"])
def test_core_imports_neither_spacy_nor_textual(module):
    loaded = top_level(modules_after_import(module))
    assert "spacy" not in loaded
    assert "textual" not in loaded


def test_cli_starts_without_textual_or_spacy():
    # Both are imported inside the commands that need them, so `annotator --help` starts fast.
    loaded = top_level(modules_after_import("annotator.cli"))
    assert "textual" not in loaded
    assert "spacy" not in loaded


def test_export_imports_without_textual():
    loaded = top_level(modules_after_import("annotator.formats.exporting"))
    assert "textual" not in loaded
