"""``Ms. Ortiz called the budget "a gift to the banks"``: a speaker naming what something is;
the object and what it is called are the quote. A passive or participle naming (``a group called
the Patriots``) has no speaker and is not one. In a relative clause whose object is the relative
pronoun (``the levy, which Ms. Ortiz called "a gift to the banks"``) what it is called is the quote
(``relative_piece`` adds the pronoun beside it); in a free relative (``in what Ms. Ortiz called "a
gift"``) so is it, and ``what`` is a piece of it; in a relative clause whose pronoun is the subject
(``Ms. Ortiz, who called the budget "a gift"``) the object and its name are, as in a main clause. Where
the parser reads no object, the object folded into the name's phrase or the first of two names is the
thing named (``called the walkout irresponsible``); an active participle the parser hangs on a noun
(``spoke Friday, calling the budget "a gift"``) names for the subject of that noun's verb."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.nlp.cue_words import NAMING_VERBS
from annotator.nlp.doc_words import negated
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in NAMING_VERBS or negated(verb) or _passive_modifier(verb):
        return []
    doc = scan.doc
    called = next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i), None)
    what = _free_relative(verb)
    if verb.dep_ == "relcl" and not _relative_subject(verb) or what is not None:
        return _relative(scan, verb, called, what)
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is not None and called is None:
        called = _misread_name(scan, verb, thing)
    if thing is None and called is not None:
        thing, called = _folded_object(verb, called)
    if thing is None or called is None or called.i < thing.i:
        return []
    subject = subject_of(verb, scan.lexicon) or _participle_owner(verb, scan)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return []
    _, para_end = scan.paragraph(verb.idx)
    end = min(called.right_edge.i + 1, scan.token_at_or_after(para_end))
    span = with_closing_mark(scan, trimmed(doc, min(thing.left_edge.i, called.left_edge.i), end))
    if span is None or word_count(span) < 2:
        return []
    return [FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])]


def _passive_modifier(verb: Token) -> bool:
    """``a group called the Patriots``, ``the so-called reform``: a participle or adjective on a noun
    that names it, with no speaker. A present participle is active (``the aide replied, calling the
    claim "absurd"``, which the parser may hang on the noun before it as ``acl``): its naming is kept."""
    return verb.dep_ == "amod" or verb.dep_ == "acl" and verb.tag_ != "VBG"


def _participle_owner(verb: Token, scan: QuoteScan) -> Token | None:
    """``spoke on Friday, calling the levy "a trap"`` with the participle hung on ``Friday``: the
    subject of the verb that noun hangs on does the naming."""
    if verb.dep_ != "acl":
        return None
    node = verb.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return subject_of(node, scan.lexicon) if node.pos_ in ("VERB", "AUX") else None


def _relative_subject(verb: Token) -> bool:
    """``Ruiz, who has called the levy "a trap"``: the relative pronoun is the naming verb's subject,
    the thing named its object after it, as in a main clause (``subject_of`` reads the pronoun's
    antecedent)."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children)


#: How the parser may hang the name after the object (``calling it "a disgrace"`` read as two objects).
_SECOND_OBJECT_DEPS = frozenset({"dobj", "npadvmod"})
#: How the parser may hang a quoted name on the object before it: an apposition (``called the proposal
#: "a disaster"``) or an adjective read as the object's own (``calling the claim "absurd"``).
_NAME_AFTER_OBJECT_DEPS = frozenset({"appos", "amod"})


def _misread_name(scan: QuoteScan, verb: Token, thing: Token) -> Token | None:
    """The name in quotation marks that the parser did not read as one: a second object after the
    first (``calling it "a disgrace"``), or an apposition or an adjective after the object (``called the
    proposal "a disaster for the harbor"``, ``calling the claim "absurd"``). Only a name that opens with
    a mark: unquoted, a second object is as often a time (``called the clinic Friday morning``), an
    apposition another name for the same thing and an adjective the thing's own."""
    doc = scan.doc
    names = [c for c in verb.children if c.dep_ in _SECOND_OBJECT_DEPS and c.i > thing.right_edge.i] \
        + [c for c in thing.children if c.dep_ in _NAME_AFTER_OBJECT_DEPS and c.i > thing.i]
    return next((c for c in names if _opens_with_mark(doc, c)), None)


def _opens_with_mark(doc: Doc, name: Token) -> bool:
    """The name's words open with a quotation mark: the parser hangs it on the name or leaves it before."""
    first = name.left_edge.i
    return doc[first].text in QUOTE_MARK_TOKENS or first > 0 and doc[first - 1].text in QUOTE_MARK_TOKENS


#: The words of a thing named that the parser may fold into the name after it.
_FOLDED_DEPS = frozenset({"compound", "nmod", "poss", "nsubj", "npadvmod"})


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
