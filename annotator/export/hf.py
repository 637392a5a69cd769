"""The ``hf`` format: JSON lines for Hugging Face token classification, with a label sidecar.

Each line: ``{"id": "<input hash>", "annotator": "...", "tokens": [...], "ner_tags": [...],
"quote_tags": [...], "speaker_tags": [...]}`` where the tag lists hold integer ids, one per token
(whitespace tokens left out). ``NAME.labels.json`` beside the output maps ids to names, one list
per tag column, the same for every split: load it into ``datasets.ClassLabel(names=...)``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from spacy.tokens import Doc

from annotator.core.records import QUOTE, SPEAKER
from annotator.export.bio import bio_label_names, tagged_tokens

TAG_COLUMNS = ("ner_tags", "quote_tags", "speaker_tags")


def label_names(entity_labels: set[str]) -> dict[str, list[str]]:
    """The id → name lists of the sidecar: ``O`` is 0 in every column."""
    return {
        "ner_tags": bio_label_names(entity_labels),
        "quote_tags": bio_label_names([QUOTE]),
        "speaker_tags": bio_label_names([SPEAKER]),
    }


def labels_path(output: str | Path) -> Path:
    """``data/quotes.jsonl`` → ``data/quotes.labels.json``."""
    output = Path(output)
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return output.with_name(f"{stem}.labels.json")


def labels_json(names: dict[str, list[str]]) -> bytes:
    return (json.dumps(names, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class HfWriter:
    needs_doc = True

    def __init__(self, out: IO[bytes], names: dict[str, list[str]]) -> None:
        self._out = out
        self._ids = {column: {name: i for i, name in enumerate(names[column])} for column in TAG_COLUMNS}

    def add(self, decision: Any, doc: Doc) -> None:
        tokens = tagged_tokens(doc)
        ner, quote, speaker = (self._ids[c] for c in TAG_COLUMNS)
        record = {
            "id": str(decision.annotation.task.input_hash),
            "annotator": decision.group,
            "tokens": [t.text for t in tokens],
            "ner_tags": [ner[t.ner] for t in tokens],
            "quote_tags": [quote[t.quote] for t in tokens],
            "speaker_tags": [speaker[t.speaker] for t in tokens],
        }
        self._out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass
