"""Where pre-labeling runs: a registry of engines behind one small interface.

``local`` runs on this machine (``--n-process`` worker processes), ``dask`` on a Dask cluster.
Adding an engine (Ray, say) is a module with a function of the ``Engine`` shape and a line here.
"""

from __future__ import annotations

from annotator.core.errors import UserError
from annotator.nlp.engines.job import Engine, PrelabelJob, PrelabelReport

__all__ = ["ENGINES", "Engine", "PrelabelJob", "PrelabelReport", "UnknownEngineError", "get_engine"]


class UnknownEngineError(UserError):
    """No engine of that name."""


def _local(job: PrelabelJob) -> PrelabelReport:
    from annotator.nlp.engines.local import run_local
    return run_local(job)


def _dask(job: PrelabelJob) -> PrelabelReport:
    try:
        from annotator.nlp.engines.dask_engine import run_dask
    except ImportError as err:
        if err.name not in ("dask", "distributed"):
            raise
        raise UserError("--engine dask needs Dask: pip install 'annotator[cluster]'") from None
    return run_dask(job)


#: Engine name → runner; each imports its dependencies only when used.
ENGINES: dict[str, Engine] = {
    "local": _local,
    "dask": _dask,
}


def get_engine(name: str) -> Engine:
    try:
        return ENGINES[name]
    except KeyError:
        raise UnknownEngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}") from None
