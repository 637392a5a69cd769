"""Export decisions to training files: choose the newest decisions, split by document, write atomically.

``export_annotations`` is what ``annotator export`` runs; it works the same when called from Python.
Each format is an entry in ``EXPORT_FORMATS``; ``annotator.export.formats`` says what an entry holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import spacy
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from annotator.core.errors import UserError
from annotator.core.output_paths import refuse_output_among_inputs
from annotator.core.sources import NoticeHandler
from annotator.export import FORMATS
from annotator.export.atomic import AtomicFileSet, refuse_existing_outputs, refuse_inputs_inside
from annotator.export.decisions import DecisionIndex, check_sources, index_decisions, iter_decisions
from annotator.export import brat_writer, conll, doccano, hf, labelstudio, prodigy, spacy_docbin
from annotator.export.formats import ExportContext, ExportFormat, ExportOptions
from annotator.export.split import assign_splits, parse_split, split_names
from annotator.nlp.convert import task_to_doc

ALL = "all"

def _brat_writer(target: Path, context: ExportContext) -> brat_writer.BratWriter:
    return brat_writer.BratWriter(target, context.index.decisions_per_input)


#: Every ``--format``: its writer and files (``annotator.export.FORMATS`` lists the same names).
EXPORT_FORMATS: dict[str, ExportFormat] = {
    "spacy": spacy_docbin.FORMAT,
    "prodigy": prodigy.FORMAT,
    "conll": conll.FORMAT,
    "hf": hf.FORMAT,
    "brat": ExportFormat(writer=_brat_writer, needs_doc=False, prepare_output=brat_writer.check_output_folder,
                         check_data_path=brat_writer.check_output_folder, folders=brat_writer.output_folders,
                         folder_holds=brat_writer.holds_export_file),
    "doccano": doccano.FORMAT,
    "labelstudio": labelstudio.FORMAT,
}


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
    #: files written beside the data: tag names, a dataset card, a training config
    extra_files: list[Path] = field(default_factory=list)

    @property
    def labels_file(self) -> Path | None:
        return next((p for p in self.extra_files if p.name.endswith("labels.json")), None)


def progress_bar(enabled: bool) -> Progress:
    """The Rich progress display export, stats and agree share; on standard error, off in scripts."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), disable=not enabled,
        transient=False,
    )


def export_annotations(*, sources: Sequence[str | Path], format: str, output: str | Path,
                       split: str | Sequence[float] | None = None, seed: int = 0,
                       answers: Sequence[str] = ("accept",), group_by: str = "annotator",
                       show_progress: bool = False, layers: str = "rel",
                       columns: Sequence[str] = ("ner",), labels: str | Sequence[str] | None = None,
                       config: str | Path | None = None, force: bool = False,
                       on_notice: NoticeHandler | None = None) -> ExportReport:
    """Write the newest decision per input (per annotator) whose answer is in ``answers``.

    With ``split`` (``"0.8,0.1,0.1"``), documents are shuffled with ``seed`` and written to
    ``OUT.train.EXT``/``OUT.dev.EXT``/``OUT.test.EXT`` (for ``hf``, ``train``/``validation``/``test``
    files in the output folder). Every output is written under a temporary name and renamed only
    when all of them are complete. An existing output is refused unless ``force`` (a folder is
    replaced only when it holds nothing but an earlier export's files). ``layers`` (prodigy),
    ``columns`` (conll), ``labels`` (hf, conll) and ``config`` (spacy) are the format options;
    ``on_notice`` hears of a supplied ``_input_hash`` that two different texts carry.
    """
    spec = EXPORT_FORMATS.get(format)
    if spec is None:
        raise ExportFormatError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    options = ExportOptions.parse(layers=layers, columns=columns, labels=labels, config=config)
    fractions = parse_split(split) if isinstance(split, str) else (tuple(split) if split else None)
    names = split_names(fractions) if fractions else (ALL,)
    output = spec.prepare_output(Path(output))
    paths = spec.data_paths(output, names)
    folders = spec.folders(output, paths)
    for path in paths.values():
        if path.parent not in folders:
            spec.check_data_path(path)
    check_sources(sources)
    if config is not None and fractions is None and on_notice is not None:
        on_notice(f"{config}: no --split, so the config's dev set is the training file (scores while "
                  "training are on data the model learns from)")
    # Extra files (a config, labels, a card) depend on the output and options, not on the decisions.
    extra_paths = spec.extra_paths(ExportContext(index=DecisionIndex(sources=[], group_field=None, answers=()),
                                                 options=options, output=output, paths=paths))
    refuse_output_among_inputs([*paths.values(), *extra_paths], sources)
    refuse_inputs_inside(folders, sources)
    files_written = [p for p in [*paths.values(), *extra_paths] if p not in folders]
    refuse_existing_outputs([p for p in files_written if p.parent not in folders], folders, replace=force,
                            folder_holds=spec.folder_holds)

    with progress_bar(show_progress) as progress:
        reading = progress.add_task("Finding newest decisions", total=None)
        index = index_decisions(sources, answers=answers, group_by=group_by,
                                progress=lambda n: progress.advance(reading, n), on_notice=on_notice)
        progress.update(reading, total=index.records_read)
        context = ExportContext(index=index, options=options, output=output, paths=paths)
        assignment = assign_splits(index.documents, fractions, seed) if fractions else None
        report = ExportReport(format, index.records_read, len(index), len(index.documents))
        writing = progress.add_task(f"Writing {format}", total=len(index))
        with AtomicFileSet(files_written, folders) as files:
            writers = {name: spec.writer(files.folder(path) if path in folders else files[path].file, context)
                       for name, path in paths.items()}
            counts = dict.fromkeys(names, 0)
            try:
                for split_name, decision, doc in _docs(spec.needs_doc, index, assignment,
                                                       lambda n: progress.advance(writing, n)):
                    writers[split_name].add(decision, doc)
                    counts[split_name] += 1
                for writer in writers.values():
                    writer.finish()
                for name, path in paths.items():
                    if path not in folders:
                        files[path].file.flush()
                        context.sizes[name] = files[path].file.tell()
            except BaseException:
                for writer in writers.values():
                    writer.abandon()
                raise
            for path, data in spec.extra_files(context, counts).items():
                files[path].write(data)
    report.outputs = {name: (paths[name], counts[name]) for name in names}
    report.extra_files = extra_paths
    return report


def _docs(needs_doc: bool, index: Any, assignment: dict[int, str] | None,
          progress: Callable[[int], None]) -> Iterator[tuple[str, Any, Any]]:
    # Tokens come from the records; a blank pipeline only supplies the vocab (and a tokenizer for
    # records without tokens), so no trained model is loaded for an export.
    nlp = spacy.blank("en") if needs_doc else None
    for decision in iter_decisions(index, progress=progress):
        split_name = assignment[decision.annotation.task.input_hash] if assignment else ALL
        doc = task_to_doc(decision.annotation.task, nlp) if nlp is not None else None
        yield split_name, decision, doc
