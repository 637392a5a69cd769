"""Pre-labeling throughput: local (1 process, --n-process 2) against Dask (1 and 2 workers), in one run.

    nice .venv/bin/python bench/cluster.py CORPUS_DIR [--limit N] [--partitions N] [--model NAME]

CORPUS_DIR is PolNeAR's checkout (its ``data/train/text`` is read) or any folder of .txt files.
Each engine pre-labels the same documents into a fresh output under a temporary folder (nothing
is written in the repository); the clock starts once the model is loaded (for Dask: on every
worker) and stops when the last record is written. Prints documents per second and the ratios;
the goal on a 2-core machine is Dask with 2 workers >= 1.6x Dask with 1. Without the corpus it
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.nlp.engines import PrelabelJob, get_engine  # noqa: E402

RUNS = (  # label, engine, processes or workers
    ("local, 1 process", "local", 1),
    ("local, --n-process 2", "local", 2),
    ("dask, 1 worker", "dask", 1),
    ("dask, 2 workers", "dask", 2),
)


def text_folder(corpus: Path) -> Path | None:
    for candidate in (corpus / "data" / "train" / "text", corpus / "train" / "text", corpus / "text", corpus):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def timed(job_of, engine: str) -> tuple[int, float]:
    started: list[float] = []
    done = [0]

    def progress(count: int) -> None:
        if count == 0 and not started:
            started.append(time.perf_counter())
        done[0] = count

    summary = get_engine(engine)(job_of(progress))
    return summary.written, time.perf_counter() - started[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="documents (the first, in name order)")
    parser.add_argument("--partitions", type=int, default=12, help="Dask partitions, the same for every run")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    folder = text_folder(args.corpus)
    if folder is None:
        print(f"no corpus at {args.corpus} (a folder of .txt files or PolNeAR's checkout); skipped")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:args.limit]]
    print(f"{len(texts)} documents from {folder}, {sum(len(t.split()) for t in texts):,} words; "
          f"{os.cpu_count()} CPUs")
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="annotator-bench-cluster-") as scratch:
        source = Path(scratch) / "documents.jsonl"
        source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        for number, (label, engine, processes) in enumerate(RUNS):
            output = Path(scratch) / (f"out-{number}.jsonl" if engine == "local" else f"out-{number}")

            def job_of(progress, output=output, processes=processes, engine=engine):
                return PrelabelJob(inputs=[source], output=output, model=args.model, batch_size=args.batch_size,
                                   n_process=processes, on_progress=progress,
                                   partitions=args.partitions if engine == "dask" else None)

            written, seconds = timed(job_of, engine)
            rates[label] = written / seconds
            print(f"{label:24} {written:5d} docs in {seconds:6.1f} s = {rates[label]:6.1f} docs/s", flush=True)
    base = rates["local, 1 process"]
    print("ratios:")
    print(f"  local --n-process 2 / local 1 process  {rates['local, --n-process 2'] / base:.2f}x")
    print(f"  dask 1 worker / local 1 process        {rates['dask, 1 worker'] / base:.2f}x")
    print(f"  dask 2 workers / dask 1 worker         {rates['dask, 2 workers'] / rates['dask, 1 worker']:.2f}x"
          "  (goal >= 1.6x on 2 cores)")
    print(f"  dask 2 workers / local --n-process 2   {rates['dask, 2 workers'] / rates['local, --n-process 2']:.2f}x")


if __name__ == "__main__":
    main()
