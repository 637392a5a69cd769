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
    own = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if finditer is None:
        tokenizer.infix_finditer = re.compile(GLUED_MARKS).finditer
    elif isinstance(own, str) and GLUED_MARKS not in own:
        tokenizer.infix_finditer = re.compile(f"{own}|{GLUED_MARKS}").finditer
    return nlp
