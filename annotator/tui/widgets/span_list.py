"""The side panel: the document's quotes in order, each with its resolved speaker and type, then
its entities; choosing an item asks the screen to focus that span."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotator.core.records import Span
from annotator.tui.display_text import excerpt
from annotator.tui.label_styles import badge_style, label_colour


@dataclass(frozen=True)
class QuoteRow:
    """A quote as the panel shows it; ``speaker`` is already resolved (``she → Maria Zakharova``)."""

    span: Span
    text: str
    speaker: str | None


@dataclass(frozen=True)
class EntityRow:
    span: Span
    text: str


class SpanList(OptionList, can_focus=False):
    """Quotes and entities of one document; selecting a row posts ``SpanChosen``."""

    DEFAULT_CSS = """
    SpanList {
        height: 1fr;
    }
    """

    class SpanChosen(Message):
        def __init__(self, span: Span) -> None:
            super().__init__()
            self.span = span

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Span | None] = []

    def show_spans(self, quotes: list[QuoteRow], entities: list[EntityRow]) -> None:
        options: list[Option] = [Option(Text(f"Quotes ({len(quotes)})", style="bold underline"), disabled=True)]
        self._rows = [None]
        for number, quote in enumerate(quotes, start=1):
            prompt = Text()
            prompt.append(f"{number:>2}. ", style="dim")
            prompt.append(f"“{excerpt(quote.text, 32)}”", style=label_colour(quote.span.label))
            prompt.append("\n    ")
            if quote.speaker is None:
                prompt.append("no speaker", style="italic #ff8787")
            else:
                prompt.append(excerpt(quote.speaker, 24), style="bold #ffd75f")
            prompt.append(f" · {quote.span.quote_type}", style="dim")
            options.append(Option(prompt))
            self._rows.append(quote.span)
        options.append(Option(Text(f"\nEntities ({len(entities)})", style="bold underline"), disabled=True))
        self._rows.append(None)
        for entity in entities:
            prompt = Text()
            prompt.append(f" {entity.span.label} ", style=badge_style(entity.span.label))
            prompt.append(" " + excerpt(entity.text, 30))
            options.append(Option(prompt))
            self._rows.append(entity.span)
        highlighted = self.highlighted
        self.set_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted

    def show_focus(self, span: Span | None) -> None:
        """Highlight the row of the focused span (no message is posted)."""
        try:
            index = self._rows.index(span) if span is not None else None
        except ValueError:
            index = None
        if index is not None:
            self.highlighted = index
            self.scroll_to_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        span = self._rows[event.option_index] if event.option_index < len(self._rows) else None
        if span is not None:
            self.post_message(self.SpanChosen(span))
