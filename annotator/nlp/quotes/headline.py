"""Headline quotes: ``Name: words`` on a line of their own (``Starmer: we will not raise taxes``,
``Poll: the mayor leads by six points``); the colon is the cue, and a quote already found on that line
gets it as its cue. Its type is read off the marks: words wholly between marks are direct, words with
a quoted part mixed, words without marks an indirect quote (news headlines paraphrase)."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from annotator.nlp.name_words import HEADLINE_LABELS, after_label, could_report
from annotator.nlp.marks import MarkedSegment, trim_content
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan


def find(scan: QuoteScan) -> list[FoundQuote]:
    doc, text = scan.doc, scan.text
    found = []
    for colon in colon_tokens(scan):
        para_start, para_end = scan.paragraph(colon.idx)
        name = after_label([t for t in doc[scan.token_at_or_after(para_start):colon.i] if not t.is_space])
        if not 1 <= len(name) <= 5 or not looks_like_name(scan, name):
            continue
        line_words = len(text[para_start:para_end].split())
        if line_words > scan.headline_max_words:
            continue
        start, end = trim_content(text, colon.idx + 1, para_end)
        quote_type, whole = headline_type(scan, start, end)
        if whole is not None:  # the marks around the words are not part of them
            start, end = trim_content(text, whole.start, whole.end)
        span = scan.char_span(start, end)
        if span is None or len([t for t in span if t.is_alpha]) < 3 or _contact_line(span):
            continue
        found.append(FoundQuote(span, quote_type, doc[colon.i:colon.i + 1], claims=(start, end)))
    return found


def headline_type(scan: QuoteScan, start: int, end: int) -> tuple[str, MarkedSegment | None]:
    """The type of the words from ``start`` to ``end`` after a headline's colon, read off the quoted
    segments the scan found (``marks.find_marked_segments``: an apostrophe is no mark): ``direct`` when one
    segment holds every word (``Lin: "We will rebuild"``; that segment is returned), ``mixed`` when some
    words are quoted (``Lin: pier plan "a must"``), else ``indirect`` (``Lin: we will rebuild``)."""
    quoted = [s for s in scan.segments if start <= s.start and s.end <= end]
    if not quoted:
        return "indirect", None
    one, text = quoted[0], scan.text
    if len(quoted) == 1 and not any(text[i].isalnum() for i in (*range(start, one.start), *range(one.end, end))):
        return "direct", one
    return "mixed", None


def _contact_line(span) -> bool:
    """``Follow the author on Twitter: @handle. Reach him at name@site.com``: an address, not words said."""
    return span[0].text.startswith("@") or any(t.like_email or t.like_url for t in span)


def lend_cues(found: list[FoundQuote], headlines: list[FoundQuote]) -> list[FoundQuote]:
    """A headline over quotes found already gives them its colon as cue (if they have none);
    else it is a quote of its own. A mixed headline (``Lin: pier plan "a must"``) holding the quotes
    found on its line is one quote with its quoted parts, as a report absorbs the direct quotes in
    its clause (tuning part: 4 of 5 such headlines paired a gold quote nothing else found)."""
    for headline in headlines:
        start, end = headline.chars
        existing = [f for f in found if f.span.start_char < end and start < f.span.end_char]
        if existing and headline.quote_type == "mixed" \
                and all(start <= f.span.start_char and f.span.end_char <= end for f in existing):
            found = [f for f in found if all(f is not e for e in existing)]
            existing = []
        if existing:
            for item in existing:
                item.cue = item.cue or headline.cue
            continue
        found.append(headline)
    return found


def looks_like_name(scan: QuoteScan, tokens: list[Token]) -> bool:
    """Capitalised words with a proper noun or a named entity among them, no verb, no number, no
    page label (``Update:``, ``Photo:``); or words ending in a noun for a source that reports
    (``Poll:``, ``Historians:``, ``Tribune editorial:``: ``name_words.could_report``)."""
    if any(t.lower_ in HEADLINE_LABELS or t.like_num or t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    words = [t for t in tokens if t.is_alpha]
    if not words or not words[0].text[0].isupper():
        return False
    if tokens[-1].pos_ == "NOUN" and could_report(tokens[-1]):
        return True
    if not all(t.text[0].isupper() or t.pos_ in ("ADP", "DET", "PART", "PUNCT") for t in tokens):
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in tokens):
        return True
    # A headline is tagged badly ("Arteta" as a noun): the same word in a name elsewhere counts.
    return all(t.text in scan.named_words for t in words)


def colon_tokens(scan: QuoteScan) -> Iterator[Token]:
    """The tokens that are a colon, in order: found in the text, not by visiting every token."""
    doc, text = scan.doc, scan.text
    at = text.find(":")
    while at >= 0:
        i = scan.token_at_or_after(at)
        if i < len(doc) and doc[i].idx == at and doc[i].text == ":":
            yield doc[i]
        at = text.find(":", at + 1)
