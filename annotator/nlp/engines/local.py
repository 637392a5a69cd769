"""The local engine: one output file on this machine, ``--n-process`` worker processes."""

from __future__ import annotations

from annotator.core.errors import UserError
from annotator.core.aside import RejectsFile
from annotator.core.store import JsonlStore
from annotator.nlp import pipeline
from annotator.nlp.engines.job import PrelabelJob, PrelabelReport, new_tasks


def run_local(job: PrelabelJob) -> PrelabelReport:
    """Pre-label every input not yet in ``job.output`` (a JSONL file, appended to)."""
    if job.scheduler or job.partitions:
        raise UserError("--scheduler and --partitions are options of --engine dask")
    nlp = pipeline.set_suggestions(pipeline.load_pipeline(job.model), job.suggestions)
    if job.on_progress is not None:
        job.on_progress(0)
    report = PrelabelReport()
    with JsonlStore(job.output) as store, RejectsFile(job.output) as rejects:
        todo = new_tasks(job, set(store.input_hashes), rejects.add, report)
        for task in pipeline.prelabel(nlp, todo, batch_size=job.batch_size, n_process=job.n_process):
            store.append_task(task)
            report.written += 1
            report.errors += bool(task.meta.get("prelabel_errors"))
            if job.on_progress is not None:
                job.on_progress(report.written + report.skipped)
        report.rejected, report.rejects = rejects.count, str(rejects.path)
        return report
