"""``Mayor Ruiz Says Port Plan Will Pass``: in a headline written in title case the parser reads the
capitals as names and loses the subject; the capitalised words before a capitalised cue verb,
from the start of the line, are the speaker."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The longest speaker a headline names before its verb, in words.
MAX_WORDS = 6
#: The share of the line's words after the verb that must be capitalised for a title-case line.
TITLE_SHARE = 0.8


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb = cue[0]
    if not _capitalised(verb):
        return None
    line_start, line_end = scan.paragraph(verb.idx)
    doc = cue.doc
    start = verb.i
    while start > 0 and doc[start - 1].idx >= line_start:
        start -= 1
    while start < verb.i and not doc[start].is_alpha:
        start += 1  # a list number or a mark opening the line
    words = doc[start:verb.i]
    if not 1 <= len(words) <= MAX_WORDS or not all(_capitalised(t) or not t.is_alpha for t in words) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in words) or not _title_case_after(doc, verb, line_end):
        return None
    return words


def _capitalised(token: Token) -> bool:
    return token.is_title or token.is_upper and token.is_alpha


def _title_case_after(doc, verb: Token, line_end: int) -> bool:
    """The line goes on in title case after the verb (``Says Port Plan Will Pass``)."""
    words = []
    for token in doc[verb.i + 1:]:
        if token.idx >= line_end:
            break
        if token.is_alpha:
            words.append(token)
    if len(words) < 2:
        return False
    return sum(_capitalised(t) or len(t) <= 2 for t in words) >= TITLE_SHARE * len(words)
