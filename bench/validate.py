"""Benchmark ``annotator validate`` against a plain ``json.loads`` pass over the same file, in one run.

Generates a large JSONL file of realistic records: the seed article pre-labeled by our pipeline
(tokens, entities, quotes, speakers, cues, relations), repeated with a few words scrambled in each
copy (so every record has its own text and hashes), written the way the store writes them, about
a third as tasks and the rest as decisions by three annotators. Then prints MB/s for

- ``json.loads``: read every line and parse it, nothing else (the floor any reader pays);
- ``validate``: ``validate_file``, what ``annotator validate FILE`` runs (target >= 50 MB/s);
- ``validate --deep``: the same plus the cross-record checks,

and each one's time as a multiple of the ``json.loads`` pass (wall clock; MB per CPU second
beside it, the fairer figure when other work shares the machine). Nothing is downloaded; the file is
kept for the next run with ``--keep`` (it is rebuilt when its size is not the one asked for).

    nice .venv/bin/python bench/validate.py [--mb 300] [--path /tmp/annotator-bench-validate.jsonl] [--keep]
                                            [--repeat N] [--no-deep]
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
# The annotator of this checkout, not the one the venv has installed (as the other benchmarks do).
sys.path.insert(0, str(ROOT))
SEED = next((ROOT / "seeds").glob("*.txt"))
ANNOTATORS = ("alice", "bob", "chen")


def prelabeled_seed() -> dict[str, Any]:
    """The seed article as ``annotator prelabel`` writes it."""
    from annotator.core.records import Task
    from annotator.nlp.pipeline import load_pipeline, prelabel

    nlp = load_pipeline()
    (task,) = prelabel(nlp, [Task(text=SEED.read_text("utf-8"), meta={"source": SEED.name})])
    return task.to_dict()


def varied(template: dict[str, Any], rng: random.Random, words: list[int]) -> dict[str, Any]:
    """A copy with five words scrambled (same lengths, so every offset still holds) and fresh hashes."""
    from annotator.core.hashing import input_hash, task_hash

    chars = list(template["text"])
    for index in rng.sample(words, 5):
        token = template["tokens"][index]
        letters = rng.choices(string.ascii_lowercase, k=token["end"] - token["start"])
        chars[token["start"]:token["end"]] = letters
    text = "".join(chars)
    record = json.loads(json.dumps(template))
    record["text"] = text
    for token in record["tokens"]:
        token["text"] = text[token["start"]:token["end"]]
    spans = record["spans"] + [r[end] for r in record["relations"] for end in ("head_span", "child_span")]
    for span in spans:
        if "text" in span:
            span["text"] = text[span["start"]:span["end"]]
    record["_input_hash"] = input_hash(text)
    record["_task_hash"] = task_hash(record["_input_hash"], {"spans": record["spans"]})
    return record


def generate(path: Path, megabytes: float) -> int:
    """Write records until the file holds ``megabytes``; returns how many."""
    template = prelabeled_seed()
    words = [t["id"] for t in template["tokens"] if t["text"].isalpha() and len(t["text"]) >= 4]
    rng = random.Random(13)
    target = int(megabytes * 1e6)
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            record = varied(template, rng, words)
            if count % 3:
                who = ANNOTATORS[count % len(ANNOTATORS)]
                record.update(answer="accept" if count % 7 else "reject", _annotator_id=who,
                              _session_id=f"{who}-1", _timestamp=1_700_000_000 + count)
            # As the store writes: compact, UTF-8, no NaN.
            line = json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def json_loads_pass(path: Path) -> int:
    lines = 0
    with path.open("rb") as stream:
        for line in stream:
            json.loads(line)
            lines += 1
    return lines


def validate_pass(path: Path, *, deep: bool = False) -> int:
    from annotator.core.validation import validate_file

    report = validate_file(path, deep=deep)
    if not report.ok:
        raise SystemExit(f"the generated file should be valid: {report.problems[:3]}")
    return report.records


def timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds: on a shared machine the CPU time is the fairer figure."""
    start, cpu = time.perf_counter(), time.process_time()
    lines = run()
    return time.perf_counter() - start, time.process_time() - cpu, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=300, help="Size of the generated file in MB (default 300).")
    parser.add_argument("--path", type=Path, default=Path("/tmp/annotator-bench-validate.jsonl"))
    parser.add_argument("--keep", action="store_true", help="Keep the file (and reuse one of the same size).")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each pass; the fastest counts.")
    parser.add_argument("--no-deep", action="store_true", help="Leave out --deep (about ten times slower).")
    args = parser.parse_args()

    size = args.path.stat().st_size if args.path.exists() else 0
    if not (args.keep and abs(size - args.mb * 1e6) < 1e6):
        start = time.perf_counter()
        records = generate(args.path, args.mb)
        size = args.path.stat().st_size
        print(f"generated {records:,} records, {size / 1e6:.0f} MB, in {time.perf_counter() - start:.0f} s "
              f"({args.path})")
    else:
        print(f"reusing {args.path} ({size / 1e6:.0f} MB)")
    try:
        passes = {"json.loads": lambda: json_loads_pass(args.path),
                  "validate": lambda: validate_pass(args.path),
                  "validate --deep": lambda: validate_pass(args.path, deep=True)}
        if args.no_deep:
            del passes["validate --deep"]
        print(f"{'pass':<16} {'lines':>8} {'seconds':>8} {'MB/s':>7} {'CPU s':>7} {'MB/CPU s':>9} "
              f"{'x json.loads':>13}")
        floor = None
        for name, run in passes.items():
            seconds, cpu, lines = min(timed(run) for _ in range(args.repeat))
            floor = floor or seconds
            print(f"{name:<16} {lines:>8,} {seconds:>8.1f} {size / 1e6 / seconds:>7.1f} {cpu:>7.1f} "
                  f"{size / 1e6 / cpu:>9.1f} {seconds / floor:>13.2f}", flush=True)
    finally:
        if not args.keep:
            args.path.unlink()


if __name__ == "__main__":
    main()
