"""Export decisions to training files: choose the newest decisions, split by document, write atomically.

``export_annotations`` is what ``annotator export`` runs; it works the same when called from Python.
Each format's exporter comes from the registry (``annotator.formats``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import msgspec
import spacy

from annotator.core.atomic import AtomicFileSet
from annotator.core.output_paths import refuse_existing_outputs, refuse_inputs_inside
from annotator.core.decisions import DecisionIndex, check_sources, index_decisions, iter_decisions
from annotator.core.output_paths import refuse_output_among_inputs
from annotator.core.progress import Advance, NoProgress, Progress
from annotator.core.sources import NoticeHandler
from annotator.formats import get_format
from annotator.formats.format import ExportContext, FormatOptions
from annotator.formats.split import ALL, assign_splits, parse_split, split_names
from annotator.nlp.convert import task_to_doc


@dataclass(frozen=True)
class Selection:
    """Which decisions are exported: the newest per input per ``group_by`` whose answer is in ``answers``."""

    answers: tuple[str, ...] = ("accept",)
    #: annotator, session or input
    group_by: str = "annotator"


@dataclass(frozen=True)
class Split:
    """Train/dev[/test] fractions, by document, shuffled with ``seed``."""

    fractions: tuple[float, ...]
    seed: int = 0

    @classmethod
    def parse(cls, text: str, seed: int = 0) -> Split:
        return cls(parse_split(text), seed)


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


def export_annotations(*, sources: Sequence[str | Path], format: str, output: str | Path,
                       options: FormatOptions | Mapping[str, Any] | None = None,
                       split: Split | str | None = None, selection: Selection = Selection(),
                       force: bool = False, progress: Progress = NoProgress(),
                       on_notice: NoticeHandler | None = None) -> ExportReport:
    """Write the newest decision per input (per annotator) that ``selection`` picks.

    ``options`` are the format's own (its ``FormatOptions`` type, or a mapping of its option names,
    e.g. ``{"layers": "ents"}`` for prodigy). With ``split`` (``"0.8,0.1,0.1"`` or a ``Split``),
    documents are shuffled with its seed and written to ``OUT.train.EXT``/``OUT.dev.EXT``/``OUT.test.EXT``
    (for ``hf``, ``train``/``validation``/``test`` files in the output folder). Every output is
    written under a temporary name and renamed only when all of them are complete. An existing
    output is refused unless ``force`` (a folder is replaced only when it holds nothing but an
    earlier export's files). ``on_notice`` hears of a supplied ``_input_hash`` that two different
    texts carry, and of a training config whose dev set is the training file.
    """
    spec = get_format(format, exporting=True)
    exporter = spec.exporter
    assert exporter is not None
    if not isinstance(options, FormatOptions):
        options = spec.options.from_flags(format, dict(options or {}))
    if isinstance(split, str):
        split = Split.parse(split)
    names = split_names(split.fractions) if split else (ALL,)
    output = exporter.prepare_output(Path(output))
    paths = exporter.data_paths(output, names)
    folders = exporter.folders(output, paths)
    for path in paths.values():
        if path.parent not in folders:
            exporter.check_data_path(path)
    check_sources(sources)
    # Extra files (a config, labels, a card) depend on the output and options, not on the decisions.
    extra_paths = exporter.extra_paths(ExportContext(index=DecisionIndex(sources=[], group_field=None, answers=()),
                                                     options=options, output=output, paths=paths))
    refuse_output_among_inputs([*paths.values(), *extra_paths], sources)
    refuse_inputs_inside(folders, sources)
    files_written = [p for p in [*paths.values(), *extra_paths] if p not in folders]
    refuse_existing_outputs([p for p in files_written if p.parent not in folders], folders, replace=force,
                            folder_holds=exporter.folder_holds)
    for notice in exporter.notices(options, split is not None):
        if on_notice is not None:
            on_notice(notice)

    reading = progress.stage("Finding newest decisions", None)
    index = index_decisions(sources, answers=selection.answers, group_by=selection.group_by,
                            progress=reading, on_notice=on_notice)
    context = ExportContext(index=index, options=options, output=output, paths=paths)
    assignment = assign_splits(index.documents, split.fractions, split.seed) if split else None
    report = ExportReport(format, index.records_read, len(index), len(index.documents))
    writing = progress.stage(f"Writing {format}", len(index))
    with AtomicFileSet(files_written, folders) as files:
        writers = {name: exporter.writer(files.folder(path) if path in folders else files[path].file, context)
                   for name, path in paths.items()}
        counts = dict.fromkeys(names, 0)
        try:
            for split_name, decision, doc in _docs(exporter.needs_doc, index, assignment, writing):
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
        for path, data in exporter.extra_files(context, counts).items():
            files[path].write(data)
    report.outputs = {name: (paths[name], counts[name]) for name in names}
    report.extra_files = extra_paths
    return report


def _docs(needs_doc: bool, index: DecisionIndex, assignment: dict[int, str] | None,
          progress: Advance) -> Iterator[tuple[str, Any, Any]]:
    # Tokens come from the records; a blank pipeline only supplies the vocab (and a tokenizer for
    # records without tokens), so no trained model is loaded for an export.
    nlp = spacy.blank("en") if needs_doc else None
    for decision in iter_decisions(index, progress=progress):
        split_name = assignment[decision.annotation.task.input_hash] if assignment else ALL
        # A decision's suggestions (offered, not taken) are never annotations: the doc has none.
        task = decision.annotation.task
        doc = task_to_doc(msgspec.structs.replace(task, suggestions=[]), nlp) if nlp is not None else None
        yield split_name, decision, doc
