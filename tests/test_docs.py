"""The README and docs/ stay true: every command the README's table names exists, and every
relative link (and its #anchor) in README.md, ARCHITECTURE.md and docs/*.md resolves."""

import re
import unicodedata
from pathlib import Path

import click
import pytest
import typer

from annotator.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *ROOT.glob("ARCHITECTURE.md"), *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    anchors = set()
    for match in re.finditer(r"^#{1,6} +(.+?) *#*$", text, re.M):
        slug = _slug(match.group(1))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(page: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8")))


def test_the_slug_is_githubs() -> None:
    assert _slug("The train → pre-label cycle") == "the-train--pre-label-cycle"
    assert _slug("`annotator validate FILE... [--deep]`") == "annotator-validate-file---deep"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target in _links(page):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(f"{target}: no heading #{anchor} in {dest.relative_to(ROOT)}")
    assert not broken, f"{page.relative_to(ROOT)}: " + "; ".join(broken)


def test_every_docs_page_is_reachable_from_the_readme() -> None:
    linked = {(ROOT / t.partition("#")[0]).resolve() for t in _links(ROOT / "README.md")}
    orphans = [p.name for p in (ROOT / "docs").glob("*.md") if p.resolve() not in linked]
    assert not orphans


def _command_names() -> set[str]:
    root = typer.main.get_command(app)
    names = set()
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        if command.hidden:
            continue
        names.add(name)
        if isinstance(command, click.Group):
            names.update(f"{name} {sub}" for sub in command.commands)
    return names


def test_every_command_in_the_readme_table_exists_and_every_command_is_in_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `annotator ")]
    named = {re.match(r"\| `annotator ([a-z]+)", line).group(1) for line in table}
    commands = {name.split()[0] for name in _command_names()}
    assert named - commands == set(), f"the README names commands that do not exist: {named - commands}"
    assert commands - named == set(), f"commands missing from the README's table: {commands - named}"


def test_every_module_architecture_md_names_exists() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = {m.split("::")[0] for m in re.findall(r"`([a-z_]+/[a-z_/]*(?:\.py)?(?:::\w+)?)`", text)}
    missing = sorted(p for p in named if not (ROOT / "annotator" / p).exists())
    assert named and not missing, f"ARCHITECTURE.md names modules that do not exist: {missing}"
    # ``core/editing.py::EditingSession``: the module defines that name.
    for path, name in re.findall(r"`([a-z_]+/[a-z_/]*\.py)::(\w+)", text):
        source = (ROOT / "annotator" / path).read_text(encoding="utf-8")
        assert re.search(rf"^(?:class|def) {name}\b", source, re.M), f"ARCHITECTURE.md: {path} has no {name}"
    # The core and measure floors' modules, named bare in their rows.
    for floor in ("core", "measure"):
        row = next(line for line in text.splitlines() if line.startswith(f"| `{floor}`"))
        bare = set(re.findall(r"`([a-z_]+)`", row.split("|")[2])) - {floor}
        missing = sorted(m for m in bare if not (ROOT / "annotator" / floor / f"{m}.py").exists())
        assert bare and not missing, f"ARCHITECTURE.md's {floor} row names modules it does not have: {missing}"


def test_architecture_md_names_the_floors_the_layers_contract_checks() -> None:
    """The table's floors are the import-linter layers, top to bottom, siblings together."""
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in contracts["contracts"] if c["type"] == "layers")["layers"]
    declared = [sorted(m.strip().removeprefix("annotator.") for m in layer.split("|")) for layer in layers]
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1] for line in text.splitlines() if line.startswith("| `")]
    table = [sorted(re.findall(r"`([a-z]+)`", row)) for row in rows]
    assert table == declared[::-1]
