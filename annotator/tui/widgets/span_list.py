"""The side panel: the document's quotes in order, each with its resolved speaker and type, then
its entities; clicking a row asks the screen to focus that span.

A Line API widget: an edit rebuilds a list of plain tuples and a repaint draws only the rows on
screen, so a document with thousands of spans costs no more per key than a short one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotator.core.records import Span
from annotator.tui.display_text import excerpt
from annotator.core.terminal_text import one_line
from annotator.tui.label_styles import badge_style, label_colour
from annotator.tui.widgets.label_row import short_label

_FOCUS = Style(bgcolor="#3a4a6a", bold=True)
_NOTE = Style(color="#d787af", italic=True)
#: a suggested quote's row: as the text draws it (underlined, dim), not a quote's colour
_SUGGESTED = Style(color="#a8a8a8", underline=True)
#: From this width a quote's speaker row reads ``she → Maria Zakharova · direct``; narrower, every
#: row reads ``dir Maria Zakharova`` (the type and the name it resolves to).
WIDE_PANEL = 36


# Named tuples, not dataclasses: an edit of a long document builds thousands of rows (3x faster).
class QuoteRow(NamedTuple):
    """A quote as the panel shows it; ``speaker`` is already resolved (``she → Maria Zakharova``)."""

    span: Span
    text: str
    speaker: str | None
    #: a short remark after the row, e.g. who has the span when versions differ (review)
    note: str = ""


class EntityRow(NamedTuple):
    span: Span
    text: str
    note: str = ""


class SuggestionRow(NamedTuple):
    """A suggestion as the panel shows it: its quote (not a span of the document), speaker, score."""

    span: Span
    text: str
    speaker: str | None
    score: float | None


class SpanList(ScrollView, can_focus=False):
    """Quotes and entities of one document; clicking a row posts ``SpanChosen``."""

    DEFAULT_CSS = """
    SpanList {
        height: 1fr;
        overflow-x: hidden;
    }
    """

    @dataclass
    class SpanChosen(Message):
        span: Span

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: one entry per line: (span or None, kind, payload)
        self._lines: list[tuple[Span | None, str, tuple]] = []
        #: the first row of each span, by the span object's id
        self._first_line: dict[int, int] = {}
        self._focus: Span | None = None

    def show_spans(self, quotes: list[QuoteRow], entities: list[EntityRow],
                   suggestions: list[SuggestionRow] = ()) -> None:
        lines: list[tuple[Span | None, str, tuple]] = [(None, "header", (f"Quotes ({len(quotes)})",))]
        for number, quote in enumerate(quotes, start=1):
            lines.append((quote.span, "quote", (number, quote.text, quote.note)))
            lines.append((quote.span, "speaker", (quote.speaker, quote.span.quote_type)))
        lines.append((None, "blank", ()))
        if suggestions:
            # Apart from the quotes: what the pre-labeler is unsure of, not part of the document yet.
            lines.append((None, "header", (f"Suggestions ({len(suggestions)}): > < + -",)))
            for number, row in enumerate(suggestions, start=1):
                lines.append((row.span, "suggestion", (number, row.text, "")))
                score = "" if row.score is None else f" {row.score:.2f}"
                lines.append((row.span, "speaker", (row.speaker, (row.span.quote_type or "") + score)))
            lines.append((None, "blank", ()))
        lines.append((None, "header", (f"Entities ({len(entities)})",)))
        lines.extend((entity.span, "entity", (entity.text, entity.note)) for entity in entities)
        before, self._lines = self._lines, lines
        # By the span object (thousands of spans: hashing each would cost more than the rest).
        self._first_line = {}
        for index, (span, _, _) in enumerate(lines):
            if span is not None:
                self._first_line.setdefault(id(span), index)
        if len(before) == len(lines):
            # An edit that adds or removes no row (a span's extent or label) repaints its own rows.
            for index, (old, new) in enumerate(zip(before, lines, strict=True)):
                if old != new:
                    self.refresh_lines(index)
            return
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))
        self.refresh()

    def show_focus(self, span: Span | None) -> None:
        """Highlight the rows of the focused span and scroll them into view."""
        if span == self._focus:
            return
        # (The old focus's rows are found by the object only: an edit that replaced it has
        # repainted its rows already.)
        for line in (self._line_of(self._focus, by_value=False), self._line_of(span)):
            if line is not None:
                self.refresh_lines(line, 2)
        self._focus = span
        line = self._line_of(span)
        if line is not None:
            height = max(self.scrollable_content_region.height, 1)
            top = round(self.scroll_y)
            if line < top or line + 1 >= top + height:
                self.scroll_to(y=max(0, line - height // 3), animate=False)

    def _line_of(self, span: Span | None, *, by_value: bool = True) -> int | None:
        """The first row of ``span`` (the same object, else an equal one), None when it has none."""
        line = self._first_line.get(id(span))
        if span is None or (line is not None and self._lines[line][0] is span):
            return line
        return next((i for i, (s, _, _) in enumerate(self._lines) if s == span), None) if by_value else None

    def on_click(self, event: events.Click) -> None:
        line = event.y + round(self.scroll_y)
        if 0 <= line < len(self._lines) and self._lines[line][0] is not None:
            event.stop()
            self.post_message(self.SpanChosen(self._lines[line][0]))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + round(self.scroll_y)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        span, kind, payload = self._lines[index]
        text = self._line_text(span, kind, payload, width)
        text.stylize(base, 0, len(text))
        if span is not None and span == self._focus:
            text.stylize(_FOCUS)
            text.pad_right(max(width - text.cell_len, 0))
            text.stylize(_FOCUS)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, base)

    @staticmethod
    def _line_text(span: Span | None, kind: str, payload: tuple, width: int = 40) -> Text:
        """One row, fitted to ``width``: a narrow panel keeps the quote's type (as ``dir``/``ind``/
        ``mix``) and the name a speaker resolves to, and cuts the rest."""
        text = Text(no_wrap=True, end="")
        if kind == "header":
            text.append(payload[0], style="bold underline")
        elif kind in ("quote", "suggestion"):
            number, quote, note = payload
            text.append(f"{number:>3}. ", style="dim")
            room = min(32, width - 7) - (len(note) + 2 if note else 0)
            text.append(f"“{excerpt(quote, max(room, 8))}”", style=_SUGGESTED if kind == "suggestion" else
                        label_colour(span.label if span else ""))
            if note:
                text.append(f"  {one_line(note)}", style=_NOTE)
        elif kind == "speaker":
            speaker, quote_type = payload
            if width >= WIDE_PANEL:
                text.append("     ")
                if speaker is None:
                    text.append("no speaker", style="italic #ff8787")
                else:
                    text.append(excerpt(speaker, max(width - 8 - len(quote_type), 12)), style="bold #ffd75f")
                text.append(f" · {quote_type}", style="dim")
            else:
                text.append(f"  {quote_type[:3]} ", style="dim")
                if speaker is None:
                    text.append("no speaker", style="italic #ff8787")
                else:
                    # "she → Maria Zakharova": the name it resolves to is what matters.
                    name = speaker.rsplit(" → ", 1)[-1]
                    text.append(excerpt(name, max(width - 7, 6)), style="bold #ffd75f")
        elif kind == "entity" and span is not None:
            label = one_line(span.label)
            note_cells = len(payload[1]) + 2 if payload[1] else 0
            if width < WIDE_PANEL:
                label = short_label(label)
            text.append(f" {label} ", style=badge_style(span.label))
            text.append(" " + excerpt(payload[0], max(min(30, width - len(label) - 3 - note_cells), 6)))
            if payload[1]:
                text.append(f"  {one_line(payload[1])}", style=_NOTE)
        return text
