"""The colour of each label, shared by the document view, the side panel and the legend, and the
order the view paints them in."""

from __future__ import annotations

from rich.style import Style

from annotator.core.records import CUE, QUOTE, SPEAKER, Span

_KNOWN = {
    "PERSON": "#ff8c8c",
    "ORG": "#7fb4ff",
    "GPE": "#8fe08f",
    "LOC": "#e0c060",
    "NORP": "#e08fe0",
    "EVENT": "#5fd7d7",
    "FAC": "#d7af87",
    "PRODUCT": "#afafff",
    "DATE": "#a8a8a8",
}
_CYCLE = ("#ffaf5f", "#87d7af", "#d7d75f", "#af87d7", "#5fafd7", "#d78787", "#87afaf", "#bcbcbc")

#: Quotes tint the background so entities and speakers inside them keep their own colours.
QUOTE_STYLE = Style(bgcolor="#26334a")
SPEAKER_STYLE = Style(color="#ffd75f", bold=True, underline=True)
CUE_STYLE = Style(color="#d0d0d0", italic=True, underline=True)


#: Not a label of the document: what the label line under the text calls a suggested quote.
SUGGESTED = "suggested"


def label_colour(label: str) -> str:
    if label == SUGGESTED:
        return "#8a8a8a"
    if label == QUOTE:
        return "#8fb0e0"
    if label == SPEAKER:
        return "#ffd75f"
    if label == CUE:
        return "#d0d0d0"
    if label in _KNOWN:
        return _KNOWN[label]
    return _CYCLE[sum(map(ord, label)) % len(_CYCLE)]


def label_style(label: str) -> Style:
    """How a span with this label is drawn in the text."""
    if label == QUOTE:
        return QUOTE_STYLE
    if label == SPEAKER:
        return SPEAKER_STYLE
    if label == CUE:
        return CUE_STYLE
    return Style(color=label_colour(label), bold=True)


def badge_style(label: str) -> Style:
    """A label's name shown on its own (legend, lists): its colour as the background."""
    return Style(color="#000000", bgcolor=label_colour(label), bold=True)


def paint_layer(span: Span) -> int:
    """Quotes paint the background first, then speakers and cues, then entity colours on top."""
    return {QUOTE: 0, SPEAKER: 1, CUE: 1}.get(span.label, 2)
