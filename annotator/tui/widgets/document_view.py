"""The document text, wrapped to the view, with every span highlighted (Line API, so the cost of a
repaint depends on the lines on screen, not on the length of the document)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotator.core.records import Span, Token
from annotator.tui.display_text import printable, wrap_offsets
from annotator.tui.label_styles import SUGGESTED, label_style, paint_layer
from annotator.tui.widgets.label_row import label_row
from annotator.tui.widgets.marks import Marks

#: every text attribute off, under a jump tag's style: a tag shows its own style only
_PLAIN = Style(bold=False, dim=False, italic=False, underline=False, reverse=False, strike=False, overline=False)


class DocumentView(ScrollView, can_focus=False):
    """Draws a document and the marks ``marks()`` names (the editor subclass owns them).

    The marks are component classes, styled in ``app.tcss``: ``document-view--focus`` (the focused
    span), ``--selection``, ``--cursor``, ``--hint`` (jump tags), ``--disputed`` (review),
    ``--suggested`` (a quote the pre-labeler suggests, not a span of the document), and for
    a picker drawn over the text ``--picker`` (its box), ``--picker-row`` (the row enter chooses)
    and ``--choice`` (that row's span in the text).
    """

    COMPONENT_CLASSES = {
        "document-view--focus",
        "document-view--selection",
        "document-view--cursor",
        "document-view--hint",
        "document-view--hint-next",
        "document-view--disputed",
        "document-view--suggested",
        "document-view--picker",
        "document-view--picker-row",
        "document-view--choice",
    }

    DEFAULT_CSS = """
    DocumentView {
        height: 1fr;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._tokens: list[Token] = []
        self._token_starts: list[int] = []
        self._spans: list[Span] = []
        #: ranges painted with a mark of their own under the marks above (``tint``), by mark
        self._tints: dict[str, list[Span]] = {}
        #: the mark ranges last painted, so a change repaints only the lines it touches
        self._painted: set[tuple[int, int]] = set()
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._line_spans: list[list[Span]] = []
        self._wrap_width = 0
        self._message_style = Style()
        self._cache: dict[int, Strip] = {}
        #: jump hints being shown: character offset → tag
        self._hints: dict[int, str] = {}
        self._hint_offsets: list[int] = []
        self._hint_next: dict[int, bool] = {}
        #: a line of labels under each line of text (``L`` toggles it)
        self.label_rows = True
        #: a box drawn over the rows of the view (a picker): how to draw it for a width and a
        #: height, the character it must leave in view, and the rows it covers now
        self._overlay: Callable[[int, int], list[Text]] | None = None
        self._overlay_keep: int | None = None
        self._overlay_top = 0
        self._overlay_strips: list[Strip] = []

    # -- what to show (called by the screen) -----------------------------------------------

    def show_document(self, text: str, tokens: list[Token], spans: list[Span]) -> None:
        self._text = printable(text)
        self._tokens = tokens
        self._token_starts = [t.start for t in tokens]
        self._spans = list(spans)
        self._painted = set()
        self._tints = {}
        self._message_style = Style()
        self._layout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)

    def show_message(self, message: str) -> None:
        """Show a notice (loading, finished) instead of a document."""
        self.show_document(message, [], [])
        self._message_style = Style(italic=True, dim=True)

    def update_spans(self, spans: list[Span]) -> None:
        """Show the spans after an edit: only the lines of the spans that came or went are indexed
        and repainted again (an edit touches a few lines of a long document)."""
        # By identity: an edit keeps the span objects it does not change (a span replaced by an
        # equal one only repaints its lines once more).
        before, after = {id(s): s for s in self._spans}, {id(s): s for s in spans}
        self._spans = list(spans)
        if not self._lines:
            return  # not laid out yet: the layout indexes them
        if len(self._line_spans) != len(self._lines):
            self._index_spans()
            self._invalidate()
            return
        gone = [s for key, s in before.items() if key not in after]
        came = [s for key, s in after.items() if key not in before]
        gone_ids = set(map(id, gone))
        touched: dict[int, list[Span]] = {}
        for span in gone:
            for line in self._lines_of(span):
                touched.setdefault(line, [])
        for span in came:
            for line in self._lines_of(span):
                touched.setdefault(line, []).append(span)
        order = {id(s): number for number, s in enumerate(self._spans)} if touched else {}
        for line, added in touched.items():
            # Quotes under speakers and cues, entities on top, each in the task's order: as the
            # full index has them.
            kept = [s for s in self._line_spans[line] if id(s) not in gone_ids] + added
            self._line_spans[line] = sorted(kept, key=lambda s: (paint_layer(s), order[id(s)]))
            rows = range(line * self._rows, (line + 1) * self._rows)
            for row in rows:
                self._cache.pop(row, None)
            self.refresh_lines(rows.start, len(rows))

    def show_hints(self, hints: dict[int, str]) -> None:
        """Draw each tag over the text at its offset (jump hints); an empty dict removes them. Only
        the text rows of the lines with a tag, before or now, are painted again (not the label rows)."""
        lines = {self.line_of(offset) for offset in [*self._hint_offsets, *hints]}
        self._hints = dict(hints)
        self._hint_offsets = sorted(self._hints)
        # A tag right after another (spans that share a word) takes the other colour, so two
        # one-letter tags never read as one two-letter tag.
        self._hint_next = {}
        end, alternate = -1, False
        for offset in self._hint_offsets:
            alternate = offset == end and not alternate
            self._hint_next[offset] = alternate
            end = offset + len(self._hints[offset])
        self._repaint_text_rows(lines)

    def show_overlay(self, draw: Callable[[int, int], list[Text]] | None, keep: int | None = None) -> None:
        """Draw a box over the text, ``draw(width, most rows)`` its lines, on the rows that leave the
        line of character ``keep`` in view (or scroll it up there); None removes it."""
        self._overlay, self._overlay_keep = draw, keep
        self.redraw_overlay()

    def redraw_overlay(self) -> None:
        """Draw the box again (it changed: a key typed into its picker)."""
        covered = (self._overlay_top, len(self._overlay_strips))
        self._overlay_strips = []
        height, width = self.scrollable_content_region.height, self.scrollable_content_region.width
        if self._overlay is not None and height > 0 and width > 0:
            # 3/5 of the view, at least the nine rows the digits choose, a few rows left for the text.
            lines = self._overlay(width, min(max(height * 3 // 5, 12), max(height - 4, 3)))
            rows = len(lines)
            self._overlay_top = self._overlay_place(rows, height)
            self._overlay_strips = [Strip(line.render(self.app.console), line.cell_len)
                                    .crop_extend(0, width, self.rich_style) for line in lines]
        for top, count in (covered, (self._overlay_top, len(self._overlay_strips))):
            if count:
                self.refresh_lines(round(self.scroll_y) + top, count)

    def _overlay_place(self, rows: int, height: int) -> int:
        """The first view row of a box ``rows`` tall: below the kept line, else above it."""
        if self._overlay_keep is None or not self._lines:
            return height - rows
        line = self.line_of(self._overlay_keep) * self._rows
        at = line - round(self.scroll_y)
        if not (at + self._rows <= height - rows or rows <= at < height):
            # Neither below nor above: bring the kept line to the top of the view (one line of
            # what comes before it).
            self.scroll_to(y=max(line - self._rows, 0), animate=False, immediate=True)
            at = line - round(self.scroll_y)
        return height - rows if at + self._rows <= height - rows else 0

    def set_label_rows(self, shown: bool) -> None:
        if shown != self.label_rows:
            focus = self.marks().focus
            focus_line = self.line_of(focus[0]) if focus else round(self.scroll_y) // self._rows
            self.label_rows = shown
            self.virtual_size = Size(self._wrap_width, len(self._lines) * self._rows)
            self._invalidate()
            self.scroll_to(y=max(focus_line * self._rows - 2, 0), animate=False, immediate=True)

    @property
    def _rows(self) -> int:
        """Screen rows per line of text: two with the label line, and never for a notice."""
        return 2 if self.label_rows and self._tokens else 1

    def visible_offsets(self) -> tuple[int, int]:
        """The character range of the text on screen."""
        if not self._lines:
            return 0, 0
        top = round(self.scroll_y) // self._rows
        height = max(self.scrollable_content_region.height // self._rows, 1)
        last = min(top + height, len(self._lines)) - 1
        return self._lines[min(top, len(self._lines) - 1)][0], self._lines[max(last, 0)][1]

    def tint(self, mark: str, spans: list[Span]) -> None:
        """Paint ``spans`` with ``mark`` over their labels' colours: ``disputed``, spans only some
        versions of the document have (review); ``suggested``, suggested quotes."""
        spans = sorted(spans, key=lambda s: s.start)
        if spans != self._tints.get(mark, []):
            self._tints[mark] = spans
            self._invalidate()

    def marks(self) -> Marks:
        """What to mark now (nothing: the editor subclass says what it owns)."""
        return Marks()

    def repaint_marks(self, *, scroll: bool = True) -> None:
        """Repaint the lines whose marks changed since the last call, and (``scroll``) bring the
        focused span and then the cursor into view."""
        marks = self.marks()
        now = marks.ranges()
        # Repaint only the lines whose marks changed: a keypress costs a few lines, not the view.
        self._repaint_text_rows({line for start, end in self._painted ^ now
                                 for line in range(self.line_of(start), self.line_of(max(end - 1, start)) + 1)})
        self._painted = now
        if not scroll:
            return
        # The focused span in view first (its start, when it is taller than the view), then the
        # cursor, which may be further on inside it.
        if marks.focus is not None:
            self.scroll_to_offset(*marks.focus)
        if marks.cursor is not None:
            self.scroll_to_offset(*marks.cursor)

    def _repaint_text_rows(self, lines: set[int]) -> None:
        """Paint the text rows of ``lines`` again (marks and tags are drawn there, never on the label
        rows; the cache is keyed by screen row, and a line of text may have two)."""
        for line in lines:
            self._cache.pop(line * self._rows, None)
            self.refresh_lines(line * self._rows)

    def mark_style(self, mark: str) -> Style:
        """How ``mark`` (focus, selection, cursor, hint, disputed) is painted over the text."""
        return self.get_component_rich_style(f"document-view--{mark}", partial=True)

    # -- geometry --------------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        return max(bisect_right(self._line_starts, offset) - 1, 0)

    def scroll_to_offset(self, start: int, end: int) -> None:
        if not self._lines:
            return
        rows = self._rows
        first, last = self.line_of(start) * rows, self.line_of(max(end - 1, start)) * rows + rows - 1
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        if first < top or last >= top + height:
            # Off screen: bring it to the middle (as vim's zz), so what follows it is in view too.
            middle = first - max((height - (last - first + 1)) // 2, 0)
            self.scroll_to(y=max(0, middle if last - first < height else first - rows), animate=False, immediate=True)

    def token_on_next_line(self, token_id: int, direction: int) -> int:
        """The token one visual line up or down from ``token_id``, at about the same column."""
        if not self._tokens:
            return token_id
        token = self._tokens[token_id]
        line = self.line_of(token.start)
        target = line + direction
        while 0 <= target < len(self._lines) and self._lines[target][0] == self._lines[target][1]:
            target += direction
        if not 0 <= target < len(self._lines):
            return token_id
        column = cell_len(self._text[self._lines[line][0]:token.start])
        start, end = self._lines[target]
        best = token_id
        for index in range(max(bisect_right(self._token_starts, start) - 1, 0), len(self._tokens)):
            candidate = self._tokens[index]
            if candidate.start >= end:
                break
            if candidate.end <= start or not candidate.text.strip():
                continue
            best = index
            if cell_len(self._text[start:candidate.start]) + cell_len(candidate.text) > column:
                break
        return best

    # -- rendering -------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()

    def _layout(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or (not force and width == self._wrap_width):
            return
        self._wrap_width = width
        self._lines = wrap_offsets(self._text, width)
        self._line_starts = [start for start, _ in self._lines]
        self._index_spans()
        self.virtual_size = Size(width, len(self._lines) * self._rows)
        self._invalidate()
        if self._overlay is not None:
            self.redraw_overlay()

    def _index_spans(self) -> None:
        self._line_spans = [[] for _ in self._lines]
        for span in sorted(self._spans, key=paint_layer):
            for line in self._lines_of(span):
                self._line_spans[line].append(span)

    def _lines_of(self, span: Span) -> range:
        return range(self.line_of(span.start), self.line_of(max(span.end - 1, span.start)) + 1)

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def token_chars(self, first: int, last: int) -> tuple[int, int] | None:
        """The characters from token ``first`` to token ``last`` (either order)."""
        if not self._tokens:
            return None
        first, last = sorted((first, last))
        return self._tokens[first].start, self._tokens[last].end

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self._overlay_strips and self._overlay_top <= y < self._overlay_top + len(self._overlay_strips):
            return self._overlay_strips[y - self._overlay_top]
        index, label_line = divmod(row, self._rows)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(row)
        if strip is None:
            if label_line:
                start, end = self._lines[index]
                # A suggested quote is named there too (``sug?``), under the document's own spans.
                offered = [q.replace(label=SUGGESTED) for q in self._tints.get("suggested", ()) if
                           q.start < end and start < q.end]
                text = label_row(self._text, start, end, [*offered, *self._line_spans[index]], base)
                strip = Strip(text.render(self.app.console), text.cell_len)
            else:
                strip = self._render_text_line(index, base)
            # Rich leaves a line with no span unstyled: the view's own colours go under every line.
            strip = strip.apply_style(base)
            self._cache[row] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_text_line(self, index: int, base: Style) -> Strip:
        start, end = self._lines[index]
        plain = self._text[start:end]
        # Jump tags take the place of the characters they cover (a tag is never longer than its
        # word): put them in the plain text and style them last, so no Text is cut and joined.
        tags = [(offset - start, self._hints[offset]) for offset in
                self._hint_offsets[bisect_left(self._hint_offsets, start):bisect_left(self._hint_offsets, end)]]
        for at, tag in tags:
            plain = plain[:at] + tag[:len(plain) - at] + plain[at + len(tag):]
        text = Text(plain, style=base + self._message_style, no_wrap=True, end="")

        def paint(style: Style, char_start: int, char_end: int) -> None:
            if char_start < end and start < char_end:
                text.stylize(style, max(char_start, start) - start, min(char_end, end) - start)

        for span in self._line_spans[index]:
            paint(label_style(span.label), span.start, span.end)
        for mark, tinted in self._tints.items():
            for span in tinted[:bisect_left(tinted, end, key=lambda s: s.start)]:
                paint(self.mark_style(mark), span.start, span.end)
        marks = self.marks()
        for mark in ("focus", "choice", "selection", "cursor"):
            where = getattr(marks, mark)
            if where is not None:
                paint(self.mark_style(mark), *where)
        styles = _PLAIN + self.mark_style("hint"), _PLAIN + self.mark_style("hint-next")
        for at, tag in tags:
            text.stylize(styles[self._hint_next.get(start + at, False)], at, min(at + len(tag), len(plain)))
        return Strip(text.render(self.app.console), text.cell_len)
