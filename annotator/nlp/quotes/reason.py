"""``Ms. Ortiz called the ferry "a mistake" because few people ride it``: a ``because`` clause right
after a report's content, with no comma between, gives the speaker's reason for what was said, and
is part of it. After a comma (``…, because the board met late``) the reason is as often the
reporter's, and the content stops where it stopped."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark
from annotator.nlp.quotes.scan import QuoteScan

#: The conjunction that opens a speaker's reason.
REASON_MARKS = frozenset({"because"})


def with_reason(scan: QuoteScan, item: FoundQuote) -> FoundQuote:
    """``item`` through the ``because`` clause that follows its content right away (only closing
    marks between) and hangs on its cue or on a word of the content, to the paragraph's end at most;
    ``item`` itself when there is none."""
    doc, span = scan.doc, item.span
    mark = span.end
    while mark < len(doc) and doc[mark].text in QUOTE_MARK_TOKENS:
        mark += 1
    if mark >= len(doc) or not _opens_reason(doc[mark]):
        return item
    clause = doc[mark].head
    on_cue = item.cue is not None and item.cue.start <= clause.head.i < item.cue.end
    if not (on_cue or span.start <= clause.head.i < span.end):
        return item
    _, para_end = scan.paragraph(span.start_char)
    end = min(clause.right_edge.i + 1, scan.token_at_or_after(para_end))
    whole = with_closing_mark(scan, trimmed(doc, span.start, end))
    if whole is None or whole.end <= span.end:
        return item
    return FoundQuote(whole, type_for(whole, scan.inside), item.cue, item.claims, item.rule)


def _opens_reason(token: Token) -> bool:
    """``because`` marking an adverbial clause (not ``because of``)."""
    return token.lower_ in REASON_MARKS and token.dep_ == "mark" and token.head.dep_ == "advcl" \
        and token.head.i > token.i
