"""The export formats as data: one ``ExportFormat`` entry per ``--format``, and the options they take.

Adding a format is a module with a writer (``add(decision, doc)``, ``finish()``, ``abandon()``)
and one entry in ``annotator.export.exporting.EXPORT_FORMATS``; ``FORMATS`` in ``annotator.export`` lists the names for the CLI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Protocol, Sequence

from annotator.core.errors import UserError
from annotator.export.atomic import check_output_path
from annotator.export.decisions import DecisionIndex
from annotator.export.split import split_path

ALL = "all"
#: What ``--layers`` picks for Prodigy: the entity layer, the quote layer, or everything with relations.
LAYERS = ("ents", "spans", "rel")
#: The tag columns ``--columns`` may name for CoNLL.
CONLL_COLUMNS = ("ner", "quote", "speaker")
#: The entity labels of spaCy's English pipelines (OntoNotes 5), in the order their ids are fixed.
DEFAULT_ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                         "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                         "CARDINAL")


class ExportOptionError(UserError):
    """A format option (--layers, --columns, --labels, --config) that cannot be used."""


@dataclass(frozen=True)
class ExportOptions:
    layers: str = "rel"
    columns: tuple[str, ...] = ("ner",)
    #: entity labels in the order their tag ids are fixed; None for the default order
    labels: tuple[str, ...] | None = None
    config: Path | None = None

    @classmethod
    def parse(cls, *, layers: str = "rel", columns: Sequence[str] | str = ("ner",),
              labels: str | Sequence[str] | None = None, config: str | Path | None = None) -> ExportOptions:
        if layers not in LAYERS:
            raise ExportOptionError(f"--layers {layers!r}: choose from {', '.join(LAYERS)}")
        if isinstance(columns, str):
            columns = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in columns if c not in CONLL_COLUMNS]
        if unknown or not columns or len(set(columns)) != len(columns):
            raise ExportOptionError(f"--columns {','.join(columns)!r}: name each of "
                                    f"{', '.join(CONLL_COLUMNS)} at most once")
        return cls(layers=layers, columns=tuple(columns), labels=_parse_labels(labels),
                   config=Path(config) if config else None)


def _parse_labels(labels: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """``--labels``: a comma-separated list, or a file: a ``labels.json`` of an earlier export, a JSON
    list, or one label per line."""
    if labels is None:
        return None
    if not isinstance(labels, str):
        return tuple(labels)
    path = Path(labels)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                raise ExportOptionError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None
            if isinstance(data, dict) and isinstance(data.get("ner_tags"), list):
                names = [n[2:] for n in data["ner_tags"] if isinstance(n, str) and n.startswith("B-")]
            elif isinstance(data, list) and all(isinstance(n, str) for n in data):
                names = list(data)
            else:
                raise ExportOptionError(f"{path}: expected a list of labels or an export's labels.json")
        else:
            names = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        names = [name.strip() for name in labels.split(",") if name.strip()]
    if not names or len(set(names)) != len(names):
        raise ExportOptionError(f"--labels {labels!r}: give each entity label once")
    return tuple(names)


def entity_label_order(found: set[str], given: tuple[str, ...] | None) -> list[str]:
    """Entity labels in the order tag ids follow: ``--labels`` as given, else spaCy's labels then others."""
    if given is not None:
        missing = sorted(found - set(given))
        if missing:
            raise ExportOptionError(f"the data has entity label(s) {', '.join(missing)} that --labels "
                                    "does not list; add them (at the end, to keep the other ids)")
        return list(given)
    return list(DEFAULT_ENTITY_LABELS) + sorted(found - set(DEFAULT_ENTITY_LABELS))


@dataclass
class ExportContext:
    """What a writer may need: the decisions chosen, the options, and where the data goes."""

    index: DecisionIndex
    options: ExportOptions
    output: Path
    #: split name → data file
    paths: dict[str, Path] = field(default_factory=dict)
    #: split name → bytes written to its data file, once the writers have finished
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def entity_labels(self) -> list[str]:
        return entity_label_order(self.index.entity_labels, self.options.labels)


class Writer(Protocol):
    def add(self, decision: Any, doc: Any) -> None: ...
    def finish(self) -> None: ...
    def abandon(self) -> None: ...


def file_paths(output: Path, names: Sequence[str]) -> dict[str, Path]:
    """``-o data/quotes.spacy``: one file, or ``quotes.train.spacy`` ... with --split."""
    return {name: (output if name == ALL else split_path(output, name)) for name in names}


def no_extra_paths(context: ExportContext) -> list[Path]:
    return []


def no_extra_files(context: ExportContext, counts: dict[str, int]) -> dict[Path, bytes]:
    return {}


def no_folders(output: Path, paths: dict[str, Path]) -> list[Path]:
    return []


def holds_nothing(entry: Path) -> bool:
    return False


@dataclass(frozen=True)
class ExportFormat:
    """One ``--format``: how its writer is made and which files it writes."""

    #: makes the writer of one split from its open temporary file (or the folder being built, see ``folders``)
    writer: Callable[[Any, ExportContext], Writer]
    needs_doc: bool
    prepare_output: Callable[[Path], Path] = check_output_path
    data_paths: Callable[[Path, Sequence[str]], dict[str, Path]] = file_paths
    #: checks each split's target before any work
    check_data_path: Callable[[Path], Path] = check_output_path
    #: the folders built whole under a temporary name and renamed into place (hf: the output; brat:
    #: one per split); a data path that is one of them gives its writer the folder being built, a
    #: path inside one is a file of that folder
    folders: Callable[[Path, dict[str, Path]], list[Path]] = no_folders
    #: what an earlier export leaves in one of ``folders``: ``--force`` replaces only such a folder
    folder_holds: Callable[[Path], bool] = holds_nothing
    extra_paths: Callable[[ExportContext], list[Path]] = no_extra_paths
    extra_files: Callable[[ExportContext, dict[str, int]], dict[Path, bytes]] = no_extra_files
