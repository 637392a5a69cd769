"""``As the prosecutor put it, "…"``, ``as The Hill pointed out, "…"``: a quote the quote rules found
without a cue, right after an ``as`` clause (and its comma) in its sentence, is that clause's
subject's, whatever the verb."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import SpeakerScan

#: Words the ``as`` clause may end on besides its verb (``put it``, ``pointed out``, ``noted today``).
_MAX_CLAUSE_TAIL = 6


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    speakers = {}
    for index, quote in scan.without_cue(found):
        verb = as_clause_before(scan, quote)
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is not None and could_speak(subject) and not scan.quoted(subject):
            speakers[index] = noun_phrase(subject, scan.text)
    return speakers


def as_clause_before(scan: SpeakerScan, quote: Span) -> Token | None:
    """The verb of an ``as`` clause that ends right before the quote's opening mark and comma."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and doc[i].text in QUOTE_MARK_TOKENS:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    para_start = scan.paragraph(quote.start_char)[0]
    for j in range(i - 1, max(i - 1 - _MAX_CLAUSE_TAIL, -1), -1):
        token = doc[j]
        if token.idx < para_start or token.text in QUOTE_MARK_TOKENS or token.text == ",":
            return None
        if token.pos_ == "VERB":
            mark = next((c for c in token.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ == "as":
                return token
            return None
    return None
