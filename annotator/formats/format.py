"""What a format is: its exporter, its importer and its own options type, as the registry holds them.

A format is a module in ``annotator.formats`` whose ``FORMAT`` is a ``Format``, and one line in
``annotator.formats.REGISTRY``. An exporter makes one ``Writer`` per split (``add(decision, doc)``,
``finish()``, ``abandon()``); an importer turns files into our tasks and decisions.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any, Callable, ClassVar, Mapping, Protocol, Sequence

import jsonlines

from annotator.core.output_paths import check_output_path
from annotator.core.decisions import DecisionIndex
from annotator.core.labels import DEFAULT_ENTITY_LABELS
from annotator.core.errors import UserError
from annotator.core.progress import Progress
from annotator.core.sources import InputError
from annotator.formats.split import ALL, split_path


class ExportOptionError(UserError):
    """A format option that cannot be used: an unknown value, or one the format does not take."""


@dataclass(frozen=True)
class FormatOptions:
    """A format's own options; a subclass lists its fields and checks them in ``__post_init__``.

    ``from_flags`` takes the command line's values by option name (``None``: not given) and refuses
    one the format does not take, so ``--layers`` with ``--format conll`` is an error, not ignored.
    """

    #: the command-line spelling of each field, for messages
    FLAGS: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_flags(cls, format_name: str, flags: Mapping[str, Any]) -> FormatOptions:
        names = {f.name for f in fields(cls)}
        given = {name: value for name, value in flags.items() if value is not None}
        foreign = [name for name in given if name not in names]
        if foreign:
            takes = ", ".join(f"--{n.replace('_', '-')}" for n in sorted(names)) or "no options"
            raise ExportOptionError(f"--{foreign[0].replace('_', '-')} does not apply to {format_name} "
                                    f"(it takes {takes})")
        return cls(**given)


@dataclass(frozen=True)
class NoOptions(FormatOptions):
    """A format without options."""


def parse_labels(labels: str | Sequence[str] | None) -> tuple[str, ...] | None:
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
    """Entity labels in the order tag ids follow: ``--labels`` as given, else the editor's labels
    (``core.labels.DEFAULT_ENTITY_LABELS``) then the others found, sorted."""
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
    options: FormatOptions
    output: Path
    #: split name → data file
    paths: dict[str, Path] = field(default_factory=dict)
    #: split name → bytes written to its data file, once the writers have finished
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def entity_labels(self) -> list[str]:
        return entity_label_order(self.index.entity_labels, getattr(self.options, "labels", None))


class Writer(Protocol):
    def add(self, decision: Any, doc: Any) -> None: ...
    def finish(self) -> None: ...
    def abandon(self) -> None: ...


class StreamWriter:
    """A writer that writes each decision as it comes into the open file the exporter gave it: it
    holds nothing back to write at the end, and has nothing of its own to clean up (the exporter
    removes the file of an export that fails)."""

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


class JsonLinesWriter(StreamWriter):
    """One JSON object a decision, a line each: a format gives ``record``."""

    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._lines = jsonlines.Writer(out, compact=True)

    def add(self, decision: Any, doc: Any) -> None:
        self._lines.write(self.record(decision, doc))

    def record(self, decision: Any, doc: Any) -> dict[str, Any]:
        raise NotImplementedError


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


def no_notices(options: Any, split: bool) -> list[str]:
    return []


@dataclass(frozen=True)
class Exporter:
    """A format's export: how its writer is made and which files it writes."""

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
    #: warnings about the options before anything is written (given the options and whether there is a --split)
    notices: Callable[[Any, bool], list[str]] = no_notices


@dataclass
class ImportReport:
    """What an import wrote and what it left out, whatever the format."""

    output: Path | str
    #: records written (tasks and decisions)
    written: int = 0
    decisions: int = 0
    #: records already in the output, not written twice
    skipped: int = 0
    #: records left out because there is nothing to annotate in them, by reason
    left_out: Counter[str] = field(default_factory=Counter)
    #: files that could not be read (each a located error); the others were imported
    failed: list[InputError] = field(default_factory=list)
    #: located messages about something imported other than as written, by kind
    warnings: list[Any] = field(default_factory=list)
    #: span and relation labels written
    spans: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    #: inputs found but not imported (a text without annotations), each a path
    unpaired: list[Path] = field(default_factory=list)

    @property
    def warning_counts(self) -> Counter[str]:
        return Counter(getattr(w, "kind", "warning") for w in self.warnings)


class Importer(Protocol):
    def __call__(self, *, sources: Sequence[str | Path], output: str | Path, options: Any, force: bool,
                 progress: Progress) -> ImportReport: ...


@dataclass(frozen=True)
class Format:
    """One entry of the registry: a format's exporter, its importer (where the format has one) and options."""

    name: str
    options: type[FormatOptions]
    exporter: Exporter | None = None
    importer: Importer | None = None
    #: what the format is, one line for ``--help``
    summary: str = ""
