"""The proposals' speakers: each the speaker rules' answer for its cue and content under its own
source's word lists, asked once for lexicons that hold the same lists the speaker rules read (our own
sentences)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import annotator.nlp.speakers as speakers_package
from annotator.nlp.frames.candidates import FRAMES, opened
from annotator.nlp.marks import doc_text
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan
from annotator.nlp.suggest import propose
from annotator.nlp.suggest.propose import SPEAKER_LISTS, frame_source, proposals

#: What the speaker rules may call on a lexicon, and the lists each reads.
LEXICON_METHODS = {"lemma_of": ("lemmas", "forms", "past_forms"), "has_speech_lemma": ("speech",)}


def test_the_speaker_lists_name_every_list_the_speaker_rules_read():
    read = set()
    for path in Path(speakers_package.__file__).parent.glob("*.py"):
        read |= set(re.findall(r"lexicon\.(\w+)", path.read_text(encoding="utf-8")))
    for name in read:
        assert name in SPEAKER_LISTS or set(LEXICON_METHODS.get(name, ("?",))) <= set(SPEAKER_LISTS), name


@pytest.mark.model
def test_each_proposal_has_the_speaker_its_own_word_lists_give(nlp_model, monkeypatch):
    text = "The ferry company welcomed the ruling and hailed the new timetable as a fair deal for islanders."
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(text)
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    asked = []
    monkeypatch.setattr(propose, "speaker_from_rules",
                        lambda scan, cue, content: asked.append(1) or speaker_from_rules(scan, cue, content))
    words = {frame_source(f.name): opened(lexicon, f.opens) for f in FRAMES}
    found = proposals(doc, lexicon, frozenset(words))
    assert len({p.source for p in found}) > 1
    assert len(asked) < len(found)  # some cue and content came from several frames
    for p in found:
        scan = SpeakerScan(doc=doc, text=doc_text(doc).text, lexicon=words[p.source])
        expected = speaker_from_rules(scan, p.cue, p.span)
        assert (p.speaker is None) == (expected is None), p.source
        if expected is not None:
            assert (p.speaker.start, p.speaker.end) == (expected.start, expected.end), p.source
