"""``annotate --order`` and ``--learn`` options: a wrong one is a sentence and exit status 2, before any screen."""

import pytest
from typer.testing import CliRunner

from annotator.cli import app


@pytest.mark.parametrize("options, message", [
    (["--order", "random"], "--order must be one of file, uncertain"),
    (["--learn-from", "corpus.jsonl"], "give --learn MODEL_DIR too"),
    (["--learn", "MODELS", "--learn-every", "0"], "--learn-every must be at least 1"),
    (["--learn", "MODELS", "--learn-from", "missing.jsonl"], "no such file (--learn-from"),
    (["--learn", "texts.txt"], "not a folder"),
])
def test_a_wrong_learning_option_is_named(tmp_path, options, message):
    (tmp_path / "texts.txt").write_text("Ana Lopez said the road is open.\n")
    options = [str(tmp_path / o) if o in ("MODELS", "texts.txt", "missing.jsonl") else o for o in options]
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "texts.txt"), "-o", str(tmp_path / "out.jsonl"),
                                      *options])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
