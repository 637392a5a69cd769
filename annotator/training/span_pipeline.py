"""The span model's pipeline for training: the base model with an untrained ``ner`` tagger (its own
tok2vec, first; or listening to the base model's shared tok2vec right after it, ``ner-shared``) or a
span classifier of the parse's candidates (``spancat``), and how each starts its weights."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Sequence

from spacy.language import Language
from spacy.training import Example
from thinc.api import Model

from annotator.core.errors import UserError
from annotator.nlp.learned_spans import (CANDIDATES, CANDIDATES_KEY, LEARNED_LABELS, LEARNED_SPANCAT, LEARNED_SPANS,
                                         LEARNED_TAGGER, SPANCAT_KEY)
from annotator.nlp.span_model import SPAN_CONTEXT_MODEL, SPAN_SCORER
from annotator.nlp.pipeline import COMPONENTS, add_components, load_model
from annotator.training.settings import SHARED_DESIGN, Tok2VecSize

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


def build_pipeline(base: str | None = None, design: str = "ner", size: Tok2VecSize | None = None) -> Language:
    """The base model with an untrained span model and our linking/resolution components: a ``ner``
    tagger first with its own tok2vec (``design="ner"``), the same tagger right after the base model's
    ``tok2vec`` listening to it (``design="ner-shared"``), or a span classifier of the parse's
    candidates after the base model (``design="spancat"``). ``size`` makes the ``ner`` design's own
    tok2vec smaller."""
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
    if size is not None:
        model["tok2vec"] = resized(model["tok2vec"], size)
    nlp.add_pipe("ner", name=LEARNED_TAGGER, first=True, config={"model": model})
    return add_components(nlp)


def resized(tok2vec: dict, size: Tok2VecSize) -> dict:
    """A ``spacy.Tok2Vec.v2`` config at ``size``'s width, depth and share of hash-embedding rows."""
    tok2vec = copy.deepcopy(tok2vec)
    embed, encode = tok2vec["embed"], tok2vec["encode"]
    if size.width is not None:
        embed["width"] = encode["width"] = size.width
    if size.depth is not None:
        encode["depth"] = size.depth
    embed["rows"] = [max(50, int(rows * size.rows)) for rows in embed["rows"]]
    return tok2vec


def _copy_matching(target: Model, source: Model) -> None:
    """Start ``target`` (a tok2vec) from ``source``'s weights where their shapes agree: the whole model, or
    else the embedding and as many of the encoder's first layers as both have."""
    try:
        target.from_bytes(source.to_bytes())
        return
    except ValueError:
        pass
    try:
        target.layers[0].from_bytes(source.layers[0].to_bytes())
    except ValueError:
        return  # another width or other rows: the tagger's tok2vec starts from scratch
    layers = [[node for node in model.walk() if node.name.startswith("residual(") and ">>residual(" not in node.name]
              for model in (target, source)]  # (one encoder layer each, not their chain)
    for mine, theirs in zip(*layers, strict=False):  # (the shallower of the two decides)
        mine.from_bytes(theirs.to_bytes())


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
    _copy_matching(target, source)


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
