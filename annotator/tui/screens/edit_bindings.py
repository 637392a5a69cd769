"""The keys of the screens that edit documents (the document editor has its own: moving, jumping,
searching, selecting). Ids are stable, so a keymap can give any of them other keys."""

from __future__ import annotations

from textual.binding import Binding

#: The footer shows the shown bindings of the editor first (f / v), then these, in this order:
#: help and quit first; short names, so every key shown fits 80 columns (e is named by the legend;
#: while selecting, the keys that do nothing then make room for enter/escape).
EDIT_BINDINGS = [
    Binding("question_mark", "help", "Help", key_display="?", id="help",
            tooltip='Show every key'),
    Binding("q", "quit", "Quit", id="quit",
            tooltip='Quit (asks first when edits are not decided yet or a selection is open)'),
    Binding("a", "decide('accept')", "Accept", id="accept",
            tooltip='Accept the document as it stands and go to the next undecided one'),
    Binding("x", "decide('reject')", "Reject", id="reject",
            tooltip='Reject the document and go to the next undecided one'),
    Binding("space", "decide('ignore')", "Ignore", show=False, id="ignore",
            tooltip='Ignore (skip) the document and go to the next undecided one'),
    Binding("n", "next_document", "Next", show=False, id="next_document",
            tooltip='Next document (decided ones can be reopened and decided again)'),
    Binding("p", "previous_document", "Prev", show=False, id="previous_document",
            tooltip='Previous document'),
    Binding("d,delete", "delete_span", "Del", id="delete_span",
            tooltip='Delete the focused span and its relations'),
    *[Binding(str(n), f"digit_label({n - 1})", f"Label {n} (legend)", show=False, id=f"label_{n}")
      for n in range(1, 10)],
    Binding("e", "pick_label", "Label", show=False, id="pick_label",
            tooltip="Pick the focused span's label from a list (type to filter)"),
    Binding("left_square_bracket", "move_start(-1)", "Start ←", show=False, key_display="[",
            id="start_left", tooltip="Move the focused span's start one token left (then 2–9, g, $ . go further)"),
    Binding("right_square_bracket", "move_start(1)", "Start →", show=False, key_display="]",
            id="start_right", tooltip="Move the focused span's start one token right (then 2–9, g, $ . go further)"),
    Binding("left_curly_bracket", "move_end(-1)", "End ←", show=False, key_display="{", id="end_left",
            tooltip="Move the focused span's end one token left (then 2–9, g, $ . go further)"),
    Binding("right_curly_bracket", "move_end(1)", "End →", show=False, key_display="}", id="end_right",
            tooltip="Move the focused span's end one token right (then 2–9, g, $ . go further)"),
    Binding("plus", "take_suggestion", "Take", key_display="+", id="take_suggestion",
            tooltip="Take the suggestion the cursor is on: its quote, cue and speaker become spans, "
                    "linked as a pre-label is (> < go from one to the next)"),
    Binding("minus", "drop_suggestion", "Drop", key_display="-", id="drop_suggestion",
            tooltip="Drop the suggestion the cursor is on (it is never an annotation; u brings it back)"),
    Binding("s", "pick_speaker", "Speaker", id="pick_speaker",
            tooltip="Pick the focused quote's speaker (nearest first, digits choose), or mark a new one"),
    Binding("c", "pick_coref", "Cue/coref", show=False, id="pick_coref",
            tooltip="On a quote: pick its cue (nearest first) or mark a new one; on a speaker: pick "
                    "(or clear) the entity it refers to, or mark a new one"),
    Binding("D", "unlink", "Unlink", show=False, id="unlink",
            tooltip="Unlink the focused quote's speaker (an orphaned speaker goes too) or the "
                    "focused speaker's COREF"),
    Binding("t", "cycle_quote_type", "Quote type", show=False, id="quote_type",
            tooltip="Cycle the focused quote's type: direct, indirect, mixed"),
    Binding("u,ctrl+z", "undo", "Undo", id="undo",
            tooltip='Undo the last edit (across documents)'),
    Binding("ctrl+y", "redo", "Redo", show=False, id="redo",
            tooltip='Redo the last undone edit'),
]

#: Actions that wait while a selection is open (finish or cancel it first; the footer has room
#: for enter and escape then).
IDLE_WHILE_SELECTING = frozenset({"decide", "delete_span", "pick_speaker", "take_suggestion", "drop_suggestion"})
#: Shown (and working) only while the cursor is on a suggestion; the footer then names them in
#: the place of the span keys d and s, which still work.
SUGGESTION_ACTIONS = frozenset({"take_suggestion", "drop_suggestion"})
SPAN_ACTIONS = frozenset({"delete_span", "pick_speaker"})
