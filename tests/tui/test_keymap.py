"""Users remap keys with a JSON keymap of binding ids; bad keymaps are errors with file and line."""

from __future__ import annotations

import json

import pytest
from textual.binding import Binding
from typer.testing import CliRunner

from annotator.cli import app as cli
from annotator.core.sources import InputError
from annotator.tui.keymap import DEFAULT_KEYS, default_bindings, read_keymap
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.review import ReviewScreen
from annotator.tui.widgets.document_editor import DocumentEditor
from tests.tui.conftest import SEED_PRELABELED, SIZE, read_records, ready


async def test_a_remapped_key_decides_and_the_help_screen_shows_it(make_app, tmp_path):
    keymap_file = tmp_path / "keys.json"
    keymap_file.write_text(json.dumps({"accept": "y", "reject": "ctrl+r"}))
    app = make_app([SEED_PRELABELED], keymap=read_keymap(keymap_file))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        rows = {binding_id: keys for keys, _, binding_id in screen.help_rows()}
        assert rows["accept"] == "y"
        assert rows["reject"] == "^r"  # how Textual displays ctrl+r
        await pilot.press("a")  # no longer bound
        await pilot.pause()
        assert read_records(tmp_path / "out.jsonl") == []
        await pilot.press("y")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert record["answer"] == "accept"


@pytest.mark.parametrize(
    "content, line, message",
    [
        ('{"accept": "y",\n "explode": "z"}', 2, "unknown binding id 'explode'"),
        ('{"accept": 5}', 1, "needs keys as a string"),
        ('{"accept": "x"}', 1, "would do both"),
        ('{"accept": "y",}', 1, "invalid JSON"),
        ('["accept"]', 1, "a keymap is a JSON object"),
    ],
)
def test_bad_keymaps_name_the_line(tmp_path, content, line, message):
    path = tmp_path / "keys.json"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_keymap(path)
    assert caught.value.line == line
    assert message in caught.value.message


def test_a_bad_keymap_stops_annotate_before_anything_is_written(tmp_path):
    keys = tmp_path / "keys.json"
    keys.write_text('{"nope": "y"}')
    result = CliRunner().invoke(cli, ["annotate", str(SEED_PRELABELED), "-o", str(tmp_path / "out.jsonl"),
                                      "--keymap", str(keys)])
    assert result.exit_code == 2
    assert "unknown binding id 'nope'" in result.output
    assert not (tmp_path / "out.jsonl").exists()


async def test_the_jump_and_unlink_keys_can_be_remapped_and_the_footer_follows(make_app, tmp_path):
    keymap_file = tmp_path / "keys.json"
    keymap_file.write_text(json.dumps({"jump_span": "ctrl+f", "unlink": "U"}))
    app = make_app([SEED_PRELABELED], keymap=read_keymap(keymap_file))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f")
        assert screen.editor.mode is None  # f does nothing now
        await pilot.press("ctrl+f")
        assert screen.editor.mode is not None and screen.editor.mode.what == "span"
        await pilot.press("escape")
        quote = screen.session.quotes()[0]
        await pilot.press("right_parenthesis", "U")
        assert screen.session.speaker_of(quote) is None
        footer = {b.binding.id: key for key, b in screen.active_bindings.items() if b.binding.show}
        assert footer["jump_span"] == "ctrl+f"


def test_the_shipped_defaults_are_every_key_a_keymap_can_reach():
    """default_keys.json is the one place the default keys are written: each id once, and the
    bindings in force on the screens a keymap reaches are exactly the file's, keys included."""
    tables = json.loads(DEFAULT_KEYS.read_text(encoding="utf-8"))
    ids = [binding_id for table in tables.values() for binding_id in table]
    assert len(ids) == len(set(ids))
    declared: dict[str, list[str]] = {}
    for owner in (AnnotateScreen, ReviewScreen, DocumentEditor):
        for cls in owner.__mro__:
            for binding in cls.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    declared.setdefault(binding.id, binding.key.split(","))
    assert declared == default_bindings()
    assert list(default_bindings()) == ids  # the order a clash is reported in
