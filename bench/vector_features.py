"""The base model's contextual vectors as a suggestion's features: ``doc.tensor`` (what the model's
own ``tok2vec`` writes, one row per token) read at the cue's root, the content's head and the
speaker's root (``vector_features``): ``vec-cue-0`` … ``vec-speaker-95``, values only, no word.
A part that is there gives a flag too (``vec-cue``: 1), which carries the fit's centring of its
vectors; a part that is absent gives no feature (its weights count 0). They mean something only under the
pipeline whose vectors the weights were fitted on: ``tensor_identity`` names it (the tok2vec's width
and the pipeline's name and version), and a scorer reads them only when that matches (the shipped
one reads them stacked on its models: ``annotator/nlp/suggest/vectors.py``, docs/prelabel.md "Session 28")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from annotator.nlp.suggest.vectors import has_vectors, tensor_identity  # (the scorer's, stacked: suggest/vectors.py)

#: The parts whose vectors are read, in order: a suggestion's cue, content and speaker.
PARTS = ("cue", "head", "speaker")
#: The widest tensor named: the features of a part are ``vec-PART-0`` … (as wide as the tensor).
_WIDEST = 1024
NAMES = {part: [f"vec-{part}-{k}" for k in range(_WIDEST)] for part in PARTS}


def vector_features(doc: Doc, quote: Span, cue: Span | None, speaker: Span | None) -> dict[str, float]:
    """The vectors of ``doc.tensor`` at the cue's root, the content's head and the speaker's root,
    each part with its flag (the caller checks ``has_vectors``)."""
    out: dict[str, float] = {}
    for part, span in zip(PARTS, (cue, quote, speaker), strict=True):
        if span is None:
            continue
        out[f"vec-{part}"] = 1.0
        out.update(zip(NAMES[part], doc.tensor[span.root.i].tolist(), strict=False))  # (as wide as the tensor)
    return out


__all__ = ["NAMES", "PARTS", "has_vectors", "tensor_identity", "vector_features"]
