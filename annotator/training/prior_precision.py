"""What the prior scorer's own training rows said, kept as a precision matrix (issue 19): the curvature
of the prior's log loss over its rows at its weights, ``Σ p(1 - p) x xᵀ`` (the Laplace approximation of
those rows' likelihood). A refit that pulls the weights towards the prior by this matrix
(``PriorData``) is, to second order, a fit on the team's rows pooled with the prior's rows, without
the rows: features the prior saw often hardly move, features it saw rarely follow the team, and
features that move together are pulled together. ``scale`` weighs the prior's rows against the
team's (0.3: each team row counts as three of the prior's). Names and numbers only: no text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from annotator.core.atomic import AtomicFile

#: The two models of a scorer table, as ``scorer_fit`` refits them.
KEYS = ("weights", "promote_weights")
#: Pull towards the prior weights besides the matrix (per weight, in examples' worth): a feature the
#: prior's rows never showed is pulled this much, as the prior fit's own regularisation did.
RIDGE = 1.0
#: The file a pipeline folder keeps its scorer's precision in (beside ``config.cfg``), read by ``beside``.
PRECISION_FILE = "scorer_precision.npz"
#: The scales a refit tries (``pulls``): the prior's rows as many as the team's, and a third as many.
SCALES = (1.0, 0.3)
#: Candidates at a time the matrix is summed over (memory: candidates × features).
CHUNK = 2000


@dataclass(frozen=True, eq=False)
class PriorPrecision:
    """Per model (``KEYS``), the precision matrix over ``names``."""

    names: tuple[str, ...]
    matrices: Mapping[str, np.ndarray]

    def pull(self, key: str, names: Sequence[str], scale: float, *, diagonal: bool = False) -> np.ndarray:
        """``scale`` × the matrix of model ``key`` over ``names`` (a name it lacks: none), plus ``RIDGE``."""
        index = {n: i for i, n in enumerate(self.names)}
        known = [(j, index[n]) for j, n in enumerate(names) if n in index]
        out = np.zeros((len(names), len(names)))
        if known:
            mine, theirs = (np.array(k) for k in zip(*known, strict=True))
            out[np.ix_(mine, mine)] = self.matrices[key][np.ix_(theirs, theirs)]
        if diagonal:
            out = np.diag(np.diag(out))
        return scale * out + RIDGE * np.eye(len(names))

    def save(self, path: Path) -> None:
        """Write to ``path`` whole or not at all (a stopped run leaves the older file in place)."""
        buffer = io.BytesIO()
        np.savez_compressed(buffer, names=np.array(self.names), **{k: self.matrices[k].astype(np.float32)
                                                                   for k in KEYS})
        with AtomicFile(path) as out:
            out.write(buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> PriorPrecision:
        with np.load(path, allow_pickle=False) as data:
            return cls(tuple(str(n) for n in data["names"]), {k: data[k].astype(float) for k in KEYS})


@dataclass(frozen=True, eq=False)
class PriorData:
    """A refit's pull: the prior's rows, as ``precision``, weighed ``scale`` against the team's (in
    ``scorer_fit.refit``'s ``strengths``, beside the plain strengths)."""

    scale: float
    precision: PriorPrecision
    diagonal: bool = False

    @property
    def label(self) -> str:
        return f"data{'-diagonal' if self.diagonal else ''}×{self.scale:g}"

    def pull(self, key: str, names: Sequence[str]) -> np.ndarray:
        return self.precision.pull(key, names, self.scale, diagonal=self.diagonal)


def beside(nlp) -> PriorPrecision | None:
    """The precision saved in the folder ``nlp`` was loaded from (``PRECISION_FILE``), if any."""
    folder = getattr(nlp, "path", None)
    path = Path(folder) / PRECISION_FILE if folder is not None else None
    return PriorPrecision.load(path) if path is not None and path.is_file() else None


def pulls(precision: PriorPrecision | None, scales: Sequence[float] = SCALES) -> tuple[PriorData, ...]:
    """The pulls a refit tries besides the plain strengths: none without a precision."""
    return tuple(PriorData(scale, precision) for scale in scales) if precision is not None else ()


def precision_of(rows: Sequence[Mapping[str, float]], tables: Mapping[str, Mapping[str, float]]) -> PriorPrecision:
    """The precision of each model of ``tables`` (``KEYS`` → weights by name, as fitted: any promotion
    shift taken out) over the feature rows it was fitted on, ``rows`` (each a candidate's named features)."""
    from annotator.training.scorer_fit import weighted_gram

    names = tuple(sorted({n for row in rows for n in row}))
    index = {n: i for i, n in enumerate(names)}
    weights = {k: np.array([tables[k].get(n, 0.0) for n in names]) for k in KEYS}
    matrices = {k: np.zeros((len(names), len(names))) for k in KEYS}
    for start in range(0, len(rows), CHUNK):
        x = np.zeros((len(rows[start:start + CHUNK]), len(names)))
        for i, row in enumerate(rows[start:start + CHUNK]):
            x[i, [index[n] for n in row]] = list(row.values())
        for key in KEYS:
            p = 1.0 / (1.0 + np.exp(-(x @ weights[key])))
            matrices[key] += weighted_gram(x, p * (1.0 - p))
    return PriorPrecision(names, matrices)
