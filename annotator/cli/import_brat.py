"""``annotator import brat``: brat standoff corpora (``.txt`` + ``.ann``) as accepted decisions."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import EXIT_BAD_INPUT, import_app
from annotator.cli.terminal import echo
from annotator.core.output_paths import refuse_output_among_inputs

#: Warnings of one kind shown in full before the rest are only counted (all with --verbose).
SHOWN_PER_KIND = 3


@import_app.command("brat")
def import_brat_command(
    sources: list[Path] = typer.Argument(..., help="Folders of brat files (searched recursively) or .ann files."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file of decisions to write."),
    labels: str = typer.Option(None, "--labels", help="TYPE=LABEL pairs laid over the defaults "
                               "Content=QUOTE,Source=SPEAKER,Cue=CUE,Discard=,Discuss= (TYPE= leaves a type out)."),
    annotator: str = typer.Option(None, "--annotator", help="Annotator of NAME.ann files without an _XXXX "
                                  "suffix (default: brat)."),
    force: bool = typer.Option(False, "--force", help="Replace OUTPUT if it exists."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every warning, not the first few of each kind."),
) -> None:
    """Convert brat .txt/.ann pairs into accepted decisions (gold for 'evaluate', input for 'export').

    A text with several annotators (NAME.txt with NAME_A1.ann, NAME_A2.ann) gives one decision per
    annotator. A file that cannot be read is reported as FILE:LINE and skipped; the others are
    written, and the exit status is 2.

    Example: annotator import brat PolNeAR/data/train -o polnear_train.jsonl
    """
    from annotator.export.brat import import_brat

    # brat folders are searched at every depth for .txt and .ann: no output of those kinds may be inside one.
    refuse_output_among_inputs(output, [*sources, *_paired_texts(sources)], folder_reads=(".txt", ".ann"),
                               recursive=True)
    report = import_brat(sources=sources, output=output, labels=labels, annotator=annotator, overwrite=force)
    shown: dict[str, int] = {}
    for warning in report.warnings:
        shown[warning.kind] = shown.get(warning.kind, 0) + 1
        if verbose or shown[warning.kind] <= SHOWN_PER_KIND:
            echo(f"warning: {warning}", err=True)
    for error in report.failed:
        echo(f"error: {error}", err=True)
    spans = ", ".join(f"{n} {label}" for label, n in sorted(report.spans.items())) or "no spans"
    relations = ", ".join(f"{n} {label}" for label, n in sorted(report.relations.items())) or "no relations"
    echo(f"{output}: {report.written} decision(s) written ({spans}; {relations})")
    for kind, count in sorted(report.warning_counts.items()):
        echo(f"  {count} warning(s): {kind}")
    if report.unpaired_texts:
        echo(f"  {len(report.unpaired_texts)} .txt file(s) without an .ann left out, e.g. "
                   f"{report.unpaired_texts[0]}")
    if report.failed:
        typer.echo(f"  {len(report.failed)} file(s) could not be imported (see the errors above)")
        raise typer.Exit(EXIT_BAD_INPUT)


def _paired_texts(sources: list[Path]) -> list[Path]:
    """The texts an ``.ann`` input may be read with: ``NAME.txt`` for ``NAME.ann`` and ``NAME_XXXX.ann``."""
    texts = []
    for source in sources:
        if source.suffix == ".ann":
            texts.append(source.with_suffix(".txt"))
            parts = source.stem.split("_")
            texts += [source.with_name("_".join(parts[:n]) + ".txt") for n in range(1, len(parts))]
    return texts
