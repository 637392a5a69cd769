"""Export decisions to training files: choose the newest decisions, split by document, write atomically.

``export_annotations`` is what ``annotator export`` runs; it works the same when called from Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import spacy
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from annotator.core.errors import UserError
from annotator.core.output_paths import refuse_output_among_inputs
from annotator.export import FOLDER_FORMATS, FORMATS
from annotator.export.atomic import AtomicFileSet, check_output_path
from annotator.export.brat import BratWriter, check_output_folder
from annotator.export.conll import ConllWriter
from annotator.export.decisions import DecisionIndex, check_sources, index_decisions, iter_decisions
from annotator.export.hf import HfWriter, label_names, labels_json, labels_path
from annotator.export.prodigy import ProdigyWriter
from annotator.export.spacy_docbin import SpacyWriter
from annotator.export.split import assign_splits, parse_split, split_names, split_path
from annotator.nlp.convert import task_to_doc

#: The suffix each format's files usually have; only used in messages and the README.
SUFFIXES = {"spacy": ".spacy", "prodigy": ".jsonl", "conll": ".conll", "hf": ".jsonl", "brat": "/"}
ALL = "all"


class ExportFormatError(UserError):
    """An unknown --format."""


@dataclass
class ExportReport:
    format: str
    records_read: int
    decisions: int
    documents: int
    #: split name ("all" without --split) → (file, decisions written)
    outputs: dict[str, tuple[Path, int]] = field(default_factory=dict)
    labels_file: Path | None = None


def progress_bar(enabled: bool) -> Progress:
    """The Rich progress display export, stats and agree share; on standard error, off in scripts."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True), disable=not enabled, transient=False,
    )


def export_annotations(*, sources: Sequence[str | Path], format: str, output: str | Path,
                       split: str | Sequence[float] | None = None, seed: int = 0,
                       answers: Sequence[str] = ("accept",), group_by: str = "annotator",
                       show_progress: bool = False) -> ExportReport:
    """Write the newest decision per input (per annotator) whose answer is in ``answers``.

    With ``split`` (``"0.8,0.1,0.1"``), documents are shuffled with ``seed`` and written to
    ``OUT.train.EXT``/``OUT.dev.EXT``/``OUT.test.EXT``. Every file is written under a temporary
    name and renamed only when all of them are complete.
    """
    if format not in FORMATS:
        raise ExportFormatError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    fractions = parse_split(split) if isinstance(split, str) else (tuple(split) if split else None)
    check_output = check_output_folder if format in FOLDER_FORMATS else check_output_path
    output = check_output(output)
    names = split_names(fractions) if fractions else (ALL,)
    paths = {name: (output if name == ALL else split_path(output, name)) for name in names}
    for path in paths.values():
        check_output(path)
    check_sources(sources)
    refuse_output_among_inputs([*paths.values(), labels_path(output) if format == "hf" else None], sources)

    with progress_bar(show_progress) as progress:
        reading = progress.add_task("Finding newest decisions", total=None)
        index = index_decisions(sources, answers=answers, group_by=group_by,
                                progress=lambda n: progress.advance(reading, n))
        progress.update(reading, total=index.records_read)
        assignment = assign_splits(index.documents, fractions, seed) if fractions else None
        sidecar = labels_path(output) if format == "hf" else None
        report = ExportReport(format, index.records_read, len(index), len(index.documents),
                              labels_file=sidecar)
        targets = [] if format in FOLDER_FORMATS else list(paths.values()) + ([sidecar] if sidecar else [])
        writing = progress.add_task(f"Writing {format}", total=len(index))
        with AtomicFileSet(targets) as files:
            writers = {name: _writer(format, path if format in FOLDER_FORMATS else files[path].file, index,
                                     output.parent)
                       for name, path in paths.items()}
            counts = dict.fromkeys(names, 0)
            try:
                for split_name, decision, doc in _docs(index, writers, assignment,
                                                       lambda n: progress.advance(writing, n)):
                    writers[split_name].add(decision, doc)
                    counts[split_name] += 1
                for writer in writers.values():
                    writer.finish()
            except BaseException:
                for writer in writers.values():
                    writer.abandon()
                raise
            if sidecar:
                files[sidecar].write(labels_json(label_names(index.entity_labels)))
    report.outputs = {name: (paths[name], counts[name]) for name in names}
    return report


def _writer(format: str, out: Any, index: DecisionIndex, spill_dir: Path) -> Any:
    if format == "spacy":
        return SpacyWriter(out, spill_dir=spill_dir)
    if format == "prodigy":
        return ProdigyWriter(out)
    if format == "conll":
        return ConllWriter(out)
    if format == "brat":
        return BratWriter(out, index.decisions_per_input)
    return HfWriter(out, label_names(index.entity_labels))


def _docs(index: DecisionIndex, writers: dict[str, Any], assignment: dict[int, str] | None,
          progress: Callable[[int], None]) -> Iterator[tuple[str, Any, Any]]:
    needs_doc = any(w.needs_doc for w in writers.values())
    # Tokens come from the records; a blank pipeline only supplies the vocab (and a tokenizer for
    # records without tokens), so no trained model is loaded for an export.
    nlp = spacy.blank("en") if needs_doc else None
    for decision in iter_decisions(index, progress=progress):
        split_name = assignment[decision.annotation.task.input_hash] if assignment else ALL
        doc = task_to_doc(decision.annotation.task, nlp) if nlp is not None else None
        yield split_name, decision, doc
