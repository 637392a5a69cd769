"""A day of the week the parser made a cue's subject (``said Saturday``) is no speaker: a later rule
is asked (hand-built Docs, our own words)."""

import spacy
from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.scan import SpeakerScan


def _scan(words: list[str]) -> SpeakerScan:
    doc = Doc(spacy.blank("en").vocab, words=words)
    return SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())


def test_a_weekday_is_no_speaker():
    scan = _scan(["Saturday", "said", "it", "would", "pass"])
    assert not scan.acceptable(scan.doc[0:1], None)


def test_a_name_is_one():
    scan = _scan(["Lowe", "said", "on", "Saturday", "it", "would", "pass"])
    assert scan.acceptable(scan.doc[0:1], None)
