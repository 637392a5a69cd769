"""Training the learned pre-labeler: a spaCy ``ner`` for QUOTE/SPEAKER/CUE placed first in the base
pipeline (its tok2vec copied from the base model's ``ner`` and fine-tuned), or right after the base
model's ``tok2vec``, listening to it with that tok2vec frozen (``ner-shared``; the pipelines are built in
``training/span_pipeline.py``), scored on dev documents by ``annotator evaluate``'s attributed F1 after
our linking and speaker resolution; the best model wins.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training.batchers import minibatch_by_words
from spacy.util import fix_random_seed
from thinc.api import compounding

from annotator.measure.evaluation import Evaluation, evaluate
from annotator.measure.keys import mean_keys
from annotator.core.records import QUOTE, Task
from annotator.nlp.convert import doc_to_task, make_doc
from annotator.nlp.learned_spans import (LEARNED_GROUPS, LEARNED_MODELS, LEARNED_SPANCAT, LEARNED_SPANS, LEARNED_TAGGER,
                                         SCORES, SPANCAT_KEY)
from annotator.nlp.attribution_links import AttributionLinker
from annotator.nlp.pipeline import LINKER, RULE_QUOTE_COMPONENTS, add_components, load_model, set_linking
from annotator.training.data import TrainingData
from annotator.training.entities import EntityTuner
from annotator.training.frames import FramesResult, learn as learn_frames
from annotator.training.examples import ExampleStats, document_examples, paragraph_examples
from annotator.training.model_suggestions import ModelSuggestions, suggest_from_model
from annotator.training.linking import COMBINATIONS, LinkingChoice, best_combination, needs_scores
from annotator.training.settings import StatusCallback, TrainingSettings, TrainingStatus
from annotator.training.span_pipeline import (SHARED_TOK2VEC, build_pipeline, frozen_tok2vec_annotates,
                                              initialize_tagger, learner_name, listens, load_tok2vec)


@dataclass
class TrainingResult:
    nlp: Language
    steps: int
    minutes: float
    best_step: int
    dev_scores: dict[str, float]
    evaluations: list[dict[str, float]] = field(default_factory=list)
    examples: ExampleStats = field(default_factory=ExampleStats)
    #: with ``--entities``: dev entity F1 of the base ``ner`` before and of the kept weights after
    entities: dict[str, float] | None = None
    #: how the model's quotes combine with the rules' (chosen on dev; None when not chosen)
    linking: LinkingChoice | None = None
    #: the ``frames`` design: the learned cue frames' counts and dev choice (``training/frames.py``)
    frames: FramesResult | None = None
    #: the model's own quotes as suggestions, measured on dev (``training/model_suggestions.py``)
    suggestions: ModelSuggestions | None = None


class DevScorer:
    """Scores the model on dev documents; the base model's analysis of them is computed once.

    The model is scored alone (the linker takes no quotes from the rules): a checkpoint is kept for
    what it finds, not for the rules' quotes (with those, an untrained tagger that finds nothing
    scores the rules' direct quotes and can look best)."""

    def __init__(self, nlp: Language, dev: Sequence[Task]) -> None:
        self.nlp = nlp
        self.dev = list(dev)
        base = self._base_names(nlp)
        # The rules' quote components only serve the linker's rule_quotes, which dev scoring leaves out.
        skipped = {*LEARNED_MODELS, LEARNED_SPANS, *RULE_QUOTE_COMPONENTS, *base}
        self.after = [name for name in nlp.pipe_names if name not in skipped]
        linker = nlp.get_pipe(LINKER)
        self.linker = AttributionLinker(sentence_window=linker.sentence_window, rule_quotes=(),
                                        syntax_speakers=linker.syntax_speakers, lexicon=linker.lexicon)
        with nlp.select_pipes(enable=base):
            self.parsed = list(nlp.pipe(make_doc(task, nlp) for task in self.dev))
        self._with_rules: list[Doc] | None = None
        # The ner-shared tagger reads the frozen shared tok2vec's output: computed once.
        self._tok2vec = (list(nlp.get_pipe(SHARED_TOK2VEC).pipe(make_doc(task, nlp) for task in self.dev))
                         if listens(nlp) else None)

    @staticmethod
    def _base_names(nlp: Language) -> list[str]:
        """The base model's pipes: everything before our linker but the tagger and the rules' quotes."""
        names = []
        for name in nlp.pipe_names:
            if name == LINKER:
                break
            if name not in (*LEARNED_MODELS, LEARNED_SPANS) and name not in RULE_QUOTE_COMPONENTS:
                names.append(name)
        return names

    def learned(self) -> list[Doc]:
        """The model's spans on the dev documents (in the ``learned_*`` groups)."""
        if LEARNED_TAGGER in self.nlp.component_names:  # (run directly: the linking may have disabled them)
            docs = ((doc.copy() for doc in self._tok2vec) if self._tok2vec is not None
                    else (make_doc(task, self.nlp) for task in self.dev))
            tagged = self.nlp.get_pipe(LEARNED_TAGGER).pipe(docs)
            return [self.nlp.get_pipe(LEARNED_SPANS)(doc) for doc in tagged]
        # The spancat design reads the parse, its candidates and the base tok2vec's output: computed once.
        found = self.nlp.get_pipe(LEARNED_SPANCAT).pipe(doc.copy() for doc in self.parsed)
        return [self.nlp.get_pipe(LEARNED_SPANS)(doc) for doc in found]

    def with_rules(self) -> list[Doc]:
        """The dev documents with the rules' quotes and speakers too (once; for the linking choice)."""
        if self._with_rules is None:
            rules = [self.nlp.get_pipe(name) if name in self.nlp.component_names else self.nlp.create_pipe(name)
                     for name in RULE_QUOTE_COMPONENTS]
            self._with_rules = []
            for doc in self.parsed:
                doc = doc.copy()
                for rule in rules:
                    doc = rule(doc)
                self._with_rules.append(doc)
        return self._with_rules

    def predict(self, linker: AttributionLinker | None = None, learned: Sequence[Doc] | None = None) -> list[Task]:
        """Pre-labels of the dev documents with ``linker`` (default: the model alone)."""
        return [doc_to_task(doc, task) for doc, task in zip(self.predict_docs(linker, learned), self.dev, strict=True)]

    def predict_docs(self, linker: AttributionLinker | None = None, learned: Sequence[Doc] | None = None) -> list[Doc]:
        """The dev documents as ``predict`` labels them, as Docs (with the learned span groups)."""
        linker = linker or self.linker
        found = self.learned() if learned is None else learned
        parsed = self.with_rules() if linker.rule_quotes else self.parsed
        docs = []
        for spans, base in zip(found, parsed, strict=True):
            doc = base.copy()
            for group in LEARNED_GROUPS.values():
                doc.spans[group] = SpanGroup(doc, name=group, attrs=dict(spans.spans[group].attrs),
                                             spans=[Span(doc, s.start, s.end, label=s.label) for s in spans.spans[group]])
            for name in self.after:
                doc = (linker if name == LINKER else self.nlp.get_pipe(name))(doc)
            docs.append(doc)
        return docs

    def score(self, linker: AttributionLinker | None = None, learned: Sequence[Doc] | None = None) -> Evaluation:
        return evaluate(self.dev, self.predict(linker, learned))


def choose_linking(scorer: DevScorer) -> LinkingChoice:
    """Score every combination of the model's quotes with the rules' (and the rules alone) on the dev
    documents; the best by attributed F1 wins (the earlier in ``COMBINATIONS`` on a tie), or the one
    saving the most keys at no loss of F1 (``best_combination``). The
    combinations that sort the model's quotes by score are left out when it gave none (the ner design)."""
    learned = scorer.learned()
    scored = any(SCORES in doc.spans[LEARNED_GROUPS[QUOTE]].attrs for doc in learned if LEARNED_GROUPS[QUOTE] in doc.spans)
    scores = {}
    for name, config in COMBINATIONS.items():
        if needs_scores(config) and not scored:
            continue
        predicted = scorer.predict(linker_for(scorer, config), learned)
        scores[name] = {**dev_figures(evaluate(scorer.dev, predicted)), "keys": round(mean_keys(scorer.dev, predicted), 2)}
    best = best_combination(scores)
    return LinkingChoice(name=best, config=dict(COMBINATIONS[best]), scores=scores)


def linker_for(scorer: DevScorer, config: dict) -> AttributionLinker:
    """The linker of one combination (a ``COMBINATIONS`` config), with the pipeline's window and lexicon."""
    return AttributionLinker(sentence_window=scorer.linker.sentence_window, lexicon=scorer.linker.lexicon,
                             rule_quotes=tuple(config["rule_quotes"]), learned_quotes=tuple(config["learned_quotes"]),
                             syntax_speakers=config["syntax_speakers"],
                             min_learned_score=config.get("min_learned_score", 0.0),
                             parse_cues=config.get("parse_cues", False), cue_clauses=config.get("cue_clauses", False))


def dev_figures(result: Evaluation) -> dict[str, float]:
    return {"attributed_f": round(result.attributed.f1, 4), "quote_f": round(result.quotes_overlap.f1, 4),
            "resolved_f": round(result.resolved.f1, 4)}


def train_pipeline(data: TrainingData, *, base: str | None = None, settings: TrainingSettings | None = None,
                   on_status: StatusCallback | None = None) -> TrainingResult:
    """Train the span tagger on ``data.train``; the returned pipeline has the best dev weights."""
    settings = settings or TrainingSettings()
    started = time.monotonic()
    if settings.design == "frames":  # counts, no weights: see training/frames.py
        nlp = add_components(load_model(base))
        frames = learn_frames(nlp, data.train, data.dev)
        return TrainingResult(nlp=nlp, steps=0, minutes=(time.monotonic() - started) / 60, best_step=0,
                              dev_scores=frames.choice.scores[frames.choice.name], frames=frames)
    fix_random_seed(settings.seed)
    nlp = build_pipeline(base, settings.design, settings.tok2vec)
    stats = ExampleStats()
    learner = learner_name(nlp)
    if learner == LEARNED_TAGGER:
        examples = paragraph_examples(data.train, nlp, stats)
        if listens(nlp):
            frozen_tok2vec_annotates(nlp, examples)
    else:
        with nlp.select_pipes(enable=DevScorer._base_names(nlp)):
            parsed = list(nlp.pipe(make_doc(task, nlp) for task in data.train))
        examples = document_examples(data.train, parsed, nlp, SPANCAT_KEY, stats)
    initialize_tagger(nlp, examples)
    if settings.init_tok2vec is not None:
        load_tok2vec(nlp, settings.init_tok2vec)
    tagger = nlp.get_pipe(learner)
    scorer = DevScorer(nlp, data.dev)
    entities = EntityTuner(nlp, data.train, data.dev, seed=settings.seed) if settings.entities else None
    optimizer = nlp.create_optimizer()
    optimizer.learn_rate = settings.learn_rate
    rng = random.Random(settings.seed)

    best = -1.0
    best_bytes = tagger.to_bytes()
    best_step = 0
    best_scores: dict[str, float] = {}
    evaluations: list[dict[str, float]] = []
    since_best = 0
    step = 0
    loss = 0.0

    def minutes() -> float:
        return (time.monotonic() - started) / 60

    def evaluate_now() -> dict[str, float]:
        nonlocal best, best_bytes, best_step, best_scores, since_best
        scores = dev_figures(scorer.score())
        scores["step"] = step
        if entities is not None:
            scores["entities_f"] = round(entities.evaluate(), 4)
        evaluations.append(scores)
        if scores["attributed_f"] > best:
            best, best_bytes, best_step, best_scores = scores["attributed_f"], tagger.to_bytes(), step, scores
            since_best = 0
        else:
            since_best += 1
        return scores

    # A small set still gets about 20 updates per pass (a few hundred annotated documents is the norm).
    words = sum(len(eg.reference) for eg in examples)
    batch_words = min(settings.batches.words, max(100, words // 20))
    sizes = compounding(min(settings.batches.start, batch_words), batch_words, settings.batches.compound)
    stop = False
    while not stop:
        rng.shuffle(examples)
        for batch in minibatch_by_words(examples, size=sizes, tolerance=0.2, discard_oversize=False):
            losses: dict[str, float] = {}
            with nlp.select_pipes(enable=[learner]):
                nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses=losses)
            step += 1
            loss = losses.get(learner, 0.0)
            if entities is not None:
                loss += entities.update(sum(len(eg.reference) for eg in batch), optimizer, settings.dropout)
            dev = None
            out_of_time = minutes() >= settings.max_minutes
            if step % settings.eval_every == 0 or step >= settings.max_steps or out_of_time:
                dev = evaluate_now()
                stop = step >= settings.max_steps or out_of_time or since_best >= settings.patience
            if on_status is not None:
                on_status(TrainingStatus(step, settings.max_steps, loss, minutes(), dev, max(best, 0.0), best_step))
            if stop:
                break
        if not examples:
            break
    tagger.from_bytes(best_bytes)
    entity_scores = None
    if entities is not None:
        entities.restore_best()
        entity_scores = {"base_f": round(entities.base_f, 4), "best_f": round(entities.best_f, 4),
                         "paragraphs": entities.stats.paragraphs, "spans": entities.stats.spans}
        scorer = DevScorer(nlp, data.dev)  # the dev documents again, with the fine-tuned entities
    linking = suggestions = None
    if settings.choose_linking:
        linking = choose_linking(scorer)
        set_linking(nlp, linking.config)
        suggestions = suggest_from_model(nlp, scorer, linker_for(scorer, linking.config))
    frames = None
    if settings.frames and "annotator_quotes" in nlp.pipe_names:  # (the model alone runs no rule quotes)
        frames = learn_frames(nlp, data.train, data.dev)
    return TrainingResult(nlp=nlp, steps=step, minutes=minutes(), best_step=best_step, dev_scores=best_scores,
                          evaluations=evaluations, examples=stats, entities=entity_scores, linking=linking,
                          frames=frames, suggestions=suggestions)
