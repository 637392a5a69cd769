"""``annotator train --entities``: the base model's ``ner`` fine-tuned on the entity spans annotators
accepted, beside the attribution tagger. Its best weights are picked by entity F1 on the dev
documents, separately from the tagger's (the two share nothing).
"""

from __future__ import annotations

import random
from typing import Iterator, Sequence

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.batchers import minibatch_by_words
from thinc.api import Optimizer

from annotator.core.errors import UserError
from annotator.core.records import Task
from annotator.training.examples import ExampleStats, entity_examples

NER = "ner"


class EntityTuner:
    """Updates the base ``ner`` a batch at a time and remembers its best weights by dev entity F1."""

    def __init__(self, nlp: Language, train: Sequence[Task], dev: Sequence[Task], *, seed: int) -> None:
        if NER not in nlp.pipe_names:
            raise UserError("--entities needs a base pipeline with a 'ner' component")
        self.ner = nlp.get_pipe(NER)
        if _listens(self.ner):
            raise UserError("--entities needs a base pipeline whose 'ner' has its own tok2vec (en_core_web_sm "
                            "has); this one shares a tok2vec, which fine-tuning would change for its other "
                            "components too")
        self.nlp = nlp
        self.stats = ExampleStats()
        self.examples = entity_examples(train, nlp, self.stats)
        if not any(eg.reference.ents for eg in self.examples):
            raise UserError("--entities: none of the training documents has an entity span to learn from "
                            "(an imported quote corpus has none; train on annotated documents)")
        self.dev = entity_examples(dev, nlp)
        for label in sorted({ent.label_ for eg in self.examples for ent in eg.reference.ents}):
            if label not in self.ner.labels:
                self.ner.add_label(label)
        self.rng = random.Random(seed)
        self.base_f = self.score()
        self.best_f = self.base_f
        self.best_bytes = self.ner.to_bytes()
        #: words in the next batch: each update asks for as many as the tagger's batch had
        self._size = 1000
        self._batches = self._endless_batches()

    def _endless_batches(self) -> Iterator[list[Example]]:
        while True:
            order = list(self.examples)
            self.rng.shuffle(order)
            yield from minibatch_by_words(order, size=iter(lambda: self._size, None), tolerance=0.2,
                                          discard_oversize=False)

    def update(self, words: int, sgd: Optimizer, drop: float) -> float:
        """One update of about ``words`` words; returns the ner's loss."""
        self._size = max(1, int(words))
        losses: dict[str, float] = {}
        with self.nlp.select_pipes(enable=[NER]):
            self.nlp.update(next(self._batches), sgd=sgd, drop=drop, losses=losses)
        return losses.get(NER, 0.0)

    def score(self) -> float:
        """Entity F1 on the dev paragraphs that annotate entities (0 when none do)."""
        if not self.dev:
            return 0.0
        scored = []
        for eg in self.dev:
            ref = eg.reference
            doc = Doc(self.nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
            scored.append(Example(self.ner(doc), ref))
        return float(get_ner_prf(scored)["ents_f"])

    def evaluate(self) -> float:
        f = self.score()
        if f > self.best_f:
            self.best_f, self.best_bytes = f, self.ner.to_bytes()
        return f

    def restore_best(self) -> None:
        self.ner.from_bytes(self.best_bytes)


def _listens(pipe) -> bool:
    """Whether the component reads a shared tok2vec through a listener."""
    return any(node.name == "tok2vec-listener" for node in pipe.model.walk())
