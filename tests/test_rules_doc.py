"""docs/rules.md ("How the pre-labeler works today") stays true to the code: every repository path it
names in backticks exists, every ``annotator ...`` command and ``bench/...`` script it shows exists
with the options it gives them, and the modules' functions, classes and constants it names are
defined (``pkg/module.py::name``, ``module.name``, ``Class.method``, ``UPPER_CASE``, ``CamelCase``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import click
import typer

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "rules.md"
#: Where a relative path (``speakers/component.py``) may start; the first folder must be one of theirs.
PATH_ROOTS = (ROOT, ROOT / "annotator", ROOT / "annotator" / "nlp")
SOURCES = ("annotator", "bench", "tests")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
INLINE = re.compile(r"`([^`\n]+)`")
PATH = re.compile(r"(?<![\w./-])((?:[\w-]+/)+[\w.*-]*)")
BARE_FILE = re.compile(r"[\w-]+\.(?:py|txt|json|md)")
DOTTED = re.compile(r"[A-Za-z]\w*(?:\.[A-Za-z]\w*)+")
CONSTANT = re.compile(r"[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{2,}")
CLASS = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*")
SNAKE = re.compile(r"_?[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")
#: An option named alone in the prose (``--parse-cache DIR``): some command or bench script has it.
BARE_OPTION = re.compile(r"(--[a-z][\w-]*)(?: [A-Z_]+)?")


def code_of(text: str) -> tuple[list[str], list[str]]:
    """The page's inline code spans and the lines of its fenced blocks (comments left out)."""
    fenced = [line for block in FENCE.findall(text) for line in block.splitlines()
              if line.strip() and not line.lstrip().startswith("#")]
    return INLINE.findall(FENCE.sub("", text)), fenced


@cache
def source_files() -> tuple[Path, ...]:
    return tuple(p for folder in SOURCES for p in (ROOT / folder).rglob("*")
                 if p.suffix in (".py", ".txt", ".json") and p != Path(__file__).resolve())  # (not this file's own names)


@cache
def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def defines(path: Path, name: str) -> bool:
    """``path`` defines ``name``: a function, a class, or a module or class level assignment."""
    return re.search(rf"^\s*(?:(?:async )?def |class ){re.escape(name)}\b|^\s*{re.escape(name)}\s*(?::[^=\n]*)?=",
                     text_of(path), re.M) is not None


def resolve(path: str) -> Path | None:
    """The repository path a named path stands for, or None when it is no repository path."""
    first = path.split("/")[0]
    for root in PATH_ROOTS:
        if (root / first).is_dir():
            return root / path.split("::")[0]
    return None


def missing_paths(spans: list[str]) -> list[str]:
    missing = []
    for span in spans:
        for path in PATH.findall(span.split("::")[0]):
            where = resolve(path)
            if where is not None and not (where.exists() or any(where.parent.glob(where.name))):
                missing.append(path)
        if BARE_FILE.fullmatch(span.split("::")[0]) and not any(p.name == span.split("::")[0] for p in source_files()):
            missing.append(span)
    return missing


def files_named(name: str) -> list[Path]:
    """The modules a path or a bare module name (``cleanup``, ``by_cue.py``) stands for, or the files
    of a class of that name."""
    where = resolve(name) if "/" in name else None
    if where is not None:
        return [where] if where.is_file() else []
    stem = name.removesuffix(".py")
    found = [p for p in source_files() if p.suffix == ".py" and p.stem == stem]
    return found or [p for p in source_files() if p.suffix == ".py" and re.search(rf"^class {stem}\b", text_of(p), re.M)]


def undefined_names(spans: list[str]) -> list[str]:
    missing = []
    for span in spans:
        if "::" in span:
            module, name = span.split("::", 1)
            if not any(defines(p, name) for p in files_named(module)):
                missing.append(span)
        elif DOTTED.fullmatch(span) and not BARE_FILE.fullmatch(span):
            owner, name = span.split(".")[:2]
            owners = files_named(owner)
            if owners and not any(defines(p, name) for p in owners):
                missing.append(span)
        elif CONSTANT.fullmatch(span) or CLASS.fullmatch(span):
            if not any(p.suffix == ".py" and defines(p, span) for p in source_files()):
                missing.append(span)
        elif BARE_OPTION.fullmatch(span):
            option = BARE_OPTION.fullmatch(span).group(1)
            if not any(option in known for known in cli_options().values()) \
                    and not any(f'"{option}"' in text_of(p) for p in (ROOT / "bench").glob("*.py")):
                missing.append(span)
        elif SNAKE.fullmatch(span):
            if not any(re.search(rf"\b{span}\b", text_of(p)) for p in source_files()):
                missing.append(span)
    return missing


@cache
def cli_options() -> dict[str, set[str]]:
    """Each ``annotator`` command (``train``, ``review open``, …) → the options it takes."""
    from annotator.cli.app import app

    def options(command: click.Command) -> set[str]:
        return {o for p in command.params for o in (*p.opts, *getattr(p, "secondary_opts", ()))}

    out = {}
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        out[name] = options(command)
        for sub, inner in getattr(command, "commands", {}).items():
            out[f"{name} {sub}"] = options(inner)
    return out


def broken_commands(lines: list[str]) -> list[str]:
    """``annotator SUBCOMMAND …`` and ``bench/SCRIPT.py …`` that name a missing command, script or option."""
    broken = []
    for line in lines:
        for words, rest in re.findall(r"(?:^|\s)annotator ([a-z]+(?: [a-z]+)?)(.*)", line):
            known = cli_options()
            name = words if words in known else words.split()[0]
            if name not in known:
                broken.append(f"annotator {words}")
            else:
                broken += [f"annotator {name} {o}" for o in OPTION.findall(rest) if o not in known[name]]
        for script, rest in re.findall(r"(bench/\w+\.py)([^`|;&]*)", line):
            if not (ROOT / script).is_file():
                broken.append(script)
            else:
                broken += [f"{script} {o}" for o in OPTION.findall(rest) if f'"{o}"' not in text_of(ROOT / script)]
    return broken


def test_every_path_rules_md_names_exists() -> None:
    inline, fenced = code_of(PAGE.read_text(encoding="utf-8"))
    assert not missing_paths(inline + fenced), f"docs/rules.md names paths that do not exist: {missing_paths(inline + fenced)}"


def test_every_command_rules_md_shows_exists_with_its_options() -> None:
    inline, fenced = code_of(PAGE.read_text(encoding="utf-8"))
    assert not broken_commands(inline + fenced), f"docs/rules.md: no such command, script or option: " \
                                                 f"{broken_commands(inline + fenced)}"


def test_every_name_rules_md_gives_in_code_is_defined() -> None:
    inline, _ = code_of(PAGE.read_text(encoding="utf-8"))
    assert not undefined_names(inline), f"docs/rules.md names what the code does not define: {undefined_names(inline)}"


def test_the_checks_catch_what_is_not_there() -> None:
    text = ("See `annotator/nlp/quotes/nothing_here.py`, `bench/corpus.py`, `nlp/speakers/missing.py`.\n"
            "```sh\nannotator prelabel x -o y --no-such-option\nannotator frobnicate\nbench/absent.py --x\n"
            "nice python bench/corpus.py DIR --tuning --no-such-flag\n```\n"
            "`quotes/reports.py::NO_SUCH_RULES`, `by_cue.no_such_rule`, `NoSuchScan`, `NO_SUCH_LIST`, `no_such_key`, "
            "`--no-such-option DIR`")
    inline, fenced = code_of(text)
    assert missing_paths(inline + fenced) == ["annotator/nlp/quotes/nothing_here.py", "nlp/speakers/missing.py",
                                              "bench/absent.py"]
    assert broken_commands(inline + fenced) == ["annotator prelabel --no-such-option", "annotator frobnicate",
                                                "bench/absent.py", "bench/corpus.py --no-such-flag"]
    assert undefined_names(inline) == ["quotes/reports.py::NO_SUCH_RULES", "by_cue.no_such_rule", "NoSuchScan",
                                       "NO_SUCH_LIST", "no_such_key", "--no-such-option DIR"]
    good = "`quotes/reports.py::REPORT_RULES`, `by_cue.find`, `QuoteScan`, `CUE_RULES`, `extra_cue_verbs`, `--parse-cache DIR`"
    assert undefined_names(code_of(good)[0]) == [] and missing_paths(code_of(good)[0]) == []
