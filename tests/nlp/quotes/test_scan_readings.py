"""What a QuoteScan reads once per document: remembered for one scan and lexicon, never lent to a
scan with another lexicon; ``words_where`` and ``token_at_or_after`` as a walk over tokens reads them."""

import dataclasses

import spacy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.scan import QuoteScan

WORDS = ["Rivera", "glorped", "that", "the", "claims", "were", "false", "."]
POS_TAGS = ["PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
TAGS = ["NNP", "VBD", "IN", "DT", "NNS", "VBD", "JJ", "."]
LEMMAS = ["Rivera", "glorp", "that", "the", "claim", "be", "false", "."]


def parsed() -> Doc:
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=WORDS, pos=POS_TAGS, tags=TAGS, lemmas=LEMMAS)


def test_scan_cue_lemma_is_its_own_lexicons_and_not_lent_to_a_replaced_scan():
    doc = parsed()
    plain = QuoteScan.of(doc, Lexicon())
    assert plain.cue_lemma(doc[1]) is None and plain.cue_lemma(doc[1]) is None  # asked twice, same answer
    glorping = dataclasses.replace(plain, lexicon=Lexicon(speech=["glorp"]))
    assert glorping.cue_lemma(doc[1]) == "glorp"
    assert plain.cue_lemma(doc[1]) is None


def test_scan_words_where_and_token_offsets_read_as_the_tokens_are():
    doc = parsed()
    scan = QuoteScan.of(doc, Lexicon())
    assert [t.i for t in scan.words_where(POS, POS_IDS["NOUN"], LEMMA, ["claim", "view"])] == [4]
    assert [t.i for t in scan.words_where(TAG, hash_string("VBD"), LOWER, ["glorped", "were"])] == [1, 5]
    assert scan.words_where(POS, POS_IDS["NOUN"], LEMMA, []) == []
    for offset in range(len(doc.text) + 2):
        assert scan.token_at_or_after(offset) == next((t.i for t in doc if t.idx >= offset), len(doc))
