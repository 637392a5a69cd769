"""Training the learned pre-labeler: a spaCy ``ner`` for QUOTE/SPEAKER/CUE placed first in the base
pipeline (its tok2vec copied from the base model's ``ner`` and fine-tuned), or right after the base
model's ``tok2vec``, listening to it with that tok2vec frozen (``ner-shared``), scored on dev documents
by ``annotator evaluate``'s attributed F1 after our linking and speaker resolution; the best model wins.
"""

from __future__ import annotations

import copy
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.training.batchers import minibatch_by_words
from spacy.util import fix_random_seed
from thinc.api import Model, compounding

from annotator.core.errors import UserError
from annotator.measure.evaluation import Evaluation, evaluate
from annotator.measure.keys import mean_keys
from annotator.core.records import QUOTE, Task
from annotator.nlp.convert import doc_to_task, make_doc
from annotator.nlp.learned_spans import (CANDIDATES, CANDIDATES_KEY, LEARNED_GROUPS, LEARNED_LABELS, LEARNED_MODELS,
                                         LEARNED_SPANCAT, LEARNED_SPANS, LEARNED_TAGGER, SCORES, SPANCAT_KEY)
from annotator.nlp.span_model import SPAN_CONTEXT_MODEL, SPAN_SCORER
from annotator.nlp.attribution_links import AttributionLinker
from annotator.nlp.pipeline import COMPONENTS, LINKER, RULE_QUOTE_COMPONENTS, add_components, load_model, set_linking
from annotator.training.data import TrainingData
from annotator.training.entities import EntityTuner
from annotator.training.frames import FramesResult, learn as learn_frames
from annotator.training.examples import ExampleStats, document_examples, paragraph_examples
from annotator.training.model_suggestions import ModelSuggestions, suggest_from_model
from annotator.training.linking import COMBINATIONS, LinkingChoice, best_combination, needs_scores
from annotator.training.settings import SHARED_DESIGN, StatusCallback, TrainingSettings, TrainingStatus

#: The base model's shared tok2vec, which the tagger and parser listen to (and the ``ner-shared`` tagger).
SHARED_TOK2VEC = "tok2vec"

#: The tagger's model when the base pipeline has no ``ner`` to copy (same shape as en_core_web_sm's).
DEFAULT_TAGGER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "depth": 4,
                   "window_size": 1, "maxout_pieces": 3},
    },
}


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


def build_pipeline(base: str | None = None, design: str = "ner") -> Language:
    """The base model with an untrained span model and our linking/resolution components: a ``ner``
    tagger first with its own tok2vec (``design="ner"``), the same tagger right after the base model's
    ``tok2vec`` listening to it (``design="ner-shared"``), or a span classifier of the parse's
    candidates after the base model (``design="spancat"``)."""
    if design == "spancat":
        return _build_spancat_pipeline(base)
    nlp = load_model(base)
    if LEARNED_TAGGER in nlp.pipe_names:
        nlp.remove_pipe(LEARNED_TAGGER)
    model = copy.deepcopy(DEFAULT_TAGGER_MODEL)
    if "ner" in nlp.pipe_names:
        model = copy.deepcopy(nlp.config["components"]["ner"]["model"])
    if design == SHARED_DESIGN:
        if SHARED_TOK2VEC not in nlp.pipe_names:
            raise UserError(f"--design {SHARED_DESIGN} listens to the base model's shared '{SHARED_TOK2VEC}', "
                            "which this base pipeline lacks; use --design ner")
        model["tok2vec"] = _listener(nlp)
        nlp.add_pipe("ner", name=LEARNED_TAGGER, after=SHARED_TOK2VEC, config={"model": model})
        return add_components(nlp)
    if _tok2vec_source(nlp) == "tok2vec":  # (a tagger from the base ner's config already has its tok2vec's shape)
        config = nlp.config.interpolate()["components"]["tok2vec"]["model"]
        if str(config.get("@architectures", "")).startswith("spacy.Tok2Vec."):
            model["tok2vec"] = copy.deepcopy(config)
    nlp.add_pipe("ner", name=LEARNED_TAGGER, first=True, config={"model": model})
    return add_components(nlp)


def _listener(nlp: Language) -> dict:
    """A model config reading the base model's shared tok2vec (no weights of its own)."""
    width = nlp.get_pipe(SHARED_TOK2VEC).model.get_dim("nO")
    return {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": SHARED_TOK2VEC}


def listens(nlp: Language) -> bool:
    """Whether the pipeline's ``ner`` tagger reads the base model's shared tok2vec (``ner-shared``)
    instead of carrying its own."""
    if LEARNED_TAGGER not in nlp.component_names:
        return False
    tok2vec = nlp.get_pipe_config(LEARNED_TAGGER)["model"].get("tok2vec") or {}
    return tok2vec.get("@architectures") == "spacy.Tok2VecListener.v1"


def frozen_tok2vec_annotates(nlp: Language, examples: Sequence[Example]) -> None:
    """Give the examples' predicted docs the shared tok2vec's output (``doc.tensor``), which the
    ``ner-shared`` tagger's listener reads while the tok2vec itself is never updated. spaCy's own
    training does this with ``[training] frozen_components = ["tok2vec"]`` and ``annotating_components
    = ["tok2vec"]`` on every update; the weights being frozen, doing it once gives the same tensors."""
    tok2vec = nlp.get_pipe(SHARED_TOK2VEC)
    for example, doc in zip(examples, tok2vec.pipe(eg.predicted for eg in examples), strict=True):
        example.predicted = doc


#: The span classifier of the spancat design: it scores the parse's candidates (``CANDIDATES_KEY``) for
#: each label independently, from the base model's shared tok2vec (a listener: no copy of its own).
#: Independent scores, not a softmax with a "none" class: nested candidates ("that the vote was
#: rushed", "the vote was rushed") look alike, and a softmax trained on 50 documents put every one
#: below "none" (held-out quote F1 0.00); ``annotator_learned_spans`` keeps the best of overlapping ones.
SPANCAT_THRESHOLD = 0.25
SPANCAT_MODEL = {
    "@architectures": SPAN_CONTEXT_MODEL,
    "scorer": {"@layers": SPAN_SCORER},
    "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 128},
}


def _build_spancat_pipeline(base: str | None) -> Language:
    nlp = add_components(load_model(base))  # (the rule pipeline: its sentence starts, then ours are replaced)
    for name in COMPONENTS:
        nlp.remove_pipe(name)
    model = copy.deepcopy(SPANCAT_MODEL)
    if SHARED_TOK2VEC in nlp.pipe_names:
        model["tok2vec"] = _listener(nlp)
    else:
        model["tok2vec"] = copy.deepcopy(DEFAULT_TAGGER_MODEL["tok2vec"])
    nlp.add_pipe(LEARNED_SPANS, name=CANDIDATES, last=True, config={"candidates_key": CANDIDATES_KEY})
    nlp.add_pipe("spancat", name=LEARNED_SPANCAT, last=True, config={
        "spans_key": SPANCAT_KEY, "model": model, "threshold": SPANCAT_THRESHOLD, "max_positive": 1,
        "suggester": {"@misc": "spacy.preset_spans_suggester.v1", "spans_key": CANDIDATES_KEY}})
    nlp.add_pipe(LEARNED_SPANS, last=True, config={"source": SPANCAT_KEY})
    return add_components(nlp)


def learner_name(nlp: Language) -> str:
    """The pipe whose weights training changes."""
    return LEARNED_TAGGER if LEARNED_TAGGER in nlp.component_names else LEARNED_SPANCAT


def _tok2vec_source(nlp: Language) -> str | None:
    """Whose tok2vec weights the tagger starts from: the base model's shared ``tok2vec`` (trained for
    tags and dependencies, so it carries the syntax reported speech hangs on), else its ``ner``'s own."""
    if "tok2vec" in nlp.pipe_names:
        return "tok2vec"
    return "ner" if "ner" in nlp.pipe_names else None


def initialize_tagger(nlp: Language, examples: Sequence[Example]) -> None:
    """Labels from the examples; tok2vec weights from the base model's when it has the same shape."""
    if LEARNED_TAGGER not in nlp.component_names:
        nlp.get_pipe(LEARNED_SPANCAT).initialize(lambda: examples[:200], nlp=nlp)
        return
    tagger = nlp.get_pipe(LEARNED_TAGGER)
    for label in LEARNED_LABELS:
        tagger.add_label(label)
    tagger.initialize(lambda: examples[:200], nlp=nlp)
    source_name = _tok2vec_source(nlp)
    if source_name is None or listens(nlp):
        return
    target = tagger_tok2vec(nlp)
    source = nlp.get_pipe(source_name).model
    if source_name != "tok2vec":
        source = source.get_ref("tok2vec").layers[0]
    try:
        target.from_bytes(source.to_bytes())
    except ValueError:
        pass  # a base tok2vec of another shape: the tagger's starts from scratch


def tagger_tok2vec(nlp: Language) -> Model:
    """The ``ner`` design's own tok2vec (a transition model's "tok2vec" ref is chain(tok2vec,
    list2array, Linear): the embedding is its first layer)."""
    if LEARNED_TAGGER not in nlp.component_names or listens(nlp):
        raise UserError(f"pretrained weights start the 'ner' design's own tok2vec; the 'spancat' and "
                        f"'{SHARED_DESIGN}' designs listen to the base model's tok2vec, which they would change "
                        "under its tagger and parser")
    return nlp.get_pipe(LEARNED_TAGGER).model.get_ref("tok2vec").layers[0]


def load_tok2vec(nlp: Language, weights: Path) -> None:
    """Start the tagger's tok2vec from ``weights`` (``--pretrain``'s, see ``training/pretrain.py``)."""
    try:
        tagger_tok2vec(nlp).from_bytes(weights.read_bytes())
    except ValueError as err:
        raise UserError(f"{weights}: not tok2vec weights of this base model's shape ({err})") from None


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
    nlp = build_pipeline(base, settings.design)
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
