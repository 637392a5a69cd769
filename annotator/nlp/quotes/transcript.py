"""Transcript turns: in a document whose paragraphs open with speakers' labels (``LEE: …``, ``Ruiz: …``,
``Q: …``), at least two speakers taking more than one turn, each labelled paragraph is a quote of the
label's speaker, however long (the headline rule takes short lines only); the colon is the cue, the
type read off the marks as a headline's. Not an interview's ``A:`` (``interview`` takes the answers),
nor a question that holds a report (the report rules find it; quoted whole it would hide it)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from annotator.nlp.marks import trim_content
from annotator.nlp.name_words import HEADLINE_LABELS, after_label
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.headline import colon_tokens, headline_type
from annotator.nlp.quotes.scan import QuoteScan

#: The most tokens of a speaker's label (``JAKE TAPPER``, ``Sen. Ada Pike``).
LABEL_TOKENS = 4
#: Speakers taking more than one turn that make a run of labelled paragraphs a transcript.
TRANSCRIPT_SPEAKERS = 2
#: An interview's labels: the question's (a speaker's turn) and the answer's (``interview``'s).
_QUESTION, _ANSWER = "q", "a"


def find(scan: QuoteScan) -> list[FoundQuote]:
    turns = _turns(scan)
    keys = Counter(key for _, key in turns)
    if sum(1 for n in keys.values() if n > 1) < TRANSCRIPT_SPEAKERS:
        return []
    found = []
    for colon, key in turns:
        item = _turn(scan, colon) if key != _ANSWER else None
        if item is not None and not (key == _QUESTION and _holds_a_report(scan, item)):
            found.append(item)
    return found


def _holds_a_report(scan: QuoteScan, item: FoundQuote) -> bool:
    """A speech or cognition verb among a question's words (``Q: Some pilots say the toll is too
    high?``): the report is the rules' to find; the question quoted whole would hide it."""
    return any(t.pos_ == "VERB" and scan.cue_lemma(t) is not None for t in item.span)


def _turns(scan: QuoteScan) -> list[tuple[Token, str]]:
    """Each colon that ends a speaker's label opening its paragraph, with the label's last word in
    lower case (``KATE LEE`` and ``LEE`` are one speaker)."""
    doc = scan.doc
    out = []
    for colon in colon_tokens(scan):
        para_start, _ = scan.paragraph(colon.idx)
        label = [t for t in doc[scan.token_at_or_after(para_start):colon.i] if not t.is_space]
        if not 1 <= len(label) <= LABEL_TOKENS or after_label(label) != label:
            continue
        if _is_label(label) or len(label) == 1 and label[0].text in ("Q", "A"):
            out.append((colon, label[-1].lower_))
    return out


def _is_label(label: list[Token]) -> bool:
    """Capitalised words (``JAKE TAPPER``, ``Sen. Pike``), no number and no page label (``UPDATE``):
    read off the words, not the tags (the tagger reads a name in capitals as a verb or a noun)."""
    return all(t.text[0].isupper() and (t.is_alpha or t.text.rstrip(".").isalpha()) and t.lower_ not in HEADLINE_LABELS
               for t in label)


def _turn(scan: QuoteScan, colon: Token) -> FoundQuote | None:
    """The words of the paragraph after the label's colon, when three or more are words."""
    _, para_end = scan.paragraph(colon.idx)
    start, end = trim_content(scan.text, colon.idx + 1, para_end)
    quote_type, whole = headline_type(scan, start, end)
    if whole is not None:  # the marks around the words are not part of them
        start, end = trim_content(scan.text, whole.start, whole.end)
    span = scan.char_span(start, end)
    if span is None or len([t for t in span if t.is_alpha]) < 3:
        return None
    return FoundQuote(span, quote_type, scan.doc[colon.i:colon.i + 1], claims=(start, end))
