"""Interview answers: in a ``Q:``/``A:`` transcript each answer paragraph is a direct quote, its
cue the ``A``."""

from __future__ import annotations

from annotator.nlp.marks import trim_content
from annotator.nlp.quotes.found import FoundQuote, word_count
from annotator.nlp.quotes.scan import QuoteScan


def find(scan: QuoteScan) -> list[FoundQuote]:
    doc, text = scan.doc, scan.text
    labelled = [(s, text[s:s + 2]) for s in scan.paragraph_starts if text[s:s + 2] in ("Q:", "A:")]
    if not any(label == "Q:" for _, label in labelled):
        return []
    found = []
    for para_start, label in labelled:
        if label != "A:":
            continue
        _, para_end = scan.paragraph(para_start)
        start, end = trim_content(text, para_start + 2, para_end)
        span = scan.char_span(start, end)
        first = scan.token_at_or_after(para_start)
        if span is not None and word_count(span) >= scan.min_direct_words:
            found.append(FoundQuote(span, "direct", doc[first:first + 1]))
    return found
