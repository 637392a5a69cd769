"""The line under each line of text that names the spans on it: a short tag at each span's start
and a rule to its end (``PER──── GPE──``), so labels read without focus, in 16 colours and under
NO_COLOR alike (the tags are characters, the colours only help)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from annotator.core.records import CUE, QUOTE, SPEAKER, Span
from annotator.tui.label_styles import label_colour

#: Short names that fit under a word; others are cut to four letters.
SHORT_LABELS = {
    "PERSON": "PER", QUOTE: "QUOTE", SPEAKER: "SPK", CUE: "cue", "CARDINAL": "CARD", "ORDINAL": "ORD",
    "PRODUCT": "PROD", "WORK_OF_ART": "WORK", "LANGUAGE": "LANG", "PERCENT": "PCT", "QUANTITY": "QTY",
}


def short_label(label: str) -> str:
    return SHORT_LABELS.get(label, label[:4])


def label_row(text: str, line_start: int, line_end: int, spans: list[Span], base: Style) -> Text:
    """The label line under ``text[line_start:line_end]`` (``spans``: those touching the line, quotes first)."""
    columns = cell_len(text[line_start:line_end])
    cells = [" "] * columns
    styles: list[Style | None] = [None] * columns

    def column(offset: int) -> int:
        return cell_len(text[line_start:max(min(offset, line_end), line_start)])

    taken_until = 0
    # Quotes first (a dotted rule over their whole extent), then the others, each tag after the last.
    for span in sorted(spans, key=lambda s: (s.label != QUOTE, s.start, -s.end)):
        first, last = column(span.start), column(span.end)
        style = Style(color=label_colour(span.label), dim=span.label == QUOTE)
        rule = "┄" if span.label == QUOTE else "─"
        for c in range(first, last):
            if span.label == QUOTE or cells[c] in (" ", "┄"):
                cells[c], styles[c] = rule, style
        if span.start < line_start:
            continue  # a span that began on an earlier line keeps its tag there
        tag = short_label(span.label)
        at = first if span.label == QUOTE else max(first, taken_until)
        if at >= columns:
            continue
        for offset, char in enumerate(tag):
            if at + offset < columns:
                cells[at + offset], styles[at + offset] = char, style + Style(bold=True)
        if span.label != QUOTE:
            taken_until = at + len(tag) + 1
    row = Text(no_wrap=True, end="", style=base)
    for char, style in zip(cells, styles):
        row.append(char, style)
    return row
