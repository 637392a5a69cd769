"""A cue verb with a tense of its own joined to a reported clause is the reporter's next act
(``speakers.reported_conjunct``); sentences of our own."""

from __future__ import annotations

import pytest
from spacy import blank
from spacy.tokens import Doc

from annotator.core.records import SAID_BY, Task
from annotator.nlp.pipeline import prelabel_batch
from annotator.nlp.speakers.reported_conjunct import reporter_of_conjunct


def said_by(nlp_model, text: str) -> dict[str, str]:
    task, = prelabel_batch(nlp_model, [Task(text=text)])
    return {task.span_text(r.head_span): task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY}


@pytest.mark.model
def test_a_cue_joined_to_the_reported_clause_speaks_for_the_reporter(nlp_model):
    said = said_by(nlp_model, "The mayor said the porters were slow and praised the crew for their patience.")
    assert said == {"the porters were slow": "The mayor", "the crew for their patience": "The mayor"}


def test_a_conjunct_with_its_own_subject_is_not_the_reporters():
    # hand-built parse: ``praised`` joined to ``were`` with a subject of its own
    words = "The mayor said the porters were slow and the treasurer praised the crew .".split()
    heads = [1, 2, 2, 4, 5, 2, 5, 5, 9, 10, 5, 12, 10, 2]
    deps = ["det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "det", "nsubj", "conj", "det", "dobj",
            "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ", "CCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "DT", "NNS", "VBD", "JJ", "CC", "DT", "NN", "VBD", "DT", "NN", "."]
    doc = Doc(blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert reporter_of_conjunct(doc[10]) is None
    doc = Doc(blank("en").vocab, words=words[:8] + words[10:], heads=[1, 2, 2, 4, 5, 2, 5, 5, 5, 10, 8, 2],
              deps=deps[:8] + deps[10:], pos=pos[:8] + pos[10:], tags=tags[:8] + tags[10:])
    assert reporter_of_conjunct(doc[8]).text == "said"
