"""The ``hf`` format: a folder ``datasets.load_dataset(folder)`` reads with typed features and splits.

``-o data/quotes-hf`` writes ``train.jsonl`` (and ``validation.jsonl``, ``test.jsonl`` with
``--split``), ``labels.json`` and a dataset card ``README.md`` whose YAML header declares the
features (``ner_tags``, ``quote_tags``, ``speaker_tags`` as sequences of ``ClassLabel``), the data
files of each split and their sizes. The licence field is left for the user to fill in. The folder
is built whole under a temporary name and renamed into place, so a failed export leaves none.

Each line: ``{"id", "annotator", "tokens", "ner_tags", "quote_tags", "speaker_tags"}`` with one
integer tag per token (whitespace tokens left out). ``id`` is the input's own ``id`` when it had
one, else its ``_input_hash``. Tag ids are fixed: ``O`` is 0, then ``B-``/``I-`` for each entity
label in the order of ``--labels`` (a list, or the ``labels.json`` of an earlier export), by
default spaCy's 18 English labels first and any others after them in name order.
"""

from __future__ import annotations

import json
from pathlib import Path
from dataclasses import dataclass
from typing import IO, Any, Sequence

import jsonlines
from spacy.tokens import Doc

from annotator.core.sources import InputError
from annotator.core.records import QUOTE, SPEAKER
from annotator.formats.bio import bio_label_names, tagged_tokens
from annotator.formats.format import ExportContext, Exporter, Format, FormatOptions, parse_labels
from annotator.formats.split import ALL

TAG_COLUMNS = ("ner_tags", "quote_tags", "speaker_tags")
#: Our split names → the names Hugging Face uses.
HF_SPLITS = {ALL: "train", "train": "train", "dev": "validation", "test": "test"}
LABELS_FILE = "labels.json"
CARD_FILE = "README.md"


def label_names(entity_labels: list[str]) -> dict[str, list[str]]:
    """The id → name lists of ``labels.json``: ``O`` is 0 in every column."""
    return {
        "ner_tags": bio_label_names(entity_labels),
        "quote_tags": bio_label_names([QUOTE]),
        "speaker_tags": bio_label_names([SPEAKER]),
    }


def labels_json(names: dict[str, list[str]]) -> bytes:
    return (json.dumps(names, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def prepare_folder(output: Path) -> Path:
    """The output is a folder, built whole beside it and renamed into place (its parent must exist)."""
    if str(output) == "-":
        raise InputError("-", None, "hf writes a folder, not standard output; give a folder name with -o")
    if output.exists() and not output.is_dir():
        raise InputError(str(output), None, "hf writes a folder (data files plus a dataset card); "
                         "this is a file: give a folder name with -o")
    if not output.parent.is_dir():
        raise InputError(str(output), None, f"the folder {output.parent} does not exist")
    return output


def output_folder(output: Path, paths: dict[str, Path]) -> list[Path]:
    return [output]


def holds_export_file(entry: Path) -> bool:
    """What an hf export writes: the split files, ``labels.json`` and the card."""
    return entry.name in {f"{split}.jsonl" for split in HF_SPLITS.values()} | {LABELS_FILE, CARD_FILE}


def data_paths(output: Path, names: Sequence[str]) -> dict[str, Path]:
    return {name: output / f"{HF_SPLITS[name]}.jsonl" for name in names}


def extra_paths(context: ExportContext) -> list[Path]:
    return [context.output / LABELS_FILE, context.output / CARD_FILE]


def extra_files(context: ExportContext, counts: dict[str, int]) -> dict[Path, bytes]:
    names = label_names(context.entity_labels)
    splits = {HF_SPLITS[name]: (context.paths[name].name, count, context.sizes.get(name, 0))
              for name, count in counts.items()}
    return {context.output / LABELS_FILE: labels_json(names),
            context.output / CARD_FILE: dataset_card(names, splits).encode("utf-8")}


def dataset_card(names: dict[str, list[str]], splits: dict[str, tuple[str, int, int]]) -> str:
    """A README.md whose YAML header gives ``load_dataset`` the features, files and split sizes."""
    lines = ["---", "# Fill in the licence of the texts before sharing this dataset.", "license: unknown",
             "task_categories:", "- token-classification", "configs:", "- config_name: default",
             "  data_files:"]
    for split, (file, _, _) in splits.items():
        lines += [f"  - split: {split}", f"    path: {file}"]
    lines += ["dataset_info:", "  features:",
              "  - name: id", "    dtype: string",
              "  - name: annotator", "    dtype: string",
              "  - name: tokens", "    list: string"]
    for column in TAG_COLUMNS:
        lines += [f"  - name: {column}", "    list:", "      class_label:", "        names:"]
        lines += [f"          '{i}': {name}" for i, name in enumerate(names[column])]
    lines += ["  splits:"]
    # datasets reads a split without num_bytes as malformed (and warns on every load)
    for split, (_, count, size) in splits.items():
        lines += [f"  - name: {split}", f"    num_bytes: {size}", f"    num_examples: {count}"]
    lines += ["---", "", "# Quote attribution and named entities",
              "", "Exported by `annotator export --format hf`. One record per accepted decision: `tokens`"
              " (whitespace left out), entity tags (`ner_tags`), quote tags (`quote_tags`) and speaker"
              " tags (`speaker_tags`), all BIO; `id` is the input's own id, else its Prodigy"
              " `_input_hash`; `annotator` says whose decision it is. `labels.json` lists the tag names"
              " by id.", "",
              "| split | records |", "| --- | --- |"]
    lines += [f"| {split} | {count} |" for split, (_, count, _) in splits.items()]
    return "\n".join(lines) + "\n"


class HfWriter:
    def __init__(self, out: IO[bytes], context: ExportContext) -> None:
        names = label_names(context.entity_labels)
        self._ids = {column: {name: i for i, name in enumerate(names[column])} for column in TAG_COLUMNS}
        self._lines = jsonlines.Writer(out, compact=True)

    def add(self, decision: Any, doc: Doc) -> None:
        tokens = tagged_tokens(doc)
        ner, quote, speaker = (self._ids[c] for c in TAG_COLUMNS)
        task = decision.annotation.task
        own_id = task.extra.get("id")
        self._lines.write({
            "id": str(own_id) if own_id is not None else str(task.input_hash),
            "annotator": decision.group,
            "tokens": [t.text for t in tokens],
            "ner_tags": [ner[t.ner] for t in tokens],
            "quote_tags": [quote[t.quote] for t in tokens],
            "speaker_tags": [speaker[t.speaker] for t in tokens],
        })

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


@dataclass(frozen=True)
class HfOptions(FormatOptions):
    #: export: entity labels in the order their tag ids are fixed (``--labels``)
    labels: tuple[str, ...] | str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", parse_labels(self.labels))


EXPORTER = Exporter(writer=HfWriter, needs_doc=True, prepare_output=prepare_folder, data_paths=data_paths,
                      folders=output_folder, folder_holds=holds_export_file,
                      extra_paths=extra_paths, extra_files=extra_files)
FORMAT = Format(name="hf", summary="Hugging Face dataset folder (JSON lines, labels.json, card)",
                options=HfOptions, exporter=EXPORTER)
