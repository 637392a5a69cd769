"""Sentence starts the parser should not have to guess: every paragraph, and the words after a
wire dateline (``LONDON (Reuters) -``), so a headline or dateline is never parsed into the lede.

Runs before the parser, which keeps sentence starts set before it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

_DASHES = frozenset({"-", "—", "–", "--"})
#: A dateline is short: ``RIO DE JANEIRO, June 3 (Reuters) —``.
_DATELINE_MAX_TOKENS = 12


@Language.factory("annotator_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()


class ParagraphSplitter:
    def __call__(self, doc: Doc) -> Doc:
        starts: list[int] = []
        for start in paragraph_first_tokens(doc):
            if start > 0:
                starts.append(start)
            end = dateline_end(doc, start)
            if end is not None and end < len(doc):
                starts.append(end)
        if not starts:
            return doc
        if doc.has_annotation("DEP"):
            doc[starts[0]].is_sent_start = True  # refused after a parser, as spaCy says (E043)
        # Written as one array: each ``token.is_sent_start = True`` checks the whole Doc for a parse.
        array = doc.to_array(SENT_START)
        array[starts] = 1
        doc.from_array(SENT_START, array)
        return doc


def paragraph_first_tokens(doc: Doc, limit: int | None = None) -> list[int]:
    """The first non-space token of every paragraph (a line of text); the first ``limit`` only, if
    given, so a caller after the opening paragraphs does not scan the whole document."""
    if not len(doc):
        return []
    # Read from the Doc's array: a Token is built only for the white-space tokens. A word's own
    # trailing white space is one space at most (``whitespace_``), never a line break. A word is
    # first when it is the first word, or a space token holding a line break comes after the word
    # before it: counted by the breaks up to each word.
    spaces = doc.to_array(IS_SPACE).astype(bool)
    breaks = numpy.zeros(len(doc), dtype=numpy.int64)
    breaks[[i for i in numpy.flatnonzero(spaces).tolist() if "\n" in doc[i].text]] = 1
    words = numpy.flatnonzero(~spaces)
    seen = numpy.cumsum(breaks)[words]
    first = numpy.ones(len(words), dtype=bool)
    first[1:] = seen[1:] > seen[:-1]
    firsts = words[first].tolist()
    return firsts if limit is None else firsts[:limit]


def dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the first token after a dateline starting at ``start`` (None when there is none).

    A dateline is one or more words in capitals (a place), then optionally a date and an agency in
    brackets, then a dash: ``WASHINGTON (AP) —``, ``TOKYO, June 3 (Reuters) -``.
    """
    i = start
    while i < len(doc) and _is_caps_word(doc[i]):
        i += 1
    if i == start:
        return None
    limit = min(len(doc), start + _DATELINE_MAX_TOKENS)
    in_brackets = False
    while i < limit and doc[i].text not in _DASHES:
        token = doc[i]
        if "\n" in token.text or "\n" in token.whitespace_:
            return None
        if token.text in "()":
            in_brackets = token.text == "("
        elif not in_brackets and not (token.text == "," or token.like_num or token.text[:1].isupper()):
            return None  # a lower-case word: a sentence, not a place and a date
        i += 1
    if i >= limit or doc[i].text not in _DASHES:
        return None
    return i + 1


def dateline_place(doc: Doc, start: int) -> tuple[int, int] | None:
    """The token range of the place at the head of a dateline, if the paragraph has one."""
    if dateline_end(doc, start) is None:
        return None
    end = start
    while end < len(doc) and _is_caps_word(doc[end]):
        end += 1
    return start, end


def dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of dateline places at the head of the first three paragraphs."""
    places = (dateline_place(doc, i) for i in paragraph_first_tokens(doc, limit=3))
    return [p for p in places if p is not None]


def _is_caps_word(token: Token) -> bool:
    text = token.text
    return len(text) >= 2 and text.isalpha() and text.isupper()


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token, as ``[s.start for s in doc.sents]`` gives them (and
    the same error without sentence boundaries), read off the Doc's array: ``doc.sents`` builds a
    Span for every sentence."""
    if not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks:
        return [s.start for s in doc.sents]
    if not len(doc):
        return []
    flags = doc.to_array(SENT_START)
    flags[0] = 1  # the first sentence starts at 0 whatever the token says
    return numpy.flatnonzero(flags == 1).tolist()
