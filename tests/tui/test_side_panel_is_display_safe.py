"""Labels and annotator names from a file are drawn as visible characters in the side panels."""

from __future__ import annotations

from annotator.core.records import Span
from annotator.tui.widgets.span_list import SpanList
from annotator.tui.widgets.version_panel import DifferenceRow, VersionPanel, VersionRow

TITLE = "\x1b]0;owned\x07"


def test_an_entity_label_with_an_escape_sequence_is_shown_not_obeyed():
    span = Span(0, 3, 0, 0, f"ORG{TITLE}")
    text = SpanList._line_text(span, "entity", ("Ana", f"only {TITLE}"))
    assert "\x1b" not in text.plain and "\x07" not in text.plain
    assert "ORG␛]0;owned␇" in text.plain


def test_version_panel_rows_are_display_safe():
    panel = VersionPanel()
    panel._versions = [VersionRow(annotator=f"eve{TITLE}", answer="accept", spans=1, relations=0, shown=True)]
    panel._differences = [DifferenceRow(f"PER{TITLE}", "Ana", (f"mallory{TITLE}",)),
                          DifferenceRow(f"said by{TITLE}", "Ana", ("bob",), is_span=False)]
    panel._agreed, panel._room = False, 10
    plain = panel.render().plain
    assert "\x1b" not in plain and "\x07" not in plain
    assert "PER␛]0;owned␇" in plain and "mallory␛]0;owned␇" in plain
