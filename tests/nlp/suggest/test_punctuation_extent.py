"""Another extent that differs from the quote by punctuation alone is not offered: where the parser runs
a sentence on over the quotation mark that opens the next one, ``extent:sentence-end`` would add only
``. ''``, which pairs with what the quote pairs (sentences of our own, parsed by hand)."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import SENTENCE_END, extents
from tests.nlp.hand_docs import hand_doc

LEE_SAID = """
Lee PROPN NNP nsubj 1
said VERB VBD ROOT 1 say
the DET DT det 3
plan NOUN NN nsubj 5
would AUX MD aux 5
fail VERB VB ccomp 1
"""
RUN_ON = LEE_SAID + """
. PUNCT . punct 1
'' PUNCT '' punct 1
Nobody PRON NN nsubj 9
wants VERB VBZ ROOT 9 want
it PRON PRP dobj 9
. PUNCT . punct 9
"""
WORDS_AFTER = LEE_SAID + """
in ADP IN prep 5
May PROPN NNP pobj 6
. PUNCT . punct 1
"""


def _with_quote(text: str, rows: str, start: int, end: int):
    doc = hand_doc(text, rows)
    quote = Span(doc, start, end, label="QUOTE")
    quote._.quote_type = "indirect"
    doc.spans["quotes"] = [quote]
    return doc


def test_a_sentence_end_that_adds_only_marks_is_not_offered():
    doc = _with_quote("Lee said the plan would fail. ''Nobody wants it.", RUN_ON, 2, 6)
    assert doc[6].sent.end == 8  # the parse runs the sentence on over the opening mark
    assert extents(doc, Lexicon(), {SENTENCE_END}) == []


def test_a_sentence_end_that_adds_words_is_offered():
    doc = _with_quote("Lee said the plan would fail in May.", WORDS_AFTER, 2, 6)
    assert [(e.source, e.span.text) for e in extents(doc, Lexicon(), {SENTENCE_END})] == [
        (SENTENCE_END, "the plan would fail in May")]
