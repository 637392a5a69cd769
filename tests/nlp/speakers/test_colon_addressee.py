"""A sentence ending in a colon hands the word to its subject, not to the person it addresses
(``headline.introduced_by_colon``: the object of ``to`` or of the verb); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.core.records import SAID_BY, Task
from annotator.nlp.pipeline import prelabel_batch

pytestmark = pytest.mark.model


def speakers(nlp_model, text: str) -> list[str]:
    task, = prelabel_batch(nlp_model, [Task(text=text)])
    return [task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY]


def test_the_one_a_message_is_delivered_to_listens(nlp_model):
    text = 'Senator Ann Lee delivered a blunt message to Mayor Tom Ruiz: "It is time to stop blaming the council."'
    assert speakers(nlp_model, text) == ["Ann Lee"]


def test_the_last_person_named_speaks_when_nobody_is_addressed(nlp_model):
    text = 'The debate ended with a warning from the union leader Ann Lee: "We will not accept the new rota."'
    assert speakers(nlp_model, text) == ["Ann Lee"]
