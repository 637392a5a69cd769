"""``annotate --no-suggestions``: the documents annotate pre-labels get no suggestions."""

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.cli.annotate import pipeline_without_suggestions
from annotator.nlp.convert import doc_to_task

LEFT_OUT = "The governor tries to raise the tax on fuel next spring."


class _Screen:
    return_code = 0  # as Textual's App gives it after run

    def run(self):
        pass


@pytest.mark.parametrize("option, loader", [(["--no-suggestions"], pipeline_without_suggestions), ([], None)])
def test_the_option_chooses_the_pre_labeler_the_screen_loads(tmp_path, monkeypatch, option, loader):
    seen = {}

    def create_app(*args, **kwargs):
        seen.update(kwargs)
        return _Screen()

    monkeypatch.setattr("annotator.tui.app.create_app", create_app)
    (tmp_path / "a.txt").write_text(LEFT_OUT + "\n")
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), *option])
    assert result.exit_code == 0, result.output
    assert seen["load_model"] is loader


@pytest.mark.model
def test_without_suggestions_the_pre_labels_are_the_same_and_nothing_is_suggested(nlp_model):
    offered = doc_to_task(nlp_model(LEFT_OUT))
    plain = doc_to_task(pipeline_without_suggestions(None)(LEFT_OUT))
    assert offered.suggestions and not plain.suggestions
    assert plain.spans == offered.spans and plain.relations == offered.relations


def test_serve_hands_no_suggestions_to_every_visitor(tmp_path, monkeypatch):
    commands, loaders = [], {}

    class Server:
        def __init__(self, command, **_):
            commands.append(command)

        def serve(self):
            pass

    monkeypatch.setattr("annotator.tui.web_server.TokenServer", Server)
    (tmp_path / "a.txt").write_text(LEFT_OUT + "\n")
    result = CliRunner().invoke(app, ["serve", str(tmp_path / "a.txt"), "--out-dir", str(tmp_path / "team"),
                                      "--no-suggestions"])
    assert result.exit_code == 0, result.output
    assert commands and commands[0].endswith("--no-suggestions")

    class Visitor:
        return_code = 0

        def run(self):
            pass

    def create_visitor_app(*args, **kwargs):
        loaders.update(kwargs)
        return Visitor()

    monkeypatch.setattr("annotator.tui.app.create_visitor_app", create_visitor_app)
    visit = CliRunner().invoke(app, ["visit", str(tmp_path / "a.txt"), "--out-dir", str(tmp_path / "team"),
                                     "--no-suggestions"])
    assert visit.exit_code == 0, visit.output
    assert loaders["load_model"] is pipeline_without_suggestions
