"""What the quote rules' span cuts read of every token, as plain lists read once per Doc from its
arrays (``doc_words``): ``trimmed``, the dash, comma and relative-pronoun cuts ask it of the same
tokens again and again, and each ``doc[i]`` builds a Token. Each list answers exactly as the
Token-by-Token test it stands for (``tests/nlp/test_doc_words.py`` compares them)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, ORTH, SPACY, TAG
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.lexicon import CLAUSE_SUBJECT_DEPS, FINITE_TAGS, QUOTE_MARK_TOKENS
from annotator.nlp.word_lists import word_set

#: The words ``found.trimmed`` drops at the end of a span (besides spaces).
END_PUNCTUATION = (",", ".", ";", ":", "—", "–")
#: ``words/doc_words.txt``: the conjunctions a cut can leave at a clause's end, the relative pronouns.
DANGLING_CONJUNCTIONS = word_set("DANGLING_CONJUNCTIONS")
#: Dashes as ``clause_end`` reads them: any of ``DASHES`` between spaced words, the long ones always.
DASHES = frozenset({"—", "–", "-", "--", "―"})
LONG_DASHES = frozenset({"—", "--", "―"})
WHO_WORDS = word_set("WHO_WORDS")


def any_equal(column: numpy.ndarray, values: list[int]) -> numpy.ndarray:
    """Which entries of ``column`` equal one of a few ``values`` (cheaper than ``numpy.isin``)."""
    found = numpy.zeros(len(column), dtype=bool)
    for value in values:
        found |= column == value
    return found


def _ids(words) -> list[int]:
    return sorted(hash_string(w) for w in words)


_QUOTE_MARK_IDS = _ids(QUOTE_MARK_TOKENS)
_END_IDS = _ids(END_PUNCTUATION)
_DANGLING_IDS = _ids(DANGLING_CONJUNCTIONS)
_DASH_IDS = _ids(DASHES)
_LONG_DASH_IDS = _ids(LONG_DASHES)
_WHO_IDS = _ids(WHO_WORDS)
_COMMA_ID = hash_string(",")


#: Doc → attribute → its column (``doc.to_array(attr)``), forgotten with the Doc.
_COLUMNS: DocCache = DocCache()


def column(doc: Doc, attr: int) -> numpy.ndarray:
    """``doc.to_array(attr)`` (one attribute: a flat array), read once per Doc and attribute and
    shared by every rule that reads it (``to_array`` costs some 20 ns a token and attribute, and our
    components read the same columns about 30 times a Doc). Only for what never changes once the
    parse is done: the words, their flags and offsets, ``HEAD``, ``DEP``, ``POS``, ``TAG``, ``LEMMA``
    (not ``ENT_TYPE`` or ``SENT_START``). Read-only: a caller that changes it copies it first."""
    known = _COLUMNS.answers(doc)
    found = known.get(attr)
    if found is None:
        found = known[attr] = doc.to_array(attr)
        found.flags.writeable = False
    return found


@dataclass(frozen=True)
class DocWords:
    """One Doc's tokens as ``trimmed`` and the clause cuts read them (no Doc kept: the facts are
    kept with the Doc as a weak key, and a value that held its key would keep every Doc alive)."""

    #: Token i may be dropped at a span's start: a space, or punctuation other than a quote mark.
    skip_at_start: list[bool]
    #: Token i may be dropped at a span's end: a space, or one of ``END_PUNCTUATION``.
    skip_at_end: list[bool]
    #: Token i is a dangling conjunction (``DANGLING_CONJUNCTIONS``, any case).
    dangling: list[bool]
    #: The tokens that are a dash as punctuation (``clause_end._is_dash``), in order.
    dashes: list[int]
    #: The tokens ``,``, in order.
    commas: list[int]
    #: The tokens ``who``, ``whom``, ``whose`` (any case), in order.
    who: list[int]
    #: Token i is alphabetic (``token.is_alpha``).
    alpha: list[bool]
    #: Token i's character offset (``token.idx``).
    starts: list[int]
    #: Token i is a quote mark (its text one of ``QUOTE_MARK_TOKENS``).
    quote_mark: list[bool]
    #: Token i is punctuation or a space (``token.is_punct or token.is_space``).
    punct_or_space: list[bool]
    #: Token i is a word or a number (``token.is_alpha or token.like_num``: what ``word_count`` counts).
    counted: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        orth, lower = column(doc, ORTH), column(doc, LOWER)  # (one column a call: contiguous)
        space, punct, spaced_after = (column(doc, attr) != 0 for attr in (IS_SPACE, IS_PUNCT, SPACY))
        # ``_is_dash``: spaced after the dash or after the token before it (``doc[i - 1]``: for the
        # first token, the Doc's last), or a long dash.
        spaced = spaced_after | numpy.roll(spaced_after, 1)
        dashes = any_equal(orth, _DASH_IDS) & (spaced | any_equal(orth, _LONG_DASH_IDS))
        marks, alpha = any_equal(orth, _QUOTE_MARK_IDS), column(doc, IS_ALPHA) != 0
        return cls(skip_at_start=(space | punct & ~marks).tolist(),
                   skip_at_end=(space | any_equal(orth, _END_IDS)).tolist(),
                   dangling=any_equal(lower, _DANGLING_IDS).tolist(),
                   dashes=numpy.flatnonzero(dashes).tolist(), commas=numpy.flatnonzero(orth == _COMMA_ID).tolist(),
                   who=numpy.flatnonzero(any_equal(lower, _WHO_IDS)).tolist(),
                   alpha=alpha.tolist(), starts=column(doc, IDX).tolist(),
                   quote_mark=marks.tolist(), punct_or_space=(punct | space).tolist(),
                   counted=((alpha | (column(doc, LIKE_NUM) != 0))).tolist())


def between(positions: list[int], start: int, end: int) -> list[int]:
    """The ``positions`` (in order) from ``start`` to before ``end``."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


#: Doc → its ``DocWords``, forgotten with the Doc.
_DOC_WORDS: WeakKeyDictionary[Doc, DocWords] = DocCache()


def doc_words(doc: Doc) -> DocWords:
    """The Doc's ``DocWords``, read on the first call for that Doc (a Doc's words never change)."""
    found = _DOC_WORDS.get(doc)
    if found is None:
        found = _DOC_WORDS[doc] = DocWords.of(doc)
    return found


#: Doc → the tokens with a ``neg`` child, forgotten with the Doc.
_NEGATED: WeakKeyDictionary[Doc, frozenset[int]] = DocCache()


def negated_tokens(doc: Doc) -> frozenset[int]:
    """The tokens with a child labelled ``neg`` (``any(c.dep_ == "neg" for c in token.children)``),
    read once per Doc from its arrays (a Doc's parse never changes after our components start)."""
    found = _NEGATED.get(doc)
    if found is None:
        if len(doc):
            heads = numpy.arange(len(doc)) + column(doc, HEAD).astype(numpy.int64)
            neg = numpy.flatnonzero(column(doc, DEP) == doc.vocab.strings["neg"])
            found = frozenset(int(heads[i]) for i in neg.tolist() if heads[i] != i)
        else:
            found = frozenset()
        _NEGATED[doc] = found
    return found


def negated(token: Token) -> bool:
    """The token has a ``neg`` child (``did not say``)."""
    return token.i in negated_tokens(token.doc)


def has_clause_subject(verb: Token) -> bool:
    """The verb's clause has a subject of its own (or an expletive standing in for one)."""
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children)


def finite(clause: Token) -> bool:
    """A clause with a tense of its own (``that she won``, ``that it be``, ``had stalled``, ``could
    stall``), not ``her winning``: the one check for the quote, speaker and suggestion rules."""
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in clause.children)


def passive(verb: Token) -> bool:
    """The verb has a passive auxiliary or subject (``was told``, ``the plan is considered …``); many
    rules ask it of the same verb: read off ``children_labelled`` (once per Doc), no child built."""
    doc, i = verb.doc, verb.i
    return i in children_labelled(doc, "auxpass") or i in children_labelled(doc, "nsubjpass")


def has_modal(verb: Token) -> bool:
    """The verb has a modal auxiliary (``would reopen``, ``may be inspected``): read off
    ``children_labelled`` (once per Doc), no child built."""
    doc = verb.doc
    tags, modal = ids_of(doc, TAG), doc.vocab.strings["MD"]
    return any(tags[c] == modal for c in children_labelled(doc, "aux").get(verb.i, ()))


def to_aux(verb: Token) -> Token | None:
    """The ``to`` that makes the verb an infinitive (its ``aux`` child ``to``: ``to raise``), None if none."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def to_infinitive(verb: Token) -> bool:
    """The verb has the auxiliary ``to`` (``plans to raise``, ``the chance to speak``)."""
    return to_aux(verb) is not None


def meant_act(verb: Token) -> bool:
    """A bare ``to``-infinitive (``refused to attack``, ``plans to make the case``): an act meant or
    refused, not one done, so its object is not reported by the verb above it."""
    return verb.tag_ == "VB" and to_infinitive(verb)


#: Doc → dependency label → head → its children with that label, forgotten with the Doc.
_CHILDREN: WeakKeyDictionary[Doc, dict[str, dict[int, list[int]]]] = DocCache()


def children_labelled(doc: Doc, label: str) -> dict[int, list[int]]:
    """Each token's children labelled ``label``, in order (``[c.i for c in token.children if
    c.dep_ == label]``), read once per Doc and label from its arrays. Read-only."""
    known = _CHILDREN.get(doc)
    if known is None:
        known = _CHILDREN[doc] = {}
    found = known.get(label)
    if found is None:
        found = known[label] = {}
        if len(doc):
            heads = numpy.arange(len(doc)) + column(doc, HEAD).astype(numpy.int64)
            for i in numpy.flatnonzero(column(doc, DEP) == doc.vocab.strings[label]).tolist():
                head = int(heads[i])
                if head != i:
                    found.setdefault(head, []).append(i)
    return found


#: Doc → attribute → each token's id for it, forgotten with the Doc.
_IDS: DocCache = DocCache()


def ids_of(doc: Doc, attr: int) -> list[int]:
    """Each token's id for ``attr`` (``doc.to_array(attr).tolist()``: a hash for ``LOWER`` and
    ``ORTH``, a symbol for ``POS``), read once per Doc and attribute, so only for what never changes
    once the parse is done (not ``ENT_TYPE``). Read-only."""
    known = _IDS.answers(doc)
    found = known.get(attr)
    if found is None:
        found = known[attr] = column(doc, attr).tolist() if len(doc) else []
    return found


def word_before(doc: Doc, i: int) -> int:
    """The index of the last token before ``i`` that is not white space (-1 if none): news text
    doubles a space now and then, and the extra space is a token of its own between words."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def word_before_marks(doc: Doc, i: int) -> int:
    """``word_before``, passing over quotation marks too: the last word before a quote's opening
    mark (``… told reporters.`` / ``"…"``), -1 if none."""
    i -= 1
    while i >= 0 and (doc[i].text in QUOTE_MARK_TOKENS or doc[i].is_space):
        i -= 1
    return i


def after_comma(token: Token) -> bool:
    """A comma stands right before the phrase ``token`` heads (white space passed over)."""
    i = word_before(token.doc, token.left_edge.i)
    return i >= 0 and token.doc[i].text == ","


def word_after(doc: Doc, i: int) -> int:
    """The index of the first token after ``i`` that is not white space (``len(doc)`` if none)."""
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i
