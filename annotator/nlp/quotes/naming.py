"""``Ms. Ortiz called the budget "a gift to the banks"``: a speaker naming what something is;
the object and what it is called are the quote. A passive or participle naming (``a group called
the Patriots``) has no speaker and is not one. In a relative clause whose object is the relative
pronoun (``the levy, which Ms. Ortiz called "a gift to the banks"``) what it is called is the quote
(``relative_piece`` adds the pronoun beside it); in a free relative (``in what Ms. Ortiz called "a
gift"``) so is it, and ``what`` is a piece of it. Where the parser reads no object, the object folded
into the name's phrase or the first of two names is the thing named (``called the walkout irresponsible``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.cue_words import NAMING_VERBS
from annotator.nlp.doc_words import negated
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in NAMING_VERBS or negated(verb) or verb.dep_ in ("acl", "amod"):
        return []
    doc = scan.doc
    called = next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i), None)
    what = _free_relative(verb)
    if verb.dep_ == "relcl" or what is not None:
        return _relative(scan, verb, called, what)
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is not None and called is None:
        called = _misread_name(scan, verb, thing)
    if thing is None and called is not None:
        thing, called = _folded_object(verb, called)
    if thing is None or called is None or called.i < thing.i:
        return []
    subject = subject_of(verb, scan.lexicon)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return []
    _, para_end = scan.paragraph(verb.idx)
    end = min(called.right_edge.i + 1, scan.token_at_or_after(para_end))
    span = with_closing_mark(scan, trimmed(doc, min(thing.left_edge.i, called.left_edge.i), end))
    if span is None or word_count(span) < 2:
        return []
    return [FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])]


#: How the parser may hang the name after the object (``calling it "a disgrace"`` read as two objects).
_SECOND_OBJECT_DEPS = frozenset({"dobj", "npadvmod"})


def _misread_name(scan: QuoteScan, verb: Token, thing: Token) -> Token | None:
    """The name in quotation marks that the parser did not read as one: a second object after the
    first (``calling it "a disgrace"``), or an apposition to the object (``called the proposal "a
    disaster for the harbor"``). Only a name that opens with a mark: unquoted, a second object is as often a time
    (``called the clinic Friday morning``) and an apposition another name for the same thing."""
    doc = scan.doc
    names = [c for c in verb.children if c.dep_ in _SECOND_OBJECT_DEPS and c.i > thing.right_edge.i] \
        + [c for c in thing.children if c.dep_ == "appos"]
    return next((c for c in names if c.left_edge.i > 0 and doc[c.left_edge.i - 1].text in QUOTE_MARK_TOKENS), None)


#: The words of a thing named that the parser may fold into the name after it.
_FOLDED_DEPS = frozenset({"compound", "nmod", "poss", "nsubj"})


def _folded_object(verb: Token, called: Token) -> tuple[Token | None, Token]:
    """The object and the name when the parser did not read an object (``called the walkout
    irresponsible``): a noun it folded into the name's phrase (``the walkout`` hung on
    ``irresponsible``), or the first of two names it read (both ``oprd``); else no object."""
    folded = next((c for c in called.children if c.i < called.i and c.dep_ in _FOLDED_DEPS
                   and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if folded is not None:
        return folded, called
    second = next((c for c in verb.children if c.dep_ == "oprd" and c.i > called.right_edge.i), None)
    return (called, second) if second is not None and called.pos_ in ("NOUN", "PROPN", "PRON") else (None, called)


def _relative(scan: QuoteScan, verb: Token, called: Token | None, what: Token | None) -> list[FoundQuote]:
    """``which Ms. Ortiz called "a gift"``: the relative pronoun is the verb's object, before it
    (``what``: the free relative's, a piece of the quote)."""
    if called is None or what is None and not any(c.dep_ == "dobj" and c.i < verb.i and c.tag_ == "WDT"
                                                  for c in verb.children):
        return []
    subject = subject_of(verb, scan.lexicon, climb=0)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return []
    doc = scan.doc
    _, para_end = scan.paragraph(verb.idx)
    end = min(called.right_edge.i + 1, scan.token_at_or_after(para_end))
    span = with_closing_mark(scan, trimmed(doc, called.left_edge.i, end))
    if span is None or not word_count(span):
        return []
    cue = doc[verb.i:verb.i + 1]
    piece = [FoundQuote(doc[what.i:what.i + 1], "indirect", cue)] if what is not None else []
    return [FoundQuote(span, type_for(span, scan.inside), cue)] + piece


def _free_relative(verb: Token) -> Token | None:
    """``in what Ms. Ortiz called "a gift"``: ``what`` the verb's object before it (a free relative)."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and c.lower_ == "what"), None)
