"""Names inside entity mentions: without titles, possessives and hyphen gaps."""

from __future__ import annotations


from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import ids_of
from annotator.nlp.lexicon import POSSESSIVE
from annotator.nlp.name_words import TITLES

PERSON = "PERSON"


def name_tokens(span: Span) -> Span:
    """The name inside a mention: without titles before it and a possessive after it."""
    return Span(span.doc, *name_bounds(span))


def name_bounds(span: Span) -> tuple[int, int]:
    """``name_tokens``' token range (building the Span reads three Tokens: a caller that needs only
    its bounds or last word can skip that)."""
    doc = span.doc
    known = _NAMES.answers(doc)
    key = (span.start, span.end)
    bounds = known.get(key)
    if bounds is None:
        bounds = known[key] = _name_bounds(doc, *key)
    return bounds


#: Doc → (a mention's token range → its name's): read off the words alone, which never change in a
#: Doc's life, and asked of the same mentions many times by the entity and coreference steps.
_NAMES: DocCache = DocCache()


def _name_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    # (the words read off the Doc's arrays: each doc[i] builds a Token)
    strings, orths, lowers = doc.vocab.strings, ids_of(doc, ORTH), ids_of(doc, LOWER)
    while end > start + 1 and strings[orths[end - 1]] in POSSESSIVE:
        end -= 1
    while start < end - 1:
        word = strings[lowers[start]]
        if not (word.rstrip(".") in TITLES or word == "the" or not strings[orths[start]][:1].isupper()):
            break
        start += 1
    return start, end


def surname_key(span: Span) -> str:
    return span.doc[name_bounds(span)[1] - 1].lower_


def name_hyphen(token: Token) -> bool:
    """The hyphen inside ``Jean-Pierre``."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def without_title(ent: Span) -> Span:
    """``Mrs Joan Pritchard`` → ``Joan Pritchard``: a person's name without the honorific."""
    if ent.label_ != PERSON or ent[0].lower_.rstrip(".") not in TITLES:
        return ent
    name = name_tokens(ent)
    return Span(ent.doc, name.start, name.end, label=PERSON) if len(name) else ent
