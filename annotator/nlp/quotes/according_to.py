"""``According to X, CLAUSE.``, ``CLAUSE, according to X.`` and ``A, according to X, B.``: the
clause is reported (around the cue, in two pieces), the two words are the cue."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.lexicon import FINITE_TAGS, QUOTE_MARK_TOKENS, SUBJECT_DEPS
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, word_count
from annotator.nlp.doc_words import word_after, word_before
from annotator.nlp.quotes.scan import QuoteScan, range_at


def at(scan: QuoteScan, according: Token) -> list[FoundQuote]:
    doc = scan.doc
    if according.lower_ != "according" or scan.quoted(according.idx):
        return []
    after = word_after(doc, according.i)
    if after >= len(doc) or doc[after].lower_ != "to":
        return []
    to = doc[after]
    cue = doc[according.i:to.i + 1]
    first, last = scan.sentence_in_paragraph(according)
    phrase_end = max(to.right_edge.i + 1, to.i + 2)
    phrase_end = source_end(doc, according, to, phrase_end)
    while phrase_end < last and doc[phrase_end].is_space:
        phrase_end += 1
    first = after_set_off_report(scan, opening_clause(doc, first, according.i), according.i)
    pieces = _pieces(doc, first, _word_before(doc, according.i, first), phrase_end, last)
    if pieces is not None and pieces[0] is not None:
        pieces[0] = _from_quote_start(scan, pieces[0], scan.paragraph(according.idx)[0])
    if pieces is not None and len(pieces) == 2 and pieces[1] is not None and describes_around(pieces[1], according, phrase_end):
        pieces = pieces[:1]
    if pieces is None or any(p is None or not has_words_outside(p, scan.inside) for p in pieces) \
            or sum(word_count(p) for p in pieces) < 3:
        return []
    return [FoundQuote(p, type_for(p, scan.inside), cue) for p in pieces]


def _from_quote_start(scan: QuoteScan, piece: Span, para_start: int) -> Span:
    """``"It is late. It will close," Lee said, according to the memo``: a clause that starts inside
    quoted words opened in an earlier sentence of its paragraph and runs past their closing mark is a
    quote and its attribution, which the source reports whole: it starts at the opening mark."""
    inside = scan.inside
    i = range_at(piece.start_char, inside)
    if i < 0 or not inside[i][0] < piece.start_char < inside[i][1] < piece.end_char or inside[i][0] <= para_start:
        return piece
    start = scan.token_at_or_after(inside[i][0]) - 1
    doc = piece.doc
    if start < 0 or doc[start].sent.start == piece.sent.start or doc[start].text not in QUOTE_MARK_TOKENS:
        return piece
    return doc[start:piece.end]


def _pieces(doc: Doc, first: int, before: Token | None, phrase_end: int, last: int) -> list[Span | None] | None:
    """The clause the cue phrase (ending at ``phrase_end``) reports, between ``first`` and ``last``:
    after it when it opens the clause, before it when it closes the sentence, in two pieces when it
    stands between commas or dashes; None when it stands otherwise."""
    if before is None:
        if phrase_end >= last or doc[phrase_end].text != ",":
            return None
        return [trimmed(doc, phrase_end + 1, last)]
    if before.text == "," and not any(t.text in _PIECE_BREAKS for t in doc[phrase_end:last - 1]):
        # the cue phrase runs to the sentence's end: the parse may hang a long source's own clause
        # elsewhere (``…, according to two aides who spoke but were not allowed to …``)
        return [trimmed(doc, first, before.i)]
    if before.text in (",", "—", "–") and phrase_end < last and doc[phrase_end].text in (",", "—", "–"):
        # "Two of the rules, according to the handbook, apply …": the clause around the cue, in two pieces.
        pieces = [trimmed(doc, first, before.i), trimmed(doc, phrase_end + 1, last)]
        if any(p is None for p in pieces) or not any(t.tag_ in FINITE_TAGS for p in pieces for t in p):
            return None
        return pieces
    return None


#: The roles of a piece after the cue phrase that only describes a word before it: the source's
#: apposition (``according to the filings, a record of gifts``), a relative clause or a participle on
#: a noun (``, where the vote is held``).
_DESCRIBING_DEPS = frozenset({"appos", "relcl", "acl"})


def describes_around(piece: Span, according: Token, phrase_end: int) -> bool:
    """``A, according to X, B`` where B describes the source or a noun of A rather than going on
    with A's clause: B's head word is an apposition, a relative clause or a participle on a noun, or
    hangs on a word of the source phrase."""
    root = piece.root
    return root.dep_ in _DESCRIBING_DEPS or according.i <= root.head.i < phrase_end


#: What ends the cue phrase when the reported clause goes on after it (``A, according to X, B``).
_PIECE_BREAKS = frozenset({",", "—", "–", ";", ":"})


def phrase_report(scan: QuoteScan, start: int, end: int, prep: Token) -> FoundQuote | None:
    """The clause from ``start`` to ``end`` (trimmed) as the report a source phrase gives, cued by its
    preposition ``prep`` (``In the spring survey,``, ``To Ortiz,``, ``Under state law,``), when it has
    three words or more outside quotation marks."""
    span = trimmed(scan.doc, start, end)
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return None
    return FoundQuote(span, type_for(span, scan.inside), scan.doc[prep.i:prep.i + 1])


def fronted_phrase_end(doc: Doc, prep: Token, last: int) -> int | None:
    """The comma that closes the clause-opening phrase ``prep`` heads (``By the clerk's tally,``, ``In the
    spring survey,``), read as ``according to``'s source is (``source_end``); None when no comma closes it
    before ``last``."""
    end = source_end(doc, prep, prep, max(prep.right_edge.i + 1, prep.i + 2))
    return end if end < last and doc[end].text == "," else None


def source_end(doc: Doc, according: Token, to: Token, phrase_end: int) -> int:
    """Where the source phrase ends, the parse's subtree of ``to`` ending at ``phrase_end``: before
    a piece break the parser hangs on the source (``According to the memo, …``), and at the source's
    first comma when the verb the cue modifies has no subject outside the phrase (``According to the
    memo, Ruiz and her deputy ordered …``, the subject read as the source's apposition)."""
    while phrase_end > to.i + 2 and doc[phrase_end - 1].text in _PIECE_BREAKS:
        phrase_end -= 1
    if phrase_end < len(doc) and doc[phrase_end].text == ",":
        return phrase_end
    verb = according.head
    if any(c.dep_ in SUBJECT_DEPS and not to.i < c.i < phrase_end for c in verb.children):
        return phrase_end
    return next((t.i for t in doc[to.i + 2:phrase_end] if t.text == ","), phrase_end)


def _word_before(doc: Doc, i: int, first: int) -> Token | None:
    """The word before ``i`` from ``first`` on, white space passed over; None at the clause start."""
    j = word_before(doc, i)
    return doc[j] if j >= first else None


def opening_clause(doc: Doc, first: int, according: int) -> int:
    """Where the clause holding the cue starts: after a colon or semicolon in its sentence, and at
    the cue itself when only a conjunction or an adverb comes before it (``But, according to …``)."""
    for i in range(according - 1, first - 1, -1):
        if doc[i].text in (":", ";"):
            first = i + 1
            break
    lead = [t for t in doc[first:according] if not (t.is_punct or t.is_space)]
    if len(lead) <= 2 and all(t.pos_ in ("CCONJ", "ADV", "SCONJ") for t in lead):
        return according
    return first


def after_set_off_report(scan: QuoteScan, first: int, according: int) -> int:
    """``Trade has slipped, a survey found, and the council, according to its clerk, will …``: a
    report set off between commas before the cue's own clause (``, a survey found,``: a speech or
    cognition verb closing a few words after a comma, no other verb among them, a comma right after
    it) closes the clause another source reports; the cue's clause starts after that comma and the
    conjunction after it. Not the comma right before the cue (``"…," Lee said, according to …``:
    the quote and its attribution are what the source reports)."""
    doc = scan.doc
    for i in range(word_before(doc, according) - 1, first, -1):
        if doc[i].text == "," and _set_off_report_ends(scan, first, word_before(doc, i)):
            start = word_after(doc, i)
            return word_after(doc, start) if doc[start].pos_ == "CCONJ" else start
    return first


#: The most words of a set-off report's source phrase (``a survey by the port college``).
SET_OFF_WORDS = 8


def _set_off_report_ends(scan: QuoteScan, first: int, verb: int) -> bool:
    """A speech or cognition verb at ``verb`` whose few words before it (no verb among them) follow a
    comma or dash with words of the clause before it."""
    doc = scan.doc
    if verb <= first or doc[verb].pos_ != "VERB" or scan.cue_lemma(doc[verb]) is None:
        return False
    for j in range(verb - 1, max(first, verb - SET_OFF_WORDS - 1), -1):
        if doc[j].text in (",", "—", "–"):
            return first < j < verb - 1
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].is_punct:
            return False
    return False
