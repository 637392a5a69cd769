"""Which of our labels a brat type becomes: PolNeAR's by default, laid over by ``--labels``."""

from __future__ import annotations

from annotator.core.errors import UserError
from annotator.core.records import CUE, QUOTE, SPEAKER

#: brat type → our label; None drops the type. ``--labels`` entries are laid over these.
DEFAULT_LABELS: dict[str, str | None] = {
    "Content": QUOTE, "Source": SPEAKER, "Cue": CUE,
    # PolNeAR's review marks (a span to discuss or to throw away), not entities.
    "Discard": None, "Discuss": None,
}


class LabelMappingError(UserError):
    """``--labels`` is not a list of ``TYPE=LABEL`` pairs."""


def parse_labels(spec: str | None) -> dict[str, str | None]:
    """``"Content=QUOTE,Person=PERSON,Discuss="`` laid over ``DEFAULT_LABELS`` (empty drops a type)."""
    labels = dict(DEFAULT_LABELS)
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        kind, sep, label = item.partition("=")
        if not sep or not kind.strip():
            raise LabelMappingError(f"--labels {item.strip()!r}: write TYPE=LABEL (TYPE= leaves the type out)")
        labels[kind.strip()] = label.strip() or None
    return labels
