"""The suggestions' readings of the Doc's arrays answer as the Token-by-Token readings they stand for
(session 43's speed pass), on Docs of our own words parsed by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from annotator.nlp.suggest.objects import _object


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
