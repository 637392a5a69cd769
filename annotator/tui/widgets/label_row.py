"""The line under each line of text that names the spans on it: a short tag at each span's start
and a rule to its end (``PER──── GPE──``), so labels read without focus, in 16 colours and under
NO_COLOR alike (the tags are characters, the colours only help)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from annotator.core.records import CUE, QUOTE, SPEAKER, Span
from annotator.tui.label_styles import SUGGESTED, label_colour

#: Short names that fit under a word; others are cut to four letters.
SHORT_LABELS = {
    "PERSON": "PER", QUOTE: "QUOTE", SPEAKER: "SPK", CUE: "cue", "CARDINAL": "CARD", "ORDINAL": "ORD",
    SUGGESTED: "sug?", "PRODUCT": "PROD", "WORK_OF_ART": "WORK", "LANGUAGE": "LANG", "PERCENT": "PCT", "QUANTITY": "QTY",
}


_DOTTED = (QUOTE, SUGGESTED)


def short_label(label: str) -> str:
    return SHORT_LABELS.get(label, label[:4])


def label_row(text: str, line_start: int, line_end: int, spans: list[Span], base: Style) -> Text:
    """The label line under ``text[line_start:line_end]`` (``spans``: those touching the line, quotes first)."""
    columns = cell_len(text[line_start:line_end])
    cells = [" "] * columns
    styles: list[Style | None] = [None] * columns

    def column(offset: int) -> int:
        return cell_len(text[line_start:max(min(offset, line_end), line_start)])

    # Rules first (quotes and suggested quotes dotted, under everything), then the tags left to
    # right, none over another.
    ordered = sorted(spans, key=lambda s: (s.label not in _DOTTED, s.start, -s.end))
    for span in ordered:
        style = Style(color=label_colour(span.label), dim=span.label == QUOTE)
        rule = "┄" if span.label in _DOTTED else "─"
        for c in range(column(span.start), column(span.end)):
            if span.label in _DOTTED or cells[c] in (" ", "┄"):
                cells[c], styles[c] = rule, style
    starting = sorted((s for s in spans if s.start >= line_start), key=lambda s: (s.start, -s.end))
    taken_until = 0
    for index, span in enumerate(starting):
        first = column(span.start)
        tag = short_label(span.label)
        following = starting[index + 1] if index + 1 < len(starting) else None
        if span.label == QUOTE and following is not None and column(following.start) < first + len(tag) + 1:
            tag = "Q"  # a quote that opens on a name: a short tag, so the name's stays under it
        at = max(first, taken_until)
        if at >= columns:
            continue
        style = Style(color=label_colour(span.label), bold=True)
        for offset, char in enumerate(tag):
            if at + offset < columns:
                cells[at + offset], styles[at + offset] = char, style
        taken_until = at + len(tag) + 1
    row = Text(no_wrap=True, end="", style=base)
    for char, style in zip(cells, styles, strict=True):
        row.append(char, style)
    return row
