"""Which tokens a parse-shape rule can find anything at, read once per document from the Doc's
arrays (``ParseFacts``), so the frames and the broad shapes call a rule only where the shape it
needs is there: an infinitive under the verb, an object after it, no ``neg`` below it.

Every gate is a *necessary* condition read off its rule's own code (the rule returns nothing where
the gate is false); the rule still decides everything. Each is written beside the rule it stands
for (``candidates.FRAMES``, ``suggest.broad.GATES``), and ``tests/nlp/frames/test_gates.py`` checks
that the gated candidates equal the ungated ones. A rule without a gate is tried everywhere."""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from functools import cached_property
from typing import Callable, Iterable
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from annotator.nlp.doc_words import column
from annotator.nlp.marks import doc_text

#: A gate: the tokens of a document (a boolean per token) where a rule may find something.
Gate = Callable[["ParseFacts"], numpy.ndarray]

_COLUMNS = [HEAD, DEP, POS, TAG, LOWER, ORTH, IDX, LEMMA]


def _lemma_of(column: numpy.ndarray, lowers: dict[int, str], words: Iterable[str]) -> numpy.ndarray:
    """Where ``column`` (of lemmas) holds a lemma that, lower-cased, is one of ``words`` (``lowers``:
    each lemma of the Doc → its string lower-cased, ``ParseFacts.lemma_lowers``)."""
    words = words if isinstance(words, frozenset) else frozenset(words)
    found = numpy.zeros(len(column), dtype=bool)
    for lemma in [lemma for lemma, lower in lowers.items() if lower in words]:
        found |= column == lemma
    return found


def _any_of(column: numpy.ndarray, strings: StringStore, words: Iterable[str]) -> numpy.ndarray:
    """Where ``column`` holds one of ``words``, as the Doc's arrays hold them (a symbol's id for the
    labels spaCy knows, ``nsubj`` or ``VERB``; else the string's hash; ``strings``: the Doc's). A few
    comparisons: cheaper than ``numpy.isin`` for a handful of labels."""
    found = numpy.zeros(len(column), dtype=bool)
    for word in words:
        found |= column == strings[word]
    return found


@dataclass
class ParseFacts:
    """A document's parse as arrays: each token's own label, tag and part of speech, whether it is
    between quotation marks, and which dependency labels its children carry on either side."""

    #: The Doc, read when the facts are made and not kept: ``parse_facts`` keeps the facts with the
    #: Doc as a weak key, and a value that held its key would keep every Doc alive.
    doc: InitVar[Doc]
    #: The quoted segments' character ranges, in order and apart (``QuoteScan.inside``).
    inside: list[tuple[int, int]]
    _children: dict[tuple[frozenset[str], str], numpy.ndarray] = field(default_factory=dict, init=False, repr=False)
    _words: dict[tuple[str, frozenset[str]], numpy.ndarray] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self, doc: Doc) -> None:
        #: The Doc's strings (symbols and hashes, as its arrays hold them).
        self.strings = doc.vocab.strings
        # (each column read once per Doc and shared with the other rules: ``doc_words.column``; read-only)
        array = [column(doc, attr) for attr in _COLUMNS] if len(doc) \
            else [numpy.zeros(0, dtype=numpy.uint64)] * len(_COLUMNS)
        index = numpy.arange(len(doc))
        #: Each token's head (itself for a root and in a Doc without a parse).
        self.heads = index + array[0].astype(numpy.int64)
        self.dep, self.pos, self.tag = array[1], array[2], array[3]
        self.lower, self.orth, self.lemma = array[4], array[5], array[7]
        self._after_head = index > self.heads
        self._before_head = index < self.heads
        starts = numpy.array([s for s, _ in self.inside], dtype=numpy.int64)
        ends = numpy.array([e for _, e in self.inside], dtype=numpy.int64)
        idx = array[6].astype(numpy.int64)
        found = numpy.searchsorted(starts, idx, side="right") - 1  # as ``scan.within``
        #: The token starts between quotation marks.
        self.quoted = (found >= 0) & (idx < ends[numpy.maximum(found, 0)]) if len(starts) else numpy.zeros(len(idx), bool)

    @cached_property
    def lemma_lowers(self) -> dict[int, str]:
        """Each lemma of the Doc (its id, in order) → its string lower-cased (as ``token.lemma_.lower()``
        reads it): lower-cased once per Doc, for every ``lemma_reads``. Read-only. (One map of strings:
        kept with the Doc, a list per lemma was some 280 more objects for the garbage collector to walk.)"""
        strings = self.strings
        return {lemma: strings[lemma].lower() for lemma in numpy.unique(self.lemma).tolist() if lemma in strings}

    @cached_property
    def head_list(self) -> list[int]:
        """``heads`` as a list (index by index, a list reads faster than an array). Read-only."""
        return self.heads.tolist()

    def child(self, deps: Iterable[str], where: str = "any") -> numpy.ndarray:
        """The tokens with a child labelled one of ``deps``: ``where`` it stands, ``"after"`` or
        ``"before"`` the token, or ``"any"``."""
        deps = frozenset(deps)
        key = (deps, where)
        found = self._children.get(key)
        if found is None:
            found = self._children[key] = self.parent_of(self.label(deps), where)
        return found

    def parent_of(self, children: numpy.ndarray, where: str = "any") -> numpy.ndarray:
        """The tokens with a child among ``children`` (a boolean per token), standing ``where``
        ``child`` says: ``parent_of(label({"dobj"}) & part_of_speech("NOUN"), "after")``."""
        chosen = children.copy()
        if where == "after":
            chosen &= self._after_head
        elif where == "before":
            chosen &= self._before_head
        else:
            chosen &= self._after_head | self._before_head  # a root is not its own child
        found = numpy.zeros(len(self.dep), dtype=bool)
        found[self.heads[chosen]] = True
        return found

    def reads(self, words: Iterable[str]) -> numpy.ndarray:
        """The tokens reading one of ``words`` (lower-cased)."""
        return self._kept("reads", words, lambda: _any_of(self.lower, self.strings, words))

    def lemma_reads(self, words: Iterable[str]) -> numpy.ndarray:
        """The tokens whose lemma, lower-cased, is one of ``words`` (as ``token.lemma_.lower()`` reads it:
        each lemma of the Doc lower-cased once)."""
        return self._kept("lemma_reads", words, lambda: _lemma_of(self.lemma, self.lemma_lowers, words))

    def tagged(self, tags: Iterable[str]) -> numpy.ndarray:
        """The tokens whose fine-grained tag is one of ``tags``."""
        return self._kept("tagged", tags, lambda: _any_of(self.tag, self.strings, tags))

    def _kept(self, kind: str, words: Iterable[str], read: Callable[[], numpy.ndarray]) -> numpy.ndarray:
        """What ``read`` gives for ``words``, read once per Doc (the gates ask the same labels, tags
        and words again and again); read-only, so no caller can change what the next one reads."""
        key = (kind, words if isinstance(words, frozenset) else frozenset(words))
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = read()
            found.flags.writeable = False
        return found

    def above(self, deps: Iterable[str], lower: str) -> numpy.ndarray:
        """The tokens with a descendant after them labelled one of ``deps`` and reading ``lower``
        (lower-cased): ``that`` as a clause's mark, however deep below."""
        found = numpy.zeros(len(self.dep), dtype=bool)
        heads = self.heads
        for j in numpy.flatnonzero(_any_of(self.dep, self.strings, deps) & (self.lower == self.strings[lower])).tolist():
            node = int(heads[j])
            for _ in range(len(heads)):  # (a parse is a tree: bounded all the same)
                if node < j:
                    found[node] = True
                if heads[node] == node:
                    break
                node = int(heads[node])
        return found

    @property
    def negated(self) -> numpy.ndarray:
        """The tokens with a ``neg`` child (``found.negated``)."""
        return self.child(("neg",))

    def label(self, deps: Iterable[str]) -> numpy.ndarray:
        """The tokens whose own dependency label is one of ``deps``."""
        return self._kept("label", deps, lambda: _any_of(self.dep, self.strings, deps))

    def part_of_speech(self, pos: str, *more: str) -> numpy.ndarray:
        """The tokens whose coarse tag is ``pos`` (or one of ``more``)."""
        return self._kept("pos", (pos, *more), lambda: _any_of(self.pos, self.strings, (pos, *more)))

    @property
    def to_infinitive(self) -> numpy.ndarray:
        """The tokens with a ``to`` among their ``aux`` children (``vowed to veto``: ``veto``)."""
        return self.parent_of(self.label({"aux"}) & self.reads({"to"}))

    def next_is(self, text: str) -> numpy.ndarray:
        """The tokens followed by a token reading ``text``."""
        found = numpy.zeros(len(self.orth), dtype=bool)
        found[:-1] = self.orth[1:] == self.strings[text]
        return found

    def head_is(self, lower: str) -> numpy.ndarray:
        """The tokens whose head reads ``lower`` (lower-cased)."""
        return self.lower[self.heads] == self.strings[lower]


#: Doc → its ``ParseFacts``, forgotten with the Doc.
_DOC_FACTS: WeakKeyDictionary[Doc, ParseFacts] = WeakKeyDictionary()


def parse_facts(doc: Doc) -> ParseFacts:
    """The Doc's ``ParseFacts`` (its quoted segments: ``marks.doc_text``'s), read on the first call
    for that Doc and shared by the frames and the parse shapes: a Doc's parse and text are set
    before our components run and never change after."""
    found = _DOC_FACTS.get(doc)
    if found is None:
        found = _DOC_FACTS[doc] = ParseFacts(doc, [(s.start, s.end) for s in doc_text(doc).segments])
    return found
