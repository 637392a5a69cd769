"""``DocCache``: a Doc's entry read back fast, and forgotten with the Doc."""

from __future__ import annotations

import gc
import weakref

import spacy
from spacy.tokens import Doc

from annotator.nlp.doc_cache import DocCache


def test_an_entry_is_read_back_and_forgotten_with_its_doc():
    vocab = spacy.blank("en").vocab
    cache = DocCache()
    first, second = Doc(vocab, words=["Lena", "said"]), Doc(vocab, words=["Tom", "agreed"])
    cache[first] = 1
    cache[second] = 2
    assert cache.get(first) == 1 and cache.get(second) == 2 and cache.get(first) == 1
    assert cache.get(Doc(vocab, words=["none"])) is None
    del cache[first]
    assert cache.get(first) is None and cache.get(second) == 2
    alive = weakref.ref(second)
    del second
    gc.collect()
    assert alive() is None and len(cache) == 0
    third = Doc(vocab, words=["Ann"])
    assert cache.get(third) is None  # (a dead Doc's entry never answers for a new one)


def test_answers_gives_each_doc_one_dictionary_made_on_first_use():
    vocab = spacy.blank("en").vocab
    cache = DocCache()
    first, second = Doc(vocab, words=["Lena"]), Doc(vocab, words=["Tom"])
    cache.answers(first)["k"] = 1
    assert cache.answers(first) == {"k": 1}
    assert cache.answers(second) == {}
    assert cache.answers(second) is cache.answers(second)
