"""``scan.cue_kind`` read once per Doc and cue answers as it did, and is forgotten with the Doc; a cue
without a parse is asked of every rule; sentences of our own."""

from __future__ import annotations

import gc
import weakref

import spacy

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import _KINDS, SpeakerScan, _cue_kind, cue_kind


def test_cue_kind_is_read_once_per_doc_and_cue():
    doc = spacy.blank("en")("A: The mill will close, according to Ann. In the poll: none.")
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 3, len(doc)) + 1):
            assert cue_kind(doc[start:end]) == _cue_kind(doc[start:end])
    assert cue_kind(doc[0:1]) == "interview" and cue_kind(doc[1:2]) == "colon"
    assert cue_kind(doc[7:9]) == "according" and cue_kind(doc[11:12]) == "according"
    assert _KINDS.get(doc)  # (kept with the Doc, and forgotten with it)
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_a_cue_without_a_parse_is_asked_of_every_rule():
    doc = spacy.blank("en")("Ann said so.")
    scan = SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())
    assert speaker_from_rules(scan, doc[1:2], None) is None
