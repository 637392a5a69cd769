"""The command line as a person meets it: --help in Click's spelling, the registry's formats,
progress bars only on a terminal, standard input and output where a pipe needs them."""

from __future__ import annotations

import json
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from annotator.cli import app
from annotator.formats import REGISTRY, Entry, export_names, import_names
from tests.conftest import FIXTURES

ANNOTATIONS = FIXTURES / "export" / "annotations.jsonl"


def every_command(command, path=()):
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield (*path, name)
        yield from every_command(sub, (*path, name))


COMMANDS = list(every_command(typer.main.get_command(app)))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_commands_help_is_in_clicks_spelling(command):
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    usage = next(line for line in result.output.splitlines() if "Usage:" in line)
    # Typer 0.2x wrote "{files}..." and Python types: "--force <bool>", "<list[Path]>", "<str>".
    assert "{" not in usage, usage
    assert not re.search(r"<[a-z][\w\[\]|., ]*>", result.output), result.output
    assert re.search(r"\b[A-Z][A-Z_]+(\.\.\.)?\b", usage) or usage.rstrip().endswith("[OPTIONS]"), usage


def test_no_command_is_left_out_of_the_help_check():
    assert {"export", "import", "stats", "agree", "evaluate", "validate", "prelabel"} <= {c[0] for c in COMMANDS}


# -- the registry ---------------------------------------------------------------------------------


@dataclass
class TsvWriter:
    """A format written for this test: one ``text<TAB>answer`` line per decision."""

    out: object
    context: object

    def add(self, decision, doc) -> None:
        text = " ".join(decision.annotation.task.text.split())
        self.out.write(f"{text}\t{decision.annotation.answer}\n".encode())

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


def tsv_module():
    from annotator.formats.format import Exporter, Format, NoOptions, ImportReport

    def import_tsv(*, sources, output, options, force, progress):
        lines = sum(len(Path(s).read_text().splitlines()) for s in sources)
        Path(output).write_text("", encoding="utf-8")
        return ImportReport(output, written=lines)

    module = types.ModuleType("tests_tsv_format")
    module.FORMAT = Format(name="tsv", options=NoOptions, exporter=Exporter(writer=TsvWriter, needs_doc=False),
                           importer=import_tsv)
    return module


def test_a_format_is_one_module_and_one_registry_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "tests_tsv_format", tsv_module())
    monkeypatch.setitem(REGISTRY, "tsv", Entry("tests_tsv_format"))
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(app, ["export", str(ANNOTATIONS), "--format", "tsv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines and all(line.endswith("\taccept") for line in lines)
    result = CliRunner().invoke(app, ["import", "tsv", str(out), "-o", str(tmp_path / "back.jsonl")])
    assert result.exit_code == 0 and f"{len(lines)} record(s) written" in result.output


def test_cli_choices_are_the_registrys():
    export = typer.main.get_command(app).commands["export"]
    format_option = next(p for p in export.params if p.name == "format")
    assert format_option.metavar == "[" + "|".join(export_names()) + "]"
    result = CliRunner().invoke(app, ["import", "--help"], env={"COLUMNS": "200"})
    assert ", ".join(import_names()) in result.output
    assert set(import_names()) == {"prodigy", "brat", "doccano", "labelstudio"}
    unknown = CliRunner().invoke(app, ["import", "spacy", str(ANNOTATIONS), "-o", "x.jsonl"], env={"COLUMNS": "200"})
    assert unknown.exit_code == 2 and "choose from prodigy, brat, doccano, labelstudio" in unknown.output


def test_an_option_of_another_format_is_refused_not_ignored(tmp_path):
    result = CliRunner().invoke(app, ["export", str(ANNOTATIONS), "--format", "conll", "--layers", "ents",
                                      "-o", str(tmp_path / "out.conll")])
    assert result.exit_code == 2
    assert "--layers does not apply to conll (it takes --columns)" in result.output
    assert not (tmp_path / "out.conll").exists()


# -- progress, standard input and output ----------------------------------------------------------


def test_progress_is_drawn_only_when_standard_error_is_a_terminal(tmp_path, monkeypatch):
    from annotator.cli.progress import progress_shown

    result = CliRunner().invoke(app, ["export", str(ANNOTATIONS), "--format", "prodigy", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0 and "Finding newest decisions" not in result.stderr
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert progress_shown(True) and not progress_shown(False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not progress_shown(True)


def test_stats_reads_decisions_from_standard_input():
    from_file = CliRunner().invoke(app, ["stats", str(ANNOTATIONS), "--json"])
    piped = CliRunner().invoke(app, ["stats", "-", "--json"], input=ANNOTATIONS.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout) == json.loads(from_file.stdout)
    assert json.loads(piped.stdout)["decisions"] > 0


def test_validate_reports_on_standard_output_and_problems_on_standard_error(tmp_path):
    good = CliRunner().invoke(app, ["validate", str(ANNOTATIONS)])
    assert good.exit_code == 0 and f"{ANNOTATIONS}: " in good.stdout and "ok" in good.stdout
    assert good.stderr == ""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(ANNOTATIONS.read_text().splitlines()[0] + "\n{\"text\": 3}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.stderr and f"{bad}:2:" not in result.stdout
    assert f"{bad}: 2 record(s), 1 bad line(s)" in result.stdout


@pytest.mark.model
def test_prelabel_reads_standard_input_and_writes_standard_output(monkeypatch, nlp_model):
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)
    text = 'Rosa Diaz said: "The ferry sails at noon."'
    result = CliRunner().invoke(app, ["prelabel", "-", "-o", "-"], input=json.dumps({"text": text}) + "\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == [text]
    assert any(s["label"] == "QUOTE" for s in records[0]["spans"])
