"""The suggestions' readings of the Doc's arrays answer as the Token-by-Token readings they stand for
(session 43's speed pass), on Docs of our own words parsed by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from annotator.nlp.suggest.aside_extents import ASIDE_DEPS, ASIDE_MARKS, aside_bounds, aside_pieces, after_aside, \
    before_aside
from annotator.nlp.doc_words import DASHES, LONG_DASHES
from annotator.nlp.suggest.doubtful import _modal_passive
from annotator.nlp.suggest.extents import _before_dash, _same_words
from annotator.nlp.suggest.objects import _object
from annotator.nlp.quotes.found import trimmed


def _parsed(words, heads, deps, pos) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_verbs_object_is_its_first_noun_or_name_object_after_it():
    # "Gerta disputes the figures and Ludo backs Pell , which the council cites ."
    words = ["Gerta", "disputes", "the", "figures", "and", "Ludo", "backs", "Pell", ",", "which", "the", "council",
             "cites", "."]
    heads = [1, 1, 3, 1, 1, 6, 1, 6, 7, 12, 11, 12, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "nsubj", "conj", "dobj", "punct", "dobj", "det", "nsubj", "relcl",
            "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "DET", "NOUN", "VERB",
           "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    for verb in doc:
        expected = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                         and c.pos_ in ("NOUN", "PROPN")), None)
        assert _object(verb) == expected
    assert [_object(doc[i]) for i in (1, 6, 12)] == [doc[3], doc[7], None]  # (``which`` is before ``cites``, a pronoun)


def _aside_by_tokens(quote):
    """``aside_bounds`` as it read each Token of the quote before session 43."""
    doc = quote.doc
    for token in quote:
        if token.dep_ not in ASIDE_DEPS or not quote.start <= token.head.i < token.i:
            continue
        opening, closing = token.left_edge.i - 1, token.right_edge.i + 1
        if opening <= quote.start + 1 or closing >= quote.end - 2 or token.head.i >= opening:
            continue
        if doc[opening].text in ASIDE_MARKS and doc[closing].text in ASIDE_MARKS:
            return opening, closing
    return None


def test_an_aside_is_read_off_the_arrays_as_off_the_tokens():
    # "Tova said the ferry , which Ilse , a pilot , runs , would stop at Brell next week ."
    words = ["Tova", "said", "the", "ferry", ",", "which", "Ilse", ",", "a", "pilot", ",", "runs", ",", "would",
             "stop", "at", "Brell", "next", "week", "."]
    heads = [1, 1, 3, 14, 3, 11, 11, 6, 9, 6, 6, 3, 3, 14, 1, 14, 15, 18, 14, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "punct", "dobj", "nsubj", "punct", "det", "appos", "punct", "relcl",
            "punct", "aux", "ccomp", "prep", "pobj", "amod", "npadvmod", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT",
           "AUX", "VERB", "ADP", "PROPN", "ADJ", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            quote = doc[start:end]
            assert aside_bounds(quote) == _aside_by_tokens(quote)
            assert aside_pieces(quote) == (before_aside(quote), after_aside(quote))
    assert aside_bounds(doc[2:19]) == (7, 10)  # (the first: the apposition on ``Ilse``, between its commas)
    assert aside_bounds(doc[3:9]) is None


def test_dashes_punctuation_and_a_modal_passive_are_read_off_the_arrays_as_off_the_tokens():
    # "The pier - which Odo said may be sold - will be judged by Rema—and by the guild ."
    words = ["The", "pier", "-", "which", "Odo", "said", "may", "be", "sold", "-", "will", "be", "judged", "by",
             "Rema", "—", "and", "by", "the", "guild", "."]
    spaces = [True, True, True, True, True, True, True, True, True, True, True, True, True, True, False, False,
              True, True, True, False, False]
    heads = [1, 12, 1, 8, 5, 1, 8, 8, 5, 1, 12, 12, 12, 12, 13, 12, 12, 12, 19, 17, 12]
    deps = ["det", "nsubjpass", "punct", "nsubjpass", "nsubj", "relcl", "aux", "auxpass", "ccomp", "punct", "aux",
            "auxpass", "ROOT", "agent", "pobj", "punct", "cc", "conj", "det", "pobj", "punct"]
    tags = ["DT", "NN", ":", "WDT", "NNP", "VBD", "MD", "VB", "VBN", ":", "MD", "VB", "VBN", "IN", "NNP", ":", "CC",
            "IN", "DT", "NN", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    for token in doc:
        children = list(token.children)
        expected = any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "aux" and c.tag_ == "MD"
                                                                      for c in children)
        assert _modal_passive(token) == expected
    assert [t.i for t in doc if _modal_passive(t)] == [8, 12]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            quote = doc[start:end]
            dash = next((t.i for t in quote[2:-1] if t.text in LONG_DASHES or t.text in DASHES and t.whitespace_), None)
            assert _before_dash(doc, quote) == (trimmed(doc, start, dash) if dash is not None else None)
            for other in (doc[start:min(end + 1, len(doc))], doc[max(start - 1, 0):end], doc[0:end]):
                assert _same_words(other, quote) == ([t.i for t in other if not t.is_punct]
                                                     == [t.i for t in quote if not t.is_punct])
