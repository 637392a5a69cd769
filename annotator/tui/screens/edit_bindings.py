"""The keys of the screens that edit documents (the document editor has its own: moving, jumping,
searching, selecting), and which of them wait or change places. The keys themselves are data, in
``tui/default_keys.json``; ids are stable, so a keymap can give any of them other keys."""

from __future__ import annotations

from annotator.tui.keymap import shipped_bindings

#: The footer shows the shown bindings of the editor first (f / v), then these, in the order of
#: ``default_keys.json``: help and quit first; short names, so every key shown fits 80 columns (e
#: is named by the legend; while selecting, the keys that do nothing then make room for enter/escape).
EDIT_BINDINGS = shipped_bindings("document_screen")

#: Actions that wait while a selection is open (finish or cancel it first; the footer has room
#: for enter and escape then).
IDLE_WHILE_SELECTING = frozenset({"decide", "delete_span", "pick_speaker", "take_suggestion", "drop_suggestion"})
#: Shown (and working) only while the cursor is on a suggestion; the footer then names them in
#: the place of the span keys d and s, which still work.
SUGGESTION_ACTIONS = frozenset({"take_suggestion", "drop_suggestion"})
SPAN_ACTIONS = frozenset({"delete_span", "pick_speaker"})
