"""Splitting by document into train/dev/test with a fixed seed, and naming the split files.

Every decision on one input goes to the same split (so two annotators' versions of a document
never end up on both sides). With ``--split 0.8,0.1,0.1 -o data/quotes.spacy`` the files are
``data/quotes.train.spacy``, ``data/quotes.dev.spacy`` and ``data/quotes.test.spacy``.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Sequence

from annotator.core.errors import UserError

SPLIT_NAMES = ("train", "dev", "test")
#: The one "split" of an export without --split.
ALL = "all"


class SplitError(UserError):
    """The --split option does not describe two or three fractions that add up to 1."""


def parse_split(text: str) -> tuple[float, ...]:
    """``"0.8,0.1,0.1"`` → ``(0.8, 0.1, 0.1)``: two or three non-negative fractions summing to 1."""
    try:
        fractions = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise SplitError(f"--split {text!r}: give two or three fractions like 0.8,0.1,0.1") from None
    if not 2 <= len(fractions) <= len(SPLIT_NAMES):
        raise SplitError(f"--split {text!r}: give two (train,dev) or three (train,dev,test) fractions")
    if any(not math.isfinite(f) or f < 0 for f in fractions):
        raise SplitError(f"--split {text!r}: fractions must be between 0 and 1")
    if not math.isclose(sum(fractions), 1.0, abs_tol=1e-6):
        raise SplitError(f"--split {text!r}: the fractions add up to {sum(fractions):g}, not 1")
    return fractions


def split_names(fractions: Sequence[float]) -> tuple[str, ...]:
    return SPLIT_NAMES[: len(fractions)]


def split_path(output: str | Path, name: str) -> Path:
    """``quotes.spacy`` → ``quotes.train.spacy``; a name without a suffix gets ``.train`` appended."""
    output = Path(output)
    if output.suffix:
        return output.with_name(f"{output.name[: -len(output.suffix)]}.{name}{output.suffix}")
    return output.with_name(f"{output.name}.{name}")


def assign_splits(documents: Sequence[int], fractions: Sequence[float], seed: int) -> dict[int, str]:
    """Input hash → split name: a seeded shuffle of the sorted hashes cut at the fractions.

    Sizes are rounded by largest remainder, so they add up to the number of documents and the
    same documents and seed always give the same split, whatever order the files were in.
    """
    ordered = sorted(set(documents))
    random.Random(seed).shuffle(ordered)
    total = len(ordered)
    exact = [f * total for f in fractions]
    sizes = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - sizes[i]), i))
    for i in by_remainder[: total - sum(sizes)]:
        sizes[i] += 1
    names = split_names(fractions)
    assignment: dict[int, str] = {}
    position = 0
    for name, size in zip(names, sizes, strict=True):
        for hash_ in ordered[position:position + size]:
            assignment[hash_] = name
        position += size
    return assignment
