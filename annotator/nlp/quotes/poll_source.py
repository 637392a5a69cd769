"""``In the spring survey, CLAUSE.``: a poll or a survey named in a phrase that opens its
sentence is the source of the clause after the phrase's comma, as ``according to`` names one
(``According to the poll, …``); one named in the phrase that closes its sentence's main clause
(``Ruiz leads by six points in the latest poll.``) is the source of that clause before it. The nouns are the lexicon's ``poll_nouns``; the cue is ``in``,
whose object the speakers read as they read ``according to``'s."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from annotator.nlp.quotes.according_to import opening_clause, source_end
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, word_count
from annotator.nlp.quotes.scan import QuoteScan

_NOUN = POS_IDS["NOUN"]
_PROPN = POS_IDS["PROPN"]


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    # a poll's name in title case (``the Field Poll``) is tagged a proper noun, its lemma capitalized
    nouns = [*scan.words_where(POS, _NOUN, LEMMA, scan.lexicon.poll_nouns),
             *scan.words_where(POS, _PROPN, LOWER, scan.lexicon.poll_nouns)]
    for noun in nouns:
        item = _in_poll(scan, noun)
        if item is not None:
            found.append(item)
    return found


def _in_poll(scan: QuoteScan, noun: Token) -> FoundQuote | None:
    """The clause a sentence-opening ``In <poll>,`` (or a closing ``in <poll>``) reports, else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or scan.quoted(prep.idx):
        return None
    doc = scan.doc
    para_start, para_end = scan.paragraph(prep.idx)
    sent = prep.sent
    first = max(sent.start, scan.token_at_or_after(para_start))
    last = min(sent.end, scan.token_at_or_after(para_end))
    if opening_clause(doc, first, prep.i) != prep.i:
        return _closing_poll(scan, prep, first, last)
    phrase_end = source_end(doc, prep, prep, max(prep.right_edge.i + 1, prep.i + 2))
    if phrase_end >= last or doc[phrase_end].text != ",":
        return None
    return _reported(scan, phrase_end + 1, last, prep)


#: What a closing ``in <poll>`` phrase may hang on below the clause's verb (``a lead in the poll``,
#: ``ahead in the polls``, ``at 25 percent in the survey``).
_BELOW_THE_VERB = frozenset({"advmod", "acomp", "dobj", "npadvmod", "attr"})


def _closing_poll(scan: QuoteScan, prep: Token, first: int, last: int) -> FoundQuote | None:
    """``Ruiz leads Lee by six points in the latest poll.``: an ``in <poll>`` phrase that ends its
    sentence (nothing but punctuation after it) on its main clause, whose verb has a subject before it,
    reports the clause before the phrase (tuning part: 6 of 8 new quotes right)."""
    doc = scan.doc
    head = prep.head
    while head.dep_ in _BELOW_THE_VERB and head.head.i != head.i:
        head = head.head
    if head.dep_ != "ROOT" or head.pos_ not in ("VERB", "AUX") or head.left_edge.i < first \
            or not any(c.dep_ == "nsubj" and c.i < prep.i for c in head.children):
        return None
    if not all(t.is_punct or t.is_space for t in doc[prep.right_edge.i + 1:last]):
        return None  # "Most farmers voted in the poll, and the dam lost": the poll is where they voted
    return _reported(scan, head.left_edge.i, prep.i, prep)


def _reported(scan: QuoteScan, start: int, end: int, prep: Token) -> FoundQuote | None:
    """The clause from ``start`` to ``end`` (trimmed) as the poll's report, cued by ``prep``, when it
    has three words or more outside quotation marks."""
    span = trimmed(scan.doc, start, end)
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return None
    return FoundQuote(span, type_for(span, scan.inside), scan.doc[prep.i:prep.i + 1])
