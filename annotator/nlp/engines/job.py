"""What every engine shares: the job it is given, the shape an engine has, and the new tasks of a job
(kept apart from the registry in ``__init__`` so the engines do not import the module that imports them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from annotator.core.records import Task, adopt_known_hash
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
    #: called with 0 once the model is loaded, then with the documents done (written or skipped)
    on_progress: Callable[[int], None] | None = field(default=None, compare=False)
    #: hears of inputs read with a change (a supplied ``_input_hash`` that clashes, kept apart)
    on_notice: Callable[[str], None] | None = field(default=None, compare=False)


class Engine(Protocol):
    def __call__(self, job: PrelabelJob) -> dict[str, object]:
        """Pre-label every input of ``job`` not yet in its output; return the counts of written,
        skipped, errors (documents a component failed on), rejected, and the rejects path."""


def new_tasks(job: PrelabelJob, seen: set[int], on_invalid: RejectHandler | None,
              counts: dict[str, int]) -> Iterator[Task]:
    """The inputs' tasks whose input hash is not in ``seen`` (nor met before), counting the skipped."""
    for _raw, task in read_tasks(job.inputs, on_invalid=on_invalid if job.skip_invalid else None,
                                 on_notice=job.on_notice):
        adopt_known_hash(task, seen)
        if task.input_hash in seen:
            counts["skipped"] += 1
            continue
        seen.add(task.input_hash)
        yield task
