"""The picker drawn over the text: what each key does, and the box it draws at a given size."""

from __future__ import annotations

from rich.text import Text

from annotator.tui.choice_picker import Choice, ChoicePicker, PickerStyles


def _choices(count: int) -> list[Choice]:
    return [Choice(str(i), Text(f"name {i}"), f"PERSON name {i}") for i in range(count)]


def test_keys_filter_move_choose_and_cancel():
    picker = ChoicePicker("Speaker", _choices(30), highlight="3")
    assert picker.current.value == "3"  # the current link is highlighted when it opens
    assert picker.key("up", None) == (False, None) and picker.current.value == "2"
    assert picker.key("m", "m") == (False, None) and len(picker.shown) == 30 and picker.current.value == "0"
    picker.key("x", "x")
    assert picker.shown == [] and picker.key("enter", None) == (False, None)  # nothing to choose
    picker.key("backspace", None)
    assert len(picker.shown) == 30 and picker.typed == "m"
    assert picker.key("down", None) == (False, None) and picker.current.value == "1"
    assert picker.key("enter", None) == (True, "1")
    # A digit chooses the row shown with it (after filtering); one with no row does nothing.
    filtered = ChoicePicker("Speaker", _choices(30))
    for character in "name 1":
        if not character.isdigit():
            filtered.key(character, character)
    assert [c.value for c in filtered.shown[:3]] == ["0", "1", "2"]
    assert filtered.key("2", "2") == (True, "1")
    assert ChoicePicker("Speaker", _choices(3)).key("9", "9") == (False, None)
    assert ChoicePicker("Speaker", _choices(3)).key("escape", None) == (True, None)


def test_the_box_fits_its_size_and_keeps_the_highlighted_row_shown():
    picker = ChoicePicker("Speaker of “a very long quote that does not fit in the box at all”", _choices(30))
    for _ in range(20):
        picker.key("down", None)
    lines = picker.lines(40, 12, PickerStyles())
    assert len(lines) == 12 and all(line.cell_len == 40 for line in lines)
    plain = [line.plain for line in lines]
    assert plain[0].startswith("╭─ Speaker of") and plain[0].endswith("╮") and "…" in plain[0]
    assert "type to filter" in plain[1]
    assert any("name 20" in row for row in plain[2:-1])  # scrolled to the highlighted row
    assert plain[-1].endswith("30 of 30 · 9 more ↓ ─╯")
