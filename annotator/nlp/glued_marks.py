"""A tokenizer rule for double quotation marks typed against the next word (``over,”Name said``,
``left.”The``): spaCy's English rules keep such a run as one token, and the quote and speaker
rules then lose the word on each side of the mark."""

from __future__ import annotations

import re

from spacy.lang.char_classes import ALPHA
from spacy.language import Language
from spacy.tokenizer import Tokenizer

#: Double marks only: a single mark next to a letter is as often an apostrophe (``Jr.'s``, ``’90s``).
_MARKS = "\"“”„«»"
#: Sentence punctuation typed between a word and a glued mark (a full stop is split there already).
_PUNCT = ",!?:;"
#: Each alternative is one token split off inside a run of non-space characters (spaCy's infixes;
#: a run's first and last characters are left to its prefix and suffix rules). A mark between two
#: letters (``about"word``) or beside a digit (``6'2"``) or ``=`` (markup) is left whole, and so is one
#: beside a dash (``motto—“Build it”—was``): measured, it changed parses and found roundup blurbs'
#: quoted headlines, no better (docs/prelabel.md, session 39).
GLUED_MARK_INFIXES = (
    # the mark, after punctuation, another mark or a bracket, before a word or another mark
    rf"(?<=[{_PUNCT}.{_MARKS})\]])[{_MARKS}](?=[{ALPHA}{_MARKS}])",
    # the mark between a word and another mark (``word”“Next``)
    rf"(?<=[{ALPHA}])[{_MARKS}](?=[{_MARKS}])",
    # the punctuation between a word and a glued mark (``over,”Name``)
    rf"(?<=[{ALPHA})\]])[{_PUNCT}](?=[{_MARKS}][{ALPHA}{_MARKS}])",
)
GLUED_MARKS = "|".join(GLUED_MARK_INFIXES)


def split_glued_marks(nlp: Language) -> Language:
    """Add ``GLUED_MARK_INFIXES`` to the pipeline's tokenizer (once: a saved pipeline may have
    them), after its own infixes; a tokenizer without a regular-expression ``infix_finditer`` is
    left as it is."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return nlp
    finditer = tokenizer.infix_finditer
    own = rule_pattern(tokenizer, "infix_finditer")
    if finditer is None:
        tokenizer.infix_finditer = re.compile(GLUED_MARKS).finditer
    elif isinstance(own, str) and GLUED_MARKS not in own:
        tokenizer.infix_finditer = re.compile(f"{own}|{GLUED_MARKS}").finditer
    return nlp


def rule_pattern(tokenizer: object, name: str) -> object:
    """The regular expression's pattern behind a tokenizer rule (``infix_finditer``, ``prefix_search``,
    ``suffix_search``: a compiled expression's bound method), or None when the rule is none or not one."""
    return getattr(getattr(getattr(tokenizer, name, None), "__self__", None), "pattern", None)


def blank_english() -> Language:
    """spaCy's blank English pipeline with ``split_glued_marks``: the tokens the shipped pipeline
    gives a text, for the importers and for documents shown while no model could be loaded."""
    import spacy

    return split_glued_marks(spacy.blank("en"))


def stock_tokens(nlp: Language, text: str) -> list[tuple[int, int]] | None:
    """The (start, end) of the tokens ``nlp``'s tokenizer made of ``text`` before
    ``split_glued_marks`` (drafts written before it were made on them; ``core.drafts``), or None
    when they are the tokens it makes now: no place in the text the rule could split, or a
    tokenizer without the rule."""
    if re.search(GLUED_MARKS, text) is None:  # (a match in a token's run is a match in the text)
        return None
    stock = _without_glued_marks(nlp)
    if stock is None:
        return None
    return [(token.idx, token.idx + len(token.text)) for token in stock(text)]


def _without_glued_marks(nlp: Language) -> Tokenizer | None:
    """A copy of the pipeline's tokenizer with the infixes it had before ``split_glued_marks``."""
    tokenizer = nlp.tokenizer
    pattern = rule_pattern(tokenizer, "infix_finditer")
    if not isinstance(tokenizer, Tokenizer) or not isinstance(pattern, str) or not pattern.endswith(GLUED_MARKS):
        return None
    stock = Tokenizer(nlp.vocab).from_bytes(tokenizer.to_bytes())
    own = pattern[:-len(GLUED_MARKS)].removesuffix("|")
    stock.infix_finditer = re.compile(own).finditer if own else None
    return stock
