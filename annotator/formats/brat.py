"""brat standoff, both ways: folders of ``NAME.txt`` + ``NAME.ann`` (PolNeAR's shape) as accepted decisions and back.

Reading is ``brat_reading`` (what the annotations mean for our records), writing ``brat_writing``,
the file format itself ``brat_standoff``; this module is the registry's entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from annotator.core.output_paths import refuse_output_among_inputs
from annotator.core.progress import Progress
from annotator.formats.brat_labels import parse_labels
from annotator.formats.brat_reading import import_brat
from annotator.formats.brat_writing import BratWriter, check_output_folder, holds_export_file, output_folders
from annotator.formats.format import ExportContext, Exporter, Format, FormatOptions, ImportReport


@dataclass(frozen=True)
class BratOptions(FormatOptions):
    #: import: ``TYPE=LABEL`` pairs laid over the default mapping (``Content=QUOTE`` ...)
    labels: str | None = None
    #: import: who made a ``NAME.ann`` without an ``_ANNOTATOR`` suffix or an ``annotators.json`` entry
    annotator: str | None = None

    def __post_init__(self) -> None:
        parse_labels(self.labels)


def _writer(target: Path, context: ExportContext) -> BratWriter:
    return BratWriter(target, context.index.decisions_per_input)


def _import(*, sources: Sequence[str | Path], output: str | Path, options: BratOptions, force: bool,
            progress: Progress) -> ImportReport:
    # brat folders are searched at every depth for .txt and .ann: no output of those kinds may be inside one.
    refuse_output_among_inputs(output, [*sources, *paired_texts(sources)], folder_reads=(".txt", ".ann"),
                               recursive=True)
    return import_brat(sources=sources, output=output, labels=options.labels, annotator=options.annotator,
                       overwrite=force, progress=progress)


def paired_texts(sources: Sequence[str | Path]) -> list[Path]:
    """The texts an ``.ann`` input may be read with: ``NAME.txt`` for ``NAME.ann`` and ``NAME_XXXX.ann``."""
    texts = []
    for source in map(Path, sources):
        if source.suffix == ".ann":
            texts.append(source.with_suffix(".txt"))
            parts = source.stem.split("_")
            texts += [source.with_name("_".join(parts[:n]) + ".txt") for n in range(1, len(parts))]
    return texts


FORMAT = Format(
    name="brat",
    summary="brat standoff folders (.txt + .ann, annotation.conf)",
    options=BratOptions,
    exporter=Exporter(writer=_writer, needs_doc=False, prepare_output=check_output_folder,
                      check_data_path=check_output_folder, folders=output_folders,
                      folder_holds=holds_export_file),
    importer=_import,
)
