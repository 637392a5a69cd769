"""The participle of a reduced relative read as the main verb leaves the real one hung on it as
``dep``: its subject speaks (``speakers.reduced_relative``, the last cue rule); sentences of our own."""

from __future__ import annotations

import pytest
from spacy import blank
from spacy.tokens import Doc

from annotator.core.records import SAID_BY, Task
from annotator.nlp.pipeline import prelabel_batch
from annotator.nlp.speakers.reduced_relative import reduced_relative_subject


def _parsed(words, heads, deps, tags) -> Doc:
    return Doc(blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_the_participles_subject_speaks_for_the_verb_hung_on_it():
    words = "Local traders worried about the toll say they lose money .".split()
    heads = [1, 2, 2, 2, 5, 3, 2, 8, 6, 8, 2]
    deps = ["amod", "nsubj", "ROOT", "prep", "det", "pobj", "dep", "nsubj", "ccomp", "dobj", "punct"]
    tags = ["JJ", "NNS", "VBD", "IN", "DT", "NN", "VBP", "PRP", "VBP", "NN", "."]
    doc = _parsed(words, heads, deps, tags)
    assert reduced_relative_subject(doc[6]).text == "traders"


def test_a_subject_apart_from_the_participle_is_not_read():
    # "Traders, sadly, worried …": the subject's phrase does not end right before the participle
    words = "Traders , sadly , worried about the toll say they lose money .".split()
    heads = [4, 4, 4, 4, 4, 4, 7, 5, 4, 10, 8, 10, 4]
    deps = ["nsubj", "punct", "advmod", "punct", "ROOT", "prep", "det", "pobj", "dep", "nsubj", "ccomp", "dobj",
            "punct"]
    tags = ["NNS", ",", "RB", ",", "VBD", "IN", "DT", "NN", "VBP", "PRP", "VBP", "NN", "."]
    doc = _parsed(words, heads, deps, tags)
    assert reduced_relative_subject(doc[8]) is None


@pytest.mark.model
def test_a_report_whose_verb_the_parser_hung_on_a_participle_has_a_speaker(nlp_model):
    task, = prelabel_batch(nlp_model, [Task(text="Local traders worried about the new toll say they are losing customers.")])
    said = {task.span_text(r.head_span): task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY}
    assert said["they are losing customers"] == "Local traders"
