"""``doc_words``: the lists the span cuts read answer as the Token-by-Token tests they stand for, and
``marks.joined_text`` is ``doc.text``; on Docs of our own words, parsed by hand."""

from __future__ import annotations

import gc
import weakref

import spacy
from spacy.tokens import Doc

import numpy
import pytest
from spacy.attrs import IDX, LOWER, ORTH

from annotator.nlp.doc_words import (
    DANGLING_CONJUNCTIONS, END_PUNCTUATION, WHO_WORDS, children_labelled, column, doc_words, ids_of,
    has_modal, meant_act, negated_tokens, passive, to_aux, to_infinitive,
)
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.marks import joined_text
from annotator.nlp.quotes.clause_end import _is_dash
from annotator.nlp.quotes.found import trimmed

WORDS = ["—", "Ms.", "Okafor", ",", "who", "chairs", "the", "board", "—", "said", "“", "plans", "”", "and",
         "pre", "-", "tax", "rates", "--", "Whose", "?", "\n", "But", "WHOM", ":", "And", "2014", "–", "2016", "."]
SPACES = [True, True, False, True, True, True, True, True, True, True, False, False, True, True,
          False, False, True, True, True, True, False, False, True, False, True, True, False, False, False, False]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, spaces=SPACES)


def test_the_lists_answer_as_the_tokens_do():
    doc = _doc()
    words = doc_words(doc)
    assert words.skip_at_start == [t.is_space or t.is_punct and t.text not in QUOTE_MARK_TOKENS for t in doc]
    assert words.skip_at_end == [t.is_space or t.text in END_PUNCTUATION for t in doc]
    assert words.dangling == [t.lower_ in DANGLING_CONJUNCTIONS for t in doc]
    assert words.dashes == [i for i in range(len(doc)) if _is_dash(doc, i)]
    assert 0 in words.dashes and 15 not in words.dashes and 27 not in words.dashes  # not ``pre-tax``, ``2014–2016``
    assert words.commas == [3]
    assert words.who == [t.i for t in doc if t.lower_ in WHO_WORDS] == [4, 19, 23]
    assert words.alpha == [t.is_alpha for t in doc] and True in words.alpha and False in words.alpha
    assert words.starts == [t.idx for t in doc]
    assert words.quote_mark == [t.text in QUOTE_MARK_TOKENS for t in doc] and True in words.quote_mark
    assert words.punct_or_space == [t.is_punct or t.is_space for t in doc]
    assert words.counted == [t.is_alpha or t.like_num for t in doc]


def test_trimmed_drops_the_edges():
    doc = _doc()
    assert trimmed(doc, 0, 4).text == "Ms. Okafor"
    assert trimmed(doc, 10, 14).text == "“plans”"  # a quote mark at the start stays; a dangling ``and`` goes
    assert trimmed(doc, 20, 26).text == "But WHOM"
    assert trimmed(doc, 3, 4) is None


def test_the_text_is_the_docs():
    doc = _doc()
    assert joined_text(doc) == doc.text
    assert joined_text(Doc(doc.vocab, words=[])) == ""


def test_a_column_is_the_docs_array_read_once():
    doc = _doc()
    lower = column(doc, LOWER)
    assert numpy.array_equal(lower, doc.to_array(LOWER)) and column(doc, LOWER) is lower
    with pytest.raises(ValueError):
        lower[0] = 0  # read-only: every rule reads the same array
    assert ids_of(doc, ORTH) == doc.to_array(ORTH).tolist() and ids_of(doc, IDX) == [t.idx for t in doc]


def test_the_lists_do_not_keep_the_doc():
    doc = _doc()
    doc_words(doc), column(doc, LOWER), ids_of(doc, LOWER)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_the_negated_tokens_are_those_with_a_neg_child():
    words = ["Lena", "did", "not", "deny", "it", ",", "and", "Tom", "never", "agreed"]
    heads = [3, 3, 3, 3, 3, 3, 3, 9, 9, 3]
    deps = ["nsubj", "aux", "neg", "ROOT", "dobj", "punct", "cc", "nsubj", "neg", "conj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert negated_tokens(doc) == {t.i for t in doc if any(c.dep_ == "neg" for c in t.children)} == {3, 9}
    assert negated_tokens(Doc(doc.vocab, words=[])) == frozenset()


def test_the_children_by_label_are_the_tokens_children():
    words = ["Lena", "and", "Tom", "said", "it", "was", "decided", "by", "the", "board"]
    heads = [3, 0, 0, 3, 6, 6, 3, 6, 9, 7]
    deps = ["nsubj", "cc", "conj", "ROOT", "nsubjpass", "auxpass", "ccomp", "agent", "det", "pobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    for label in ("nsubj", "agent", "conj", "ROOT"):
        assert {i: kids for i, kids in children_labelled(doc, label).items()} == \
            {t.i: [c.i for c in t.children if c.dep_ == label] for t in doc if any(c.dep_ == label for c in t.children)}
    assert children_labelled(doc, "agent") == {6: [7]}


def test_a_modal_auxiliary_is_an_aux_child_tagged_md():
    # "Tom would reopen the pier , Lena may be judged , and Ida has to go"
    words = ["Tom", "would", "reopen", "the", "pier", ",", "Lena", "may", "be", "judged", ",", "and", "Ida", "has",
             "to", "go"]
    heads = [2, 2, 2, 4, 2, 2, 9, 9, 9, 2, 9, 9, 13, 9, 15, 13]
    deps = ["nsubj", "aux", "ROOT", "det", "dobj", "punct", "nsubjpass", "aux", "auxpass", "conj", "punct", "cc",
            "nsubj", "conj", "aux", "xcomp"]
    tags = ["NNP", "MD", "VB", "DT", "NN", ",", "NNP", "MD", "VB", "VBN", ",", "CC", "NNP", "VBZ", "TO", "VB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert [t.i for t in doc if has_modal(t)] == [2, 9]
    assert [t.i for t in doc if has_modal(t)] == \
        [t.i for t in doc if any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)]


def test_a_passive_verb_has_a_passive_auxiliary_or_subject():
    # "Lena said it was decided by the board, and the vote is considered final by Tom"
    words = ["Lena", "said", "it", "was", "decided", "by", "the", "board", ",", "and", "the", "vote", "is",
             "considered", "final"]
    heads = [1, 1, 4, 4, 1, 4, 7, 5, 1, 1, 11, 13, 13, 1, 13]
    deps = ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp", "agent", "det", "pobj", "punct", "cc", "det",
            "nsubjpass", "auxpass", "conj", "oprd"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert [t.i for t in doc if passive(t)] == \
        [t.i for t in doc if any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)] == [4, 13]
    assert not passive(Doc(doc.vocab, words=["said"])[0])


def test_an_infinitive_is_a_verb_with_the_auxiliary_to():
    words = ["Tom", "went", "to", "the", "hall", "to", "vote", "and", "wants", "Lena", "to", "chair", "it"]
    heads = [1, 1, 1, 4, 2, 6, 1, 1, 1, 11, 11, 8, 11]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "aux", "advcl", "cc", "conj", "nsubj", "aux", "ccomp", "dobj"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "TO", "VB", "CC", "VBZ", "NNP", "TO", "VB", "PRP"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert [t.i for t in doc if to_infinitive(t)] == [6, 11]
    assert to_aux(doc[6]).i == 5 and to_aux(doc[1]) is None  # (``went to the hall``: a preposition)
    assert meant_act(doc[11]) and not meant_act(doc[8])
    doc[11].tag_ = "VBN"
    assert to_infinitive(doc[11]) and not meant_act(doc[11])
