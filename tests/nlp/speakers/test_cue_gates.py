"""The speaker rules' gates (``by_cue.CUE_GATES``): where a gate is closed its rule answers None, so
``speaker_from_rules`` skipping it changes no answer; ``scan.cue_kind`` read once per Doc and cue
answers as it did; sentences of our own."""

from __future__ import annotations

import gc
import weakref

import pytest
import spacy

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import by_cue
from annotator.nlp.speakers.by_cue import CUE_GATES, _GATES, _closed_rules, speaker_from_rules
from annotator.nlp.speakers.scan import _KINDS, VERB, SpeakerScan, _cue_kind, cue_kind
from annotator.nlp.speakers import passive_agent, set_off_subject, title_case_headline
from tests.nlp.hand_docs import hand_doc
from tests.nlp.speakers.test_set_off_subject import _GROWERS, _GROWERS_TEXT

#: A sentence for each gated rule's pattern, and some of the same shapes that are none.
TEXT = "\n".join([
    "The new levy was criticised by several growers. The new levy was criticised on Monday.",
    "The mayor said, according to the local paper, that the pier would close.",
    "The pier, local growers say, will close in June. The growers say the pier will close.",
    "The union issued a statement calling for a strike. The union backed a statement calling for a strike.",
    "The mayor will have more to say about the levy.",
    "Harbour Board Chief Says Ferry Plan Will Pass",
    "The harbour board says the ferry plan will pass in May.",
    "It was announced that the mill would close, the owner said.",
])


def _ungated(scan, cue, quote, rules=by_cue.CUE_RULES):
    """``speaker_from_rules`` with every gate open."""
    saved = dict(CUE_GATES)
    CUE_GATES.clear()
    _GATES.clear()
    try:
        return speaker_from_rules(scan, cue, quote, rules)
    finally:
        CUE_GATES.update(saved)
        _GATES.clear()


def _bounds(span):
    return (span.start, span.end) if span is not None else None


@pytest.mark.model
def test_a_closed_gate_is_a_rule_that_answers_none(nlp_model):
    doc = nlp_model(TEXT)
    scan = SpeakerScan(doc=doc, text=doc.text, lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon)
    answered = set()
    for token in doc:
        cue = doc[token.i:token.i + 1]
        if cue_kind(cue) != VERB:
            continue
        closed = _closed_rules(cue)
        for rule in CUE_GATES:
            answer = rule(scan, cue, None)
            assert answer is None or rule not in closed, (rule.__module__, token.text)
            if answer is not None:
                answered.add(rule)
        assert _bounds(speaker_from_rules(scan, cue, None)) == _bounds(_ungated(scan, cue, None))
    # every gated rule answers somewhere in the sentences, so each gate lets its rule through (the model
    # parses the set-off attribution right: ``test_the_gates_read_the_parse`` has the misread parse)
    assert answered == set(CUE_GATES) - {set_off_subject.find}


_AGENT = """
    The        DET   DT  det        2
    new        ADJ   JJ  amod       2
    levy       NOUN  NN  nsubjpass  4
    was        AUX   VBD auxpass    4 be
    criticised VERB  VBN ROOT       4 criticise
    by         ADP   IN  agent      4
    growers    NOUN  NNS pobj       5 grower
    ,          PUNCT ,   punct      4
    Ann        PROPN NNP nsubj      9
    says       VERB  VBZ parataxis  4 say
    .          PUNCT .   punct      4
"""


def test_the_gates_read_the_parse():
    doc = hand_doc("The new levy was criticised by growers, Ann says.", _AGENT)
    closed = {i: _closed_rules(doc[i:i + 1]) for i in range(len(doc))}
    assert passive_agent.find not in closed[4] and passive_agent.find in closed[9]
    assert set_off_subject.find in closed[4] and set_off_subject.find in closed[9]  # a participle; no comma after
    assert title_case_headline.find in closed[4] and title_case_headline.find not in closed[8]
    growers = hand_doc(_GROWERS_TEXT, _GROWERS)
    assert set_off_subject.find not in _closed_rules(growers[10:11])  # ``say``: tensed, a comma after it
    assert set_off_subject.find in _closed_rules(growers[12:13])  # ``is``: no verb
    scan = SpeakerScan(doc=growers, text=growers.text, lexicon=Lexicon())
    assert set_off_subject.find(scan, growers[10:11], None).text == "local growers and traders"
    for doc in (growers, hand_doc("The new levy was criticised by growers, Ann says.", _AGENT)):
        scan = SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())
        for i in range(len(doc)):
            closed = _closed_rules(doc[i:i + 1])
            assert not any(rule(scan, doc[i:i + 1], None) is not None for rule in closed), i




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
