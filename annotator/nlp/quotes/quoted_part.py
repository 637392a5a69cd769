"""Quoted words that are part of a paraphrase: ``declared that the nomination was "within reach."``,
``described the report on the radio as "a piece of fiction."``. The direct rule found the words
between the marks and a cue before them; when the cue's complement holding them has words of the
reporter's own, the report is that complement with its quoted part (a mixed quote)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import negated
from annotator.nlp.lexicon import CONTENT_AFTER_MARKS
from annotator.nlp.quotes.found import FoundQuote, trimmed, with_closing_mark
from annotator.nlp.quotes.scan import QuoteScan

#: A complement of these kinds is a clause of its own: the report starts where it starts, after
#: the person told (``told reporters that the plan was "dead."``).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
#: A clause of its own between the quoted words and the cue: they are not what the cue reports.
OWN_CLAUSE_DEPS = frozenset({"advcl", "conj", "relcl", "acl", "parataxis"})
#: Where a report that goes on after its quoted part stops (``… "the worst deal" and left``).
_STOPS = frozenset({",", ";", ":", "—", "–", "and", "but", "or"})
#: The cue's object comes with a phrase that says what it was called (``described the plan as
#: "…"``, ``called the plan "…"``).
OBJECT_DEPS = frozenset({"dobj"})


def paraphrase(scan: QuoteScan, quoted: Span, cue: Span) -> FoundQuote | None:
    """The mixed quote the quoted words are part of, or None when the cue's complement is all
    quoted (``told reporters on Monday "we will win."`` is a direct quote)."""
    verb = cue.root
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    part = _child_holding(verb, quoted.root)
    if part is None or part.i < verb.i:
        return None
    if part.dep_ == "prep" and verb.i + 1 == part.i:
        # "warned of "a lost decade"": the preposition belongs to the cue; its object is the report
        part = next((c for c in part.children if c.dep_ == "pobj"), None)
        if part is None:
            return None
    start = part.left_edge.i
    doc = scan.doc
    if part.dep_ in CLAUSE_DEPS and doc[start].head.i == part.i and doc[start].dep_ == "mark" \
            and doc[start].lower_ in CONTENT_AFTER_MARKS:
        start += 1  # ``told reporters that "…"``: the clause's ``that`` is not the reporter's words
    if part.dep_ not in CLAUSE_DEPS:
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and verb.i < c.i < part.i]
        start = min([start] + [c.left_edge.i for c in objects])
    span = with_closing_mark(scan, trimmed(doc, start, _end(scan, quoted, part)))
    if span is None or not any(t.is_alpha and t.i < quoted.start and not scan.quoted(t.idx) for t in span):
        return None  # no words of the reporter's own lead into the quoted ones
    return FoundQuote(span, "mixed", cue)


def governing_cue(scan: QuoteScan, quoted: Span) -> Span | None:
    """The cue verb the parse puts above the quoted words, however far before them
    (``insisted that members who … - as some rivals have - were "reckless."``)."""
    token = quoted.root
    while token.head.i != token.i:
        token = token.head
        if scan.lexicon.is_cue(token) and not negated(token):
            return token.doc[token.i:token.i + 1]
    return None


def _end(scan: QuoteScan, quoted: Span, part: Token) -> int:
    """After the quoted words the report goes on through the complement (``"is not going to fix
    it" over the next four years``) up to a comma or a conjunction."""
    doc = scan.doc
    end = quoted.end
    while end < len(doc) and (doc[end].is_punct and scan.quoted(doc[end].idx) or doc[end].text in (".", "?", "!")
                              and end + 1 < len(doc) and scan.quoted(doc[end + 1].idx)):
        end += 1
    stop = part.right_edge.i + 1
    while end < stop and doc[end].lower_ not in _STOPS and not doc[end].is_space:
        end += 1
    return end


def _child_holding(verb: Token, token: Token) -> Token | None:
    """The child of ``verb`` whose subtree holds ``token``, when no clause of its own stands between
    them (``said they would strike, describing the offer as "…"``: the participle's clause is not
    what was said); else None."""
    first = token
    while token.head.i != token.i:
        if token.i != first.i and token.dep_ in OWN_CLAUSE_DEPS:
            return None
        if token.head.i == verb.i:
            return token
        token = token.head
    return None
