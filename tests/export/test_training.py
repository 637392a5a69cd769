"""An export is ready to train on: ``spacy train`` with the shipped config runs on it and the model loads."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import spacy

from annotator.export.exporting import export_annotations
from tests.export.records_by_hand import FIXTURES


def test_tiny_pipeline_trains_on_an_export_and_loads(tmp_path):
    annotations = FIXTURES / "annotations.jsonl"
    report = export_annotations(sources=[annotations], format="spacy", output=tmp_path / "quotes.spacy",
                                split="0.67,0.33", seed=0)
    train, dev = report.outputs["train"][0], report.outputs["dev"][0]
    config = resources.files("annotator").joinpath("training", "quotes_ner.cfg")
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(config), "--output", str(tmp_path / "model"),
         "--paths.train", str(train), "--paths.dev", str(dev),
         "--training.max_steps", "6", "--training.eval_frequency", "3"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner", "spancat"]
    assert {"PERSON", "DATE"} <= set(nlp.get_pipe("ner").labels)
    assert nlp.get_pipe("spancat").labels == ("QUOTE",)
    doc = nlp('"It works," said Ana Lopez.')
    assert "quotes" in doc.spans
