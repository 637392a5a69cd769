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

from spacy.tokens import Doc

from annotator.core.sources import InputError
from annotator.core.records import QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER
from annotator.formats.bio import TaggedToken, bio_label_names, tagged_tokens
from annotator.nlp.convert import SPAN_GROUPS
from annotator.formats.format import ExportContext, Exporter, Format, FormatOptions, JsonLinesWriter, parse_labels
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


def _class_label(names: list[str]) -> dict[str, Any]:
    return {"class_label": {"names": {str(i): name for i, name in enumerate(names)}}}


def features(names: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The columns as ``datasets`` declares features in a card: tag columns are sequences of ``ClassLabel``;
    ``quotes`` lists each quote's token range, type and the token ranges of who said it (SAID_BY)."""
    def token_range() -> list[dict[str, Any]]:
        # fresh dicts each time: a shared one would be written as a YAML anchor, which datasets misreads
        return [{"name": "start", "dtype": "int32"}, {"name": "end", "dtype": "int32"}]

    columns: list[dict[str, Any]] = [{"name": "id", "dtype": "string"}, {"name": "annotator", "dtype": "string"},
                                     {"name": "tokens", "list": "string"}]
    columns += [{"name": column, "list": _class_label(names[column])} for column in TAG_COLUMNS]
    columns.append({"name": "quotes", "list": [*token_range(),
                                               {"name": "quote_type", "dtype": _class_label(list(QUOTE_TYPES))},
                                               {"name": "speakers", "list": token_range()}]})
    return columns


def dataset_card(names: dict[str, list[str]], splits: dict[str, tuple[str, int, int]]) -> str:
    """A README.md whose YAML header gives ``load_dataset`` the features, files and split sizes,
    written with ``huggingface_hub``'s ``DatasetCardData``."""
    from huggingface_hub import DatasetCard, DatasetCardData

    data = DatasetCardData(
        license="unknown",
        task_categories=["token-classification"],
        configs=[{"config_name": "default",
                  "data_files": [{"split": split, "path": file} for split, (file, _, _) in splits.items()]}],
        # datasets reads a split without num_bytes as malformed (and warns on every load)
        dataset_info={"features": features(names),
                      "splits": [{"name": split, "num_bytes": size, "num_examples": count}
                                 for split, (_, count, size) in splits.items()]},
    )
    body = ["# Quote attribution and named entities", "",
            "Fill in the licence of the texts (`license: unknown` above) before sharing this dataset.", "",
            "Exported by `annotator export --format hf`. One record per accepted decision: `tokens`"
            " (whitespace left out), entity tags (`ner_tags`), quote tags (`quote_tags`) and speaker"
            " tags (`speaker_tags`), all BIO; `quotes`: each quote's token range (`start`, `end`"
            " exclusive, over `tokens`), its `quote_type` and the token ranges of its `speakers` (SAID_BY"
            " links); `id` is the input's own id, else its Prodigy `_input_hash`; `annotator` says whose"
            " decision it is. `labels.json` lists the tag names by id.", "",
            "| split | records |", "| --- | --- |"]
    body += [f"| {split} | {count} |" for split, (_, count, _) in splits.items()]
    return str(DatasetCard(f"---\n{data.to_yaml()}\n---\n\n" + "\n".join(body) + "\n"))


def quote_links(doc: Doc, tokens: list[TaggedToken]) -> list[dict[str, Any]]:
    """Each quote as token positions in ``tokens`` (whitespace left out), its type and its speakers."""
    position = {t.index: n for n, t in enumerate(tokens)}

    def token_range(span: Any) -> dict[str, int] | None:
        kept = [position[i] for i in range(span.start, span.end) if i in position]
        return {"start": kept[0], "end": kept[-1] + 1} if kept else None

    speakers_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for head_start, head_end, head_label, child_start, child_end, _, label in doc._.relations or ():
        if label == SAID_BY and head_label == QUOTE:
            speakers_of.setdefault((head_start, head_end), []).append((child_start, child_end))
    quotes = []
    for span in sorted(doc.spans.get(SPAN_GROUPS[QUOTE], []), key=lambda s: (s.start, s.end)):
        where = token_range(span)
        if where is None:
            continue
        speakers = []
        for start, end in speakers_of.get((span.start_char, span.end_char), []):
            speaker = doc.char_span(start, end, alignment_mode="expand")
            found = token_range(speaker) if speaker is not None else None
            if found is not None:
                speakers.append(found)
        quotes.append({**where, "quote_type": QUOTE_TYPES.index(span._.quote_type or QUOTE_TYPES[0]),
                       "speakers": speakers})
    return quotes


class HfWriter(JsonLinesWriter):
    def __init__(self, out: IO[bytes], context: ExportContext) -> None:
        super().__init__(out, context)
        names = label_names(context.entity_labels)
        self._ids = {column: {name: i for i, name in enumerate(names[column])} for column in TAG_COLUMNS}

    def record(self, decision: Any, doc: Doc) -> dict[str, Any]:
        tokens = tagged_tokens(doc)
        ner, quote, speaker = (self._ids[c] for c in TAG_COLUMNS)
        task = decision.annotation.task
        own_id = task.extra.get("id")
        return {
            "id": str(own_id) if own_id is not None else str(task.input_hash),
            "annotator": decision.group,
            "tokens": [t.text for t in tokens],
            "ner_tags": [ner[t.ner] for t in tokens],
            "quote_tags": [quote[t.quote] for t in tokens],
            "speaker_tags": [speaker[t.speaker] for t in tokens],
            "quotes": quote_links(doc, tokens),
        }


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
