"""The local engine: one output file on this machine, ``--n-process`` worker processes."""

from __future__ import annotations

from typing import Iterator

from annotator.core.errors import UserError
from annotator.core.records import Task, adopt_known_hash
from annotator.core.sources import read_tasks
from annotator.core.store import JsonlStore, RejectsFile
from annotator.nlp import pipeline
from annotator.nlp.engines import PrelabelJob


def run_local(job: PrelabelJob) -> dict[str, object]:
    """Pre-label every input not yet in ``job.output`` (a JSONL file, appended to)."""
    if job.scheduler or job.partitions:
        raise UserError("--scheduler and --partitions are options of --engine dask")
    nlp = pipeline.load_pipeline(job.model)
    if job.on_progress is not None:
        job.on_progress(0)
    counts = {"written": 0, "skipped": 0, "errors": 0}
    with JsonlStore(job.output) as store, RejectsFile(job.output) as rejects:
        def todo() -> Iterator[Task]:
            seen = set(store.input_hashes)
            for _raw, task in read_tasks(job.inputs, on_invalid=rejects.add if job.skip_invalid else None,
                                         on_notice=job.on_notice):
                adopt_known_hash(task, seen)
                if task.input_hash in seen:
                    counts["skipped"] += 1
                    continue
                seen.add(task.input_hash)
                yield task

        for task in pipeline.prelabel(nlp, todo(), batch_size=job.batch_size, n_process=job.n_process):
            store.append_task(task)
            counts["written"] += 1
            counts["errors"] += bool(task.meta.get("prelabel_errors"))
            if job.on_progress is not None:
                job.on_progress(counts["written"] + counts["skipped"])
        return {**counts, "rejected": rejects.count, "rejects": str(rejects.path)}
