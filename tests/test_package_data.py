"""Every file of the package that is not Python (schemas, weights, the default keys, styles,
configs, the word lists) is named by pyproject's package data, so an installed wheel has it."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_of_the_package_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["annotator"]
    package = ROOT / "annotator"
    data = [path.relative_to(package).as_posix() for path in package.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")]
    assert "tui/default_keys.json" in data and "nlp/words/cue_words.txt" in data
    assert [name for name in data if not any(fnmatch(name, pattern) for pattern in patterns)] == []
