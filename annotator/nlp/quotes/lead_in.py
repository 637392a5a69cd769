"""``But "the budget will not balance itself," Ruiz said``, ``The board's "decision was made in the
dark," Ruiz said``, ``Instead, the council "is trying to dodge the question," Ruiz said``: words of
the reporter's own run into the opening mark and belong to the quoted words' clause (the parser
hangs each of them, through its heads, on a word between the marks). News attribution corpora mark
those lead-in words with the quoted ones as one mixed content, up to and with the closing mark; the
quote alone leaves them to be added by hand. ``subject_before`` reads the commonest lead-in, a
subject; this rule reads any other that hangs inside the quote (a conjunction, an adverb, a
possessive, an opening phrase and its comma).

Only for a quote whose cue comes after it or that has none: with a cue before it (``said that
"…"``, ``said Monday "…"``) the report rules read the clause, and a word between the cue and the
mark that the parser hangs inside the quote is more often the cue's own (PolNeAR's tuning part
keeps ``said that "…"`` direct, without ``that``). A comma or colon right before the mark (``In past
years, "we could count on the state," …``) sets the quote apart: it stays direct. A quote without a
cue keeps the speaker the rules for direct quotes give it: they read its quoted passage
(``SpeakerScan.quoted_part``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import word_before
from annotator.nlp.lexicon import CONTENT_AFTER_MARKS, QUOTE_MARK_TOKENS
from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

#: The most tokens the lead-in may have (``In the first three months of the year,`` and more).
MAX_LEAD_IN_TOKENS = 20
#: Parts of speech that never stand in a lead-in: a verb outside the marks is a clause of its own
#: (``The union rejected a "…"``: the quoted words hang on ``rejected``, not the other way round).
_VERB_POS = frozenset({"VERB", "AUX"})


def extend(found: list[FoundQuote], scan: QuoteScan) -> list[FoundQuote]:
    """``found`` with each direct quote whose cue comes after it, or that has none, read with its
    lead-in words as one mixed quote (``with_lead_in``), unless that would reach into another quote.
    Run after every rule, on the direct quotes no report took."""
    segments = {s.start: s for s in scan.segments}
    out = []
    for item in found:
        whole = None
        segment = segments.get(item.span.start_char)
        if item.quote_type == "direct" and (item.cue is None or item.cue.start >= item.span.end) \
                and segment is not None:
            whole = with_lead_in(scan, segment, item.span)
        if whole is not None and not any(o is not item and o.span.start < whole.end and whole.start < o.span.end
                                         for o in found):
            item = FoundQuote(whole, "mixed", item.cue, item.claims, item.rule)
        out.append(item)
    return out


def with_lead_in(scan: QuoteScan, segment: MarkedSegment, span: Span) -> Span | None:
    """The quoted words ``span`` with the words before their opening mark that hang on a word inside
    them, from the first such word (after a clause's ``that``) to the closing mark; None when no
    word of that kind stands right before the mark."""
    doc = scan.doc
    mark = span.start - 1
    if segment.close_at is None or span.start < 2 or doc[mark].idx != segment.open_at:
        return None
    before = word_before(doc, mark)
    if before < 0 or not doc[before].text[-1:].isalnum() or _own_sentence(scan, segment, span):
        return None
    sentence_start = max(span[0].sent.start, scan.token_at_or_after(scan.paragraph(segment.open_at)[0]))
    start = mark
    while start > max(sentence_start, mark - MAX_LEAD_IN_TOKENS) and _leads_in(scan, doc[start - 1], span):
        start -= 1
    while start < mark and (doc[start].is_punct or doc[start].dep_ == "mark"
                            and doc[start].lower_ in CONTENT_AFTER_MARKS):
        start += 1
    if not any(t.is_alpha for t in doc[start:mark]):
        return None
    close = scan.token_at_or_after(segment.close_at)
    if close >= len(doc) or doc[close].idx != segment.close_at:
        return None
    return doc[start:close + 1]


def _own_sentence(scan: QuoteScan, segment: MarkedSegment, span: Span) -> bool:
    """The quoted words are a sentence of their own: a capital first and their own full stop,
    question or exclamation mark last (``date 2024-03-02 "Is the budget balanced?," she asked``)."""
    assert segment.close_at is not None
    return span[0].text[:1].isupper() and scan.text[segment.start:segment.close_at].rstrip(" ,")[-1:] in ".?!…"


def _leads_in(scan: QuoteScan, token: Token, span: Span) -> bool:
    """``token`` may stand in a lead-in to ``span``: a word outside marks, no verb, hung (through
    its heads) on a word inside ``span``."""
    if token.is_space or token.pos_ in _VERB_POS or scan.quoted(token.idx) or token.text in QUOTE_MARK_TOKENS:
        return False
    return any(span.start <= head.i < span.end for head in token.ancestors)
