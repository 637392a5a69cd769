"""Training examples: one per paragraph, QUOTE/SPEAKER/CUE as entities, overlaps counted."""

import spacy

from annotator.core.records import Span, Task
from annotator.training.examples import ExampleStats, paragraph_examples
from tests.training.generated import generated_tasks

NLP = spacy.blank("en")


def test_each_paragraph_is_one_example_with_its_spans_as_entities():
    task = generated_tasks(1, seed=4)[0]
    paragraphs = [p for p in task.text.split("\n\n")]
    stats = ExampleStats()
    examples = paragraph_examples([task], NLP, stats)
    assert [eg.reference.text for eg in examples] == paragraphs
    found = sorted((e.label_, e.text) for eg in examples for e in eg.reference.ents)
    assert found == sorted((s.label, s.text) for s in task.spans)
    assert stats.paragraphs == len(paragraphs) and stats.dropped == 0


def test_overlapping_spans_keep_the_longest_and_are_counted():
    text = "Ann Moss said she would run."
    spans = [Span(14, 27, 3, 5, "QUOTE", quote_type="indirect"), Span(14, 17, 3, 3, "SPEAKER"),
             Span(0, 8, 0, 1, "PERSON")]
    stats = ExampleStats()
    (example,) = paragraph_examples([Task(text=text, spans=spans)], NLP, stats)
    assert [(e.label_, e.text) for e in example.reference.ents] == [("QUOTE", "she would run")]
    assert (stats.spans, stats.dropped) == (2, 1)
