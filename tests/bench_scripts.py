"""Running a bench script as a user does (a subprocess, the corpus path first), for the bench tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_bench(script: str, *args: str) -> subprocess.CompletedProcess:
    """``python bench/SCRIPT ARGS...``, its output captured."""
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True,
                          timeout=600)


def assert_skips_without_corpus(script: str, tmp_path: Path, *args: str) -> None:
    """Without the corpus the script says so, skips, and exits 0 (CI has no corpus); ``args`` go
    after the corpus (a ``--cache`` of its own, so a cache left by a real run elsewhere is not read)."""
    result = run_bench(script, str(tmp_path / "absent"), *args)
    assert result.returncode == 0
    assert "no corpus at" in result.stdout and "skipped" in result.stdout


def write_brat_train(root: Path, documents: dict[str, tuple[str, str]]) -> Path:
    """A PolNeAR-shaped corpus under ``root``: each document's text in ``data/train/text/NAME.txt``
    and its standoff in ``data/train/attributions/NAME_a1.ann`` (the first annotator, the gold)."""
    train = root / "data" / "train"
    (train / "text").mkdir(parents=True, exist_ok=True)
    (train / "attributions").mkdir(exist_ok=True)
    for name, (text, ann) in documents.items():
        (train / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (train / "attributions" / f"{name}_a1.ann").write_text(ann, encoding="utf-8")
    return train
