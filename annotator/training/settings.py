"""How a training run is set up and what it reports as it goes (no spaCy here: the CLI imports it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from annotator.training.linking import LinkingChoice


#: The ``ner`` tagger listening to the base model's shared tok2vec (frozen) instead of carrying its own.
SHARED_DESIGN = "ner-shared"
#: The span models ``annotator train --design`` can learn.
DESIGNS = ("ner", SHARED_DESIGN, "spancat", "frames")


@dataclass(frozen=True)
class BatchSchedule:
    """Words per update: starts at ``start`` and compounds by ``compound`` towards ``words`` (small early
    updates learn faster, as in spaCy's own training configs)."""

    words: int = 1000
    start: int = 100
    compound: float = 1.001


@dataclass(frozen=True)
class Tok2VecSize:
    """The ``ner`` design's own tok2vec made smaller than the base model's, cheaper to run (``bench/learning_curve.py
    --tok2vec-width/-depth/-rows``; not an ``annotator train`` option: no size tried kept the tagger's dev F1, see
    docs/train.md, session 26). ``None`` keeps the base model's figure; weights of the same shape (the embedding
    at the base width, its first encoder layers) still start from the base model's, the rest from scratch."""

    width: int | None = None
    depth: int | None = None
    #: the hash embedding's rows, as a share of the base model's
    rows: float = 1.0


@dataclass(frozen=True)
class ScorerRefit:
    """Refitting the suggestion scorer on the accepted documents (``training/scorer_fit.py``); the refitted
    scorer is saved with the pipeline when it costs no dev keys."""

    #: an update of the scorer alone also re-chooses the per-type promotion thresholds on the folds of the
    #: decisions (``scorer_promotion``)
    promotion: bool = False
    #: ... and tries pulls weaker on the intercepts of sources and cue classes (``scorer_fit.INTERCEPT_PULLS``)
    intercepts: bool = False
    #: ... and the pulls by the prior's rows, when the base pipeline keeps their precision (``prior_precision``)
    prior_data: bool = False
    #: the strengths the folds choose among (None: ``scorer_fit.STRENGTHS``); the prior's weights are always tried
    strengths: tuple[float, ...] | None = None
    #: when the folds keep a refit (``scorer_folds.KEEP_RULES``): "gain", only when it saves keys beyond their
    #: noise; "no-loss", whenever it costs no keys and no attributed F1 (for one strength fixed beforehand)
    keep: str = "gain"


@dataclass(frozen=True)
class TrainingSettings:
    """How a training run is set up; a run that needs other settings makes a copy (``dataclasses.replace``)."""

    max_minutes: float = 45.0
    max_steps: int = 20000
    eval_every: int = 400
    #: stop after this many evaluations without a better dev score
    patience: int = 6
    batches: BatchSchedule = BatchSchedule()
    learn_rate: float = 0.001
    dropout: float = 0.1
    seed: int = 0
    #: also fine-tune the base model's ``ner`` on the accepted entity spans (``--entities``)
    entities: bool = False
    #: at the end, score every combination of the model's quotes with the rules' on dev and keep the best
    choose_linking: bool = True
    #: the span model: ``ner`` (a BILUO tagger with its own tok2vec, first in the pipeline),
    #: ``ner-shared`` (the same tagger right after the base model's ``tok2vec``, listening to it frozen),
    #: ``spancat`` (labels the candidates the parse proposes, listening to the base model's tok2vec), or
    #: ``frames`` (no span model: counts of which cue frames the team annotates, on top of the rules)
    design: str = "ner"
    #: ``ner``/``spancat``: after the linking is chosen, also learn cue frames on top of the pipeline
    #: (``--frames``; their threshold chosen on dev against the pipeline without them)
    frames: bool = False
    #: tok2vec weights ``--pretrain`` wrote (``training/pretrain.py``): the ``ner`` design's tagger
    #: starts from them instead of the base model's tok2vec
    init_tok2vec: Path | None = None
    #: ``ner``: a smaller own tok2vec than the base model's (None: the base model's shape)
    tok2vec: Tok2VecSize | None = None
    #: refit the suggestion scorer (``--team-scorer``); None (``--no-team-scorer``): the shipped weights
    team_scorer: ScorerRefit | None = ScorerRefit()


@dataclass
class TrainingStatus:
    """What the progress bar shows after each step (``dev`` only after an evaluation)."""

    step: int
    max_steps: int
    loss: float
    minutes: float
    dev: dict[str, float] | None = None
    best: float = 0.0
    best_step: int = 0


StatusCallback = Callable[[TrainingStatus], None]
#: hears of each finished pretraining pass: its number and the objective's loss per word
PassCallback = Callable[[int, float], None]


@dataclass(frozen=True)
class TrainingReport:
    """What a finished ``annotator train`` tells its caller (``meta.json`` in the folder says it too)."""

    output: Path
    train_documents: int
    dev_documents: int
    steps: int
    #: the step whose weights were kept (the best dev score of the model alone)
    best_step: int
    minutes: float
    design: str
    #: the kept weights' dev figures, the model alone: attributed_f, quote_f, resolved_f
    dev_scores: dict[str, float]
    #: how the model's quotes combine with the rules' (None when not chosen)
    linking: LinkingChoice | None = None
    #: with ``--entities``: dev entity F1 of the base ``ner`` (base_f) and of the kept weights (best_f)
    entities: dict[str, float] | None = None
    #: with ``--pretrain``: what pretraining did (``PretrainResult.to_dict``)
    pretraining: dict[str, float] | None = None
    #: the learned cue frames (``--design frames`` or ``--frames``): ``FramesResult.to_dict``
    frames: dict | None = None
    #: the suggestion scorer refitted on the training documents (``TeamScorerChoice.to_dict``; None: not tried)
    team_scorer: dict | None = None
