"""What every engine shares: the job it is given, the shape an engine has, and the new tasks of a job
(kept apart from the registry in ``__init__`` so the engines do not import the module that imports them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from annotator.core.hashing import adopt_known_hash
from annotator.core.records import Task
from annotator.core.sources import RejectHandler, read_tasks


@dataclass(frozen=True)
class PrelabelJob:
    """What to pre-label and where the records go; engines ignore the options that are not theirs."""

    inputs: list[str | Path]
    output: Path
    model: str | None = None
    batch_size: int = 32
    n_process: int = 1
    skip_invalid: bool = False
    scheduler: str | None = None
    partitions: int | None = None
    #: propose suggestions beside the pre-labels (``annotator_suggestions``)
    suggestions: bool = True
    #: called with 0 once the model is loaded, then with the documents done (written or skipped)
    on_progress: Callable[[int], None] | None = field(default=None, compare=False)
    #: hears of inputs read with a change (a supplied ``_input_hash`` that clashes, kept apart)
    on_notice: Callable[[str], None] | None = field(default=None, compare=False)


@dataclass
class PrelabelReport:
    """What a pre-labeling run did, in documents."""

    #: pre-labeled and written to the output
    written: int = 0
    #: already in the output (by input hash), so not pre-labeled again
    skipped: int = 0
    #: written with a component error (labelled in part; see ``meta.prelabel_errors``)
    errors: int = 0
    #: set aside by ``--skip-invalid``, into the file ``rejects``
    rejected: int = 0
    rejects: str = ""
    #: the part files a dask run wrote (0 for the local engine)
    parts: int = 0


class Engine(Protocol):
    def __call__(self, job: PrelabelJob) -> PrelabelReport:
        """Pre-label every input of ``job`` not yet in its output."""


def new_tasks(job: PrelabelJob, seen: set[int], on_invalid: RejectHandler | None,
              report: PrelabelReport) -> Iterator[Task]:
    """The inputs' tasks whose input hash is not in ``seen`` (nor met before), counting the skipped."""
    for _raw, task in read_tasks(job.inputs, on_invalid=on_invalid if job.skip_invalid else None,
                                 on_notice=job.on_notice):
        adopt_known_hash(task, seen)
        if task.input_hash in seen:
            report.skipped += 1
            continue
        seen.add(task.input_hash)
        yield task
