"""The Dask engine: documents travel to the workers in partitions, each written back as one part file.

The model and our components are loaded once per worker (a worker plugin). The client writes each
finished partition to ``OUT/.part-NNNNN.jsonl.tmp`` and renames it to ``OUT/part-NNNNN.jsonl``, so
a part file is either complete or absent: a partition retried after a worker died is written once,
and a run that stops keeps every finished part (the next run skips their inputs).
"""

from __future__ import annotations

import fcntl
import json
import math
import os
import re
import threading
import uuid
from pathlib import Path

import distributed
from distributed import WorkerPlugin

from annotator.core.errors import UserError
from annotator.core.invariants import check_task
from annotator.core.records import Task
from annotator.core.sources import InputError
from annotator.core.aside import RejectsFile
from annotator.core.store import JsonlStore, StoreLockedError
from annotator.nlp import pipeline
from annotator.nlp.engines.job import PrelabelJob, PrelabelReport, new_tasks

PART_NAME = re.compile(r"^part-(\d{5,})\.jsonl$")
STALE_PART = re.compile(r"^\.part-\d{5,}\.jsonl\.tmp$")
#: A partition that raised (not one whose worker died: the scheduler retries those itself).
RETRIES = 2
#: Documents per partition when --partitions is not given (large enough to amortise a task).
DEFAULT_PARTITION_SIZE = 2000


class ClusterError(UserError):
    """The cluster could not be reached, or partitions failed on it."""


class PipelineOnWorker(WorkerPlugin):
    """A worker plugin: the pipeline, loaded once when the worker starts (or joins later)."""

    def __init__(self, model: str | None, suggestions: bool = True) -> None:
        self.model = model
        self.suggestions = suggestions
        self.name = f"annotator-pipeline:{model or 'default'}" + ("" if suggestions else ":no-suggestions")
        self.nlp = None
        self.lock = None

    def setup(self, worker) -> None:
        self.nlp = pipeline.set_suggestions(pipeline.load_pipeline(self.model), self.suggestions)
        # A worker started with several threads must not run one pipeline twice at once.
        self.lock = threading.Lock()

    def teardown(self, worker) -> None:
        self.nlp = None

    def __getstate__(self) -> dict:
        return {"model": self.model, "name": self.name, "suggestions": self.suggestions}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["model"], state.get("suggestions", True))


def prelabel_partition(tasks: list[Task], batch_size: int, plugin_name: str) -> list[Task]:
    """Runs on a worker: pre-label one partition with the worker's pipeline."""
    plugin = distributed.get_worker().plugins[plugin_name]
    done: list[Task] = []
    with plugin.lock:
        for start in range(0, len(tasks), batch_size):
            done.extend(pipeline.prelabel_batch(plugin.nlp, tasks[start:start + batch_size]))
    return done


def run_dask(job: PrelabelJob, *, client=None) -> PrelabelReport:
    """Pre-label every input not yet in a part file of the folder ``job.output``.

    ``client`` is an existing ``distributed.Client``; without one, the engine connects to
    ``job.scheduler`` or starts a ``LocalCluster`` of ``job.n_process`` single-thread workers.
    """
    folder = _output_folder(job.output)
    with _FolderLock(folder), RejectsFile(folder) as rejects:
        _remove_stale_parts(folder)
        seen, next_index = _existing_parts(folder)
        report = PrelabelReport()
        todo = list(new_tasks(job, seen, rejects.add, report))
        report.rejected, report.rejects = rejects.count, str(rejects.path)
        if not todo:
            if job.on_progress is not None:
                job.on_progress(0)
            return report
        own_cluster = None
        if client is None:
            client, own_cluster = _connect(job)
        try:
            plugin = PipelineOnWorker(job.model, job.suggestions)
            try:
                client.register_plugin(plugin, name=plugin.name)
            except UserError:
                raise
            except Exception as err:  # noqa: BLE001 - e.g. the model is missing on a worker
                raise ClusterError(f"the workers could not load the pipeline: {err}") from None
            if job.on_progress is not None:
                job.on_progress(0)
            report.parts, failed = _run_partitions(client, plugin, job, todo, folder, next_index, report)
        finally:
            if own_cluster is not None:
                client.close()
                own_cluster.close()
        if failed:
            raise ClusterError(
                f"{folder}: {len(failed)} partition(s) failed ({failed[0]}); the {report.written} "
                "records of the finished parts are kept; run the same command again to retry the rest")
        return report


def _run_partitions(client, plugin: PipelineOnWorker, job: PrelabelJob, todo: list[Task],
                    folder: Path, next_index: int, report: PrelabelReport) -> tuple[int, list[str]]:
    """Run the partitions, writing each part as it finishes; returns the number run and the failures."""
    bounds = _partition_bounds(len(todo), _partition_count(job, len(todo), client))
    run_id = uuid.uuid4().hex[:8]
    # Keep a few partitions per worker in flight, not the whole corpus in the scheduler's memory.
    window = max(2, 2 * max(1, len(client.scheduler_info().get("workers", {}))))
    pending = iter(enumerate(bounds))
    futures = distributed.as_completed()
    index_of = {}

    def submit_next() -> None:
        for number, (start, end) in pending:
            future = client.submit(prelabel_partition, todo[start:end], job.batch_size, plugin.name,
                                   key=f"annotator-prelabel-{run_id}-{number}", retries=RETRIES, pure=False)
            index_of[future.key] = next_index + number
            futures.add(future)
            return

    for _ in range(window):
        submit_next()
    failed: list[str] = []
    for future in futures:
        try:
            tasks = future.result()
        except Exception as err:  # noqa: BLE001 - reported once all other partitions are written
            failed.append(f"part-{index_of[future.key]:05d}: {type(err).__name__}: {err}")
        else:
            write_part(folder, index_of[future.key], tasks)
            report.written += len(tasks)
            report.errors += sum(bool(t.meta.get("prelabel_errors")) for t in tasks)
            if job.on_progress is not None:
                job.on_progress(report.written + report.skipped)
        future.release()
        submit_next()
    return len(bounds), failed


def write_part(folder: Path, index: int, tasks: list[Task]) -> Path:
    """Write one part file whole: to a hidden temporary name, fsynced, then renamed into place."""
    final = folder / f"part-{index:05d}.jsonl"
    temporary = folder / f".part-{index:05d}.jsonl.tmp"
    with open(temporary, "wb") as stream:
        for task in tasks:
            check_task(task)
            line = json.dumps(task.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
            stream.write(line.encode("utf-8"))
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, final)
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return final


def _connect(job: PrelabelJob):
    if job.scheduler:
        try:
            return distributed.Client(job.scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"no Dask scheduler answered at {job.scheduler}: {err}") from None
    cluster = distributed.LocalCluster(n_workers=job.n_process, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    return distributed.Client(cluster), cluster


def _partition_count(job: PrelabelJob, documents: int, client) -> int:
    if job.partitions:
        return min(job.partitions, documents)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return min(documents, max(2 * workers, math.ceil(documents / DEFAULT_PARTITION_SIZE)))


def _partition_bounds(documents: int, count: int) -> list[tuple[int, int]]:
    """``count`` contiguous slices of near-equal size, in input order."""
    size, extra = divmod(documents, count)
    bounds, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        bounds.append((start, end))
        start = end
    return bounds


def _output_folder(output: Path) -> Path:
    if str(output) == "-" or output.is_file():
        raise InputError(str(output), None, "with --engine dask the output is a folder of part files; "
                         "give a folder name with -o")
    if not output.parent.exists():
        raise InputError(str(output), None, f"the folder {output.parent} does not exist")
    output.mkdir(exist_ok=True)
    return output


def _remove_stale_parts(folder: Path) -> None:
    """Temporary part files of a run that stopped; their partitions were never counted as done."""
    for path in folder.iterdir():
        if STALE_PART.match(path.name):
            path.unlink()


def _existing_parts(folder: Path) -> tuple[set[int], int]:
    """The input hashes already written, and the number the next part file takes."""
    seen: set[int] = set()
    last = -1
    for path in sorted(folder.iterdir()):
        match = PART_NAME.match(path.name)
        if match is None:
            continue
        last = max(last, int(match.group(1)))
        with JsonlStore(path) as part:
            seen.update(part.input_hashes)
    return seen, last + 1


class _FolderLock:
    """One run writes into a folder at a time."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".lock"

    def __enter__(self) -> _FolderLock:
        self._file = open(self.path, "a")
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            raise StoreLockedError(f"{self.path.parent}: another annotator prelabel is writing into this "
                                   "folder; wait for it or choose another output folder") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()
