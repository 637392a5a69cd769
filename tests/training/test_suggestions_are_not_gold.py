"""A decision's untaken suggestions are not gold: the training examples and the evaluation read a
decision with suggestions exactly as the same decision without them."""

from __future__ import annotations

import spacy

from annotator.measure.evaluation import evaluate
from annotator.training.examples import paragraph_examples
from tests.tui.suggestion_tasks import story


def _gold(examples) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in example.reference.ents] for example in examples]


def test_training_examples_ignore_suggestions():
    nlp = spacy.blank("en")
    with_them, without = story(), story(suggestions=False)
    assert with_them.suggestions
    assert _gold(paragraph_examples([with_them], nlp)) == _gold(paragraph_examples([without], nlp))


def test_evaluation_scores_spans_and_relations_only():
    with_them, without = story(), story(suggestions=False)
    # Gold without the suggested attributions, predicted with them as suggestions: nothing to count.
    assert evaluate([without], [with_them]).to_dict() == evaluate([without], [without]).to_dict()
    assert evaluate([with_them], [without]).to_dict() == evaluate([without], [without]).to_dict()
