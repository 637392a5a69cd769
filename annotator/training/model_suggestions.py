"""A trained pipeline's own quotes as suggestions (``nlp/suggest/learned.py``, source ``model:spancat``
or ``model:ner``): the learned quotes the chosen combination with the rules leaves out, shown apart
from the pre-labels beside the rules' suggestions.

At the end of training, on the dev documents as the chosen combination pre-labels them: every learned
quote no pre-label overlaps is counted right when the scorer pairs it with a gold quote the pre-labels
missed (``measure/keys.suggestion_fixes``), by its model score in ``BIN_EDGES``' bins; each bin's rate,
drawn towards the pooled rate by ``PRIOR_WEIGHT`` quotes and made non-decreasing in the score, is what
such a suggestion is scored (``annotator_learned_spans``' ``rate_bins``/``rates``). The model's
suggestions are kept when dev keys with suggestions fall against the rules' suggestions alone beyond
their noise (``scorer_folds.clear_gain``, the bar every other keep of suggestions clears).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.records import QUOTE, Task
from annotator.measure.keys import document_keys, suggestion_fixes
from annotator.nlp.convert import doc_to_task
from annotator.nlp.learned_spans import (CANDIDATES, LEARNED_GROUPS, LEARNED_MODELS, LEARNED_SPANS, RATES, SOURCE,
                                         bin_of, learned_scores, rate_of)
from annotator.nlp.pipeline import SUGGESTIONS, set_suggestions
from annotator.nlp.suggest import Suggester
from annotator.training.scorer_folds import clear_gain, mean_document_keys

#: Lower edges of the model-score bins (spancat keeps spans scored 0.25 and up; the ner design's
#: spans have no score and count as 1.0, so they all fall in the last bin).
BIN_EDGES = (0.0, 0.4, 0.55, 0.7, 0.85)
#: How many quotes' worth of weight the pooled rate has in each bin's rate (a dev slice of 10
#: documents has a few dozen such quotes).
PRIOR_WEIGHT = 5.0


@dataclass
class ModelSuggestions:
    """The model's suggestions measured on dev: the source, each bin's edge, count, right ones and
    rate, and each dev document's keys with the rules' suggestions alone and with the model's too."""

    source: str
    bins: list[float]
    rates: list[float]
    counts: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    each_without: list[float] = field(default_factory=list)
    each_with: list[float] = field(default_factory=list)

    @property
    def keys_without(self) -> float:
        return mean_document_keys(self.each_without)

    @property
    def keys_with(self) -> float:
        return mean_document_keys(self.each_with)

    @property
    def kept(self) -> bool:
        """Whether they save dev keys beyond the noise (the pipeline proposes them only then): a dev
        slice of a few dozen documents can show a fall that unseen articles do not."""
        return clear_gain(self.each_without, self.each_with)[2]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "bins": self.bins, "rates": self.rates, "counts": self.counts,
                "right": self.right, "keys_without": self.keys_without, "keys_with": self.keys_with,
                "each_without": self.each_without, "each_with": self.each_with, "kept": self.kept}


def measure(dev: Sequence[Task], docs: Sequence[Doc], source: str, suggester: Suggester) -> ModelSuggestions:
    """Rates and dev keys of the model's suggestions on ``docs`` (``dev`` pre-labeled by the chosen
    combination, with their learned span groups; ``suggester`` proposes the rules' sources)."""
    counts, right = [0] * len(BIN_EDGES), [0] * len(BIN_EDGES)
    plain = Suggester(enabled=True, sources=(), lexicon=suggester.lexicon, min_score=0.0)  # the model's alone
    for gold, doc in zip(dev, docs, strict=True):
        group = doc.spans[LEARNED_GROUPS[QUOTE]] if LEARNED_GROUPS[QUOTE] in doc.spans else None
        if group is None or not len(group):
            continue
        marked = _with_rates(doc, list(learned_scores(group)), source)
        predicted = doc_to_task(plain(marked), gold)
        fixes = suggestion_fixes(gold, predicted, kind=lambda s: str(bin_of(BIN_EDGES, s.score or 0.0)))
        for i in range(len(BIN_EDGES)):
            counts[i] += fixes[f"n:{i}"]
            right[i] += fixes[f"right:{i}"]
    rates = smoothed_rates(counts, right)
    found = ModelSuggestions(source=source, bins=list(BIN_EDGES), rates=rates, counts=counts, right=right)
    found.each_without = _dev_keys(dev, docs, suggester, None)
    found.each_with = _dev_keys(dev, docs, suggester, found)
    return found


def smoothed_rates(counts: Sequence[int], right: Sequence[int], weight: float = PRIOR_WEIGHT) -> list[float]:
    """Each bin's right-rate drawn towards the pooled one, then pooled with its neighbours wherever a
    higher bin would rate lower (the model's score orders its quotes: a higher one is no worse)."""
    pooled = sum(right) / sum(counts) if sum(counts) else 0.0
    blocks = [[(r + weight * pooled) / (n + weight), n + weight, 1] for n, r in zip(counts, right, strict=True)]
    merged: list[list[float]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and merged[-2][0] > merged[-1][0]:
            (r2, w2, k2), (r1, w1, k1) = merged.pop(), merged.pop()
            merged.append([(r1 * w1 + r2 * w2) / (w1 + w2), w1 + w2, k1 + k2])
    return [round(rate, 3) for rate, _, size in merged for _ in range(int(size))]


def suggest_from_model(nlp: Language, scorer, linker) -> ModelSuggestions:
    """Measure the model's suggestions on ``scorer``'s dev documents (``trainer.DevScorer``) as
    ``linker`` (the chosen combination) pre-labels them, and give ``nlp`` the suggestions: the rules'
    sources, and the model's when they save dev keys (``add_model_suggestions``)."""
    learned = nlp.get_pipe(LEARNED_SPANS)
    found = measure(scorer.dev, scorer.predict_docs(linker), learned.source_name, Suggester(lexicon=linker.lexicon))
    add_model_suggestions(nlp, found if found.kept else None)
    return found


def add_model_suggestions(nlp: Language, found: ModelSuggestions | None) -> Language:
    """Give the pipeline the suggestions component (last), and with ``found`` the model's suggestions:
    its rates in ``annotator_learned_spans``' config (saved with the pipeline) and the span model
    running even when the pre-labels are the rules alone (the linker then ignores its quotes)."""
    if found is not None:
        learned = nlp.get_pipe(LEARNED_SPANS)
        nlp.replace_pipe(LEARNED_SPANS, LEARNED_SPANS, config={"source": learned.source, "rate_bins": found.bins,
                                                                "rates": found.rates})
        for name in (*LEARNED_MODELS, CANDIDATES, LEARNED_SPANS):
            if name in nlp.disabled:
                nlp.enable_pipe(name)
    if SUGGESTIONS not in nlp.component_names:
        nlp.add_pipe(SUGGESTIONS, last=True)
    return set_suggestions(nlp, True)


def _with_rates(doc: Doc, rates: list[float], source: str) -> Doc:
    doc = doc.copy()
    group = doc.spans[LEARNED_GROUPS[QUOTE]]
    group.attrs[RATES], group.attrs[SOURCE] = rates, source
    return doc


def _dev_keys(dev: Sequence[Task], docs: Sequence[Doc], suggester: Suggester,
              found: ModelSuggestions | None) -> list[float]:
    """Each dev document's keys with the rules' suggestions, and the model's when ``found``."""
    keys = []
    for gold, doc in zip(dev, docs, strict=True):
        group = doc.spans[LEARNED_GROUPS[QUOTE]] if LEARNED_GROUPS[QUOTE] in doc.spans else []
        rates = [rate_of(found.bins, found.rates, score) for score in learned_scores(group)] if found is not None and len(group) else []
        marked = _with_rates(doc, rates, found.source) if rates else doc.copy()
        if not rates and LEARNED_GROUPS[QUOTE] in marked.spans:
            marked.spans[LEARNED_GROUPS[QUOTE]].attrs.pop(RATES, None)
        predicted = doc_to_task(suggester(marked), gold)
        keys.append(float(document_keys(gold, predicted)[1]))
    return keys
