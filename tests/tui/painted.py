"""Read what the terminal shows: the composed screen as rows of (character, style) cells, and the
document view's cells that carry one of its marks (focus, selection, cursor, jump hint)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style

from annotator.tui.widgets.document_view import DocumentView


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    char: str
    style: Style


def painted(app) -> list[list[Cell]]:
    """Every row of the screen as the compositor would send it to the terminal now."""
    rows = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        row, x = [], 0
        for segment in strip:
            if segment.control:
                continue
            for char in segment.text:
                row.append(Cell(x, y, char, segment.style or Style()))
                x += 1
        rows.append(row)
    return rows


def screen_text(app) -> str:
    return "\n".join("".join(c.char for c in row).rstrip() for row in painted(app))


def view_cells(app, view: DocumentView, has) -> list[Cell]:
    """The cells inside the document view's content region whose style ``has`` accepts, in reading order."""
    region = view.content_region
    return [cell for row in painted(app)[region.y:region.bottom] for cell in row
            if region.x <= cell.x < region.right and has(cell.style)]


def marked_words(cells: list[Cell]) -> list[str]:
    """The words the marked cells spell, so a span wrapped over lines compares with its text."""
    return "".join(c.char if i == 0 or (c.y, c.x) == (cells[i - 1].y, cells[i - 1].x + 1) else " " + c.char
                   for i, c in enumerate(cells)).split()


def has_focus(view: DocumentView):
    focus = view.mark_style("focus")
    return lambda style: _carries(style, focus)


def has_selection(view: DocumentView):
    selection = view.mark_style("selection")
    return lambda style: _carries(style, selection)


def has_cursor(view: DocumentView):
    cursor = view.mark_style("cursor")
    return lambda style: _carries(style, cursor)


def _carries(style: Style, mark: Style) -> bool:
    """True when ``style`` shows every attribute ``mark`` sets (the mark is painted over the span colours)."""
    if mark.bgcolor is not None and style.bgcolor != mark.bgcolor:
        return False
    if mark.color is not None and style.color != mark.color:
        return False
    for attribute in ("bold", "italic", "underline", "reverse"):
        wanted = getattr(mark, attribute)
        if wanted and not getattr(style, attribute):
            return False
    return True


def has_choice(view: DocumentView):
    """The span of the row a picker over the text would choose now."""
    choice = view.mark_style("choice")
    return lambda style: _carries(style, choice)
