"""A document over the pipeline's max_length does not stop a run: it comes back unlabeled, with the reason."""

from __future__ import annotations

import spacy

from annotator.core.records import Task
from annotator.nlp.pipeline import PRELABEL_ERRORS, prelabel


def test_a_document_over_max_length_is_kept_in_order_with_prelabel_errors():
    nlp = spacy.blank("en")
    nlp.max_length = 40
    tasks = [Task(text="Short one."), Task(text="word " * 20, meta={PRELABEL_ERRORS: ["earlier"]}),
             Task(text="Short two.")]
    out = list(prelabel(nlp, tasks, batch_size=2))
    assert [t.text for t in out] == [t.text for t in tasks]
    assert [bool(t.tokens) for t in out] == [True, False, True]
    assert PRELABEL_ERRORS not in out[0].meta and PRELABEL_ERRORS not in out[2].meta
    errors = out[1].meta[PRELABEL_ERRORS]
    assert errors[0] == "earlier"
    assert errors[1] == "the document has 100 characters, more than the pipeline's max_length (40); it was not pre-labeled"
