"""Benchmark of the terminal annotator: time to the first document and keypress latency.

1. Start to first document on screen for 100,000 pre-labeled tasks against 100 (targets: under
   1 s, and at most the 100-task time + 20%), each in a fresh process, with its resident memory.
2. Keypress-to-repaint latency with Pilot on a 10,000-token document (target: p95 under 50 ms),
   measured from the key press to the end of the first screen update after it.

    .venv/bin/python bench/tui.py [--tasks 100000] [--presses 200]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Textual and the annotator are imported

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_PRELABELED = ROOT / "tests" / "tui" / "data" / "seed_prelabeled.jsonl"
SIZE = (120, 40)


def small_task_line() -> str:
    """One short pre-labeled task (a sentence of the seed) as a JSON template with {id} slots."""
    from annotator.core.records import Task

    seed = Task.from_dict(json.loads(SEED_PRELABELED.read_text(encoding="utf-8")))
    end = seed.text.index("\n\n")  # the first paragraph
    tokens = [t for t in seed.tokens if t.end <= end]
    spans = [s for s in seed.spans if s.end <= end]
    keys = {s.key for s in spans}
    relations = [r for r in seed.relations if r.head_span.key in keys and r.child_span.key in keys]
    task = Task(text=seed.text[:end], tokens=tokens, spans=spans, relations=relations)
    record = task.to_dict()
    record["meta"] = {"id": "ID"}
    record["_input_hash"] = 0
    return json.dumps(record).replace('"ID"', '"doc-{i}"').replace('"_input_hash": 0', '"_input_hash": {i}')


def write_tasks(path: Path, count: int) -> None:
    template = small_task_line().replace("{", "{{").replace("}", "}}")
    template = template.replace("{{i}}", "{i}")
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(template.format(i=i + 1) + "\n")


async def first_document(source: str, output: str) -> dict:
    from annotator.tui.app import create_app

    app = create_app([source], output, annotator="bench")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        while getattr(screen, "session", None) is None or screen.session.current is None:
            await asyncio.sleep(0.001)
            screen = app.screen
        await pilot.pause()  # the screen update that draws it
        seconds = time.perf_counter() - STARTED
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        await pilot.press("q")
    return {"seconds": seconds, "rss_mb": rss_mb}


def long_document(target_tokens: int = 10_000) -> dict:
    """The seed repeated until it has ``target_tokens`` tokens, spans and relations shifted along."""
    from annotator.core.records import Relation, Task

    seed = Task.from_dict(json.loads(SEED_PRELABELED.read_text(encoding="utf-8")))
    copies = -(-target_tokens // len(seed.tokens))
    text, tokens, spans, relations = "", [], [], []
    for copy in range(copies):
        offset, first = len(text), len(tokens)

        def shift(span, offset=offset, first=first):
            return span.replace(start=span.start + offset, end=span.end + offset,
                                token_start=span.token_start + first, token_end=span.token_end + first)

        tokens += [t.__class__(t.text, t.start + offset, t.end + offset, t.id + first, t.ws) for t in seed.tokens]
        spans += [shift(s) for s in seed.spans]
        relations += [Relation(shift(r.head_span), shift(r.child_span), r.label) for r in seed.relations]
        text += seed.text + "\n\n"
    return Task(text=text, tokens=tokens, spans=spans, relations=relations, meta={"id": "long"}).to_dict()


async def keypress_latency(presses: int) -> dict:
    from annotator.tui.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "long.jsonl"
        document = long_document()
        source.write_text(json.dumps(document) + "\n", encoding="utf-8")
        app = create_app([str(source)], Path(tmp) / "out.jsonl", annotator="bench")
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            refreshes: list[float] = []
            original = screen._compositor_refresh

            def timed_refresh() -> None:
                original()
                refreshes.append(time.perf_counter())

            screen._compositor_refresh = timed_refresh
            # Moving focus through spans (the most frequent key), moving a span's edge and undoing.
            keys = (["tab"] * 6 + ["k", "j", "right_curly_bracket", "u"]) * (presses // 10 + 1)
            latencies = []
            for key in keys[:presses]:
                before = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                after = [t for t in refreshes if t > before]
                if after:
                    latencies.append(after[0] - before)
            await pilot.press("q")
    latencies.sort()
    return {
        "tokens": len(document["tokens"]),
        "spans": len(document["spans"]),
        "presses": len(latencies),
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95) - 1],
        "max_ms": 1000 * latencies[-1],
    }


def run_first_document(count: int, tmp: Path) -> dict:
    source = tmp / f"tasks-{count}.jsonl"
    write_tasks(source, count)
    output = tmp / f"out-{count}.jsonl"
    result = subprocess.run([sys.executable, __file__, "--first-document", str(source), str(output)],
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["input_mb"] = source.stat().st_size / 1e6
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is reported")
    parser.add_argument("--first-document", nargs=2, metavar=("SOURCE", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_document:
        print(json.dumps(asyncio.run(first_document(*args.first_document))))
        return

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = {}
        for count in (100, args.tasks):
            runs = sorted((run_first_document(count, tmp) for _ in range(args.runs)), key=lambda r: r["seconds"])
            results[count] = runs[len(runs) // 2]
            for out in tmp.glob("out-*.jsonl"):
                out.unlink()
    small, large = results[100], results[args.tasks]
    print("first document on screen (fresh process, imports included; median of", args.runs, "runs)")
    for count, data in results.items():
        print(f"  {count:>7,} tasks ({data['input_mb']:.0f} MB): {data['seconds']:.3f} s, "
              f"max RSS {data['rss_mb']:.0f} MB")
    ratio = large["seconds"] / small["seconds"]
    ok = large["seconds"] < 1.0 and ratio <= 1.2
    print(f"  ratio {ratio:.2f} (target: < 1 s and <= 1.20)  {'OK' if ok else 'MISSED'}")

    latency = asyncio.run(keypress_latency(args.presses))
    print(f"keypress to repaint on a {latency['tokens']:,}-token document with {latency['spans']:,} spans "
          f"({latency['presses']} presses)")
    print(f"  p50 {latency['p50_ms']:.1f} ms, p95 {latency['p95_ms']:.1f} ms, max {latency['max_ms']:.1f} ms "
          f"(target p95 < 50 ms)  {'OK' if latency['p95_ms'] < 50 else 'MISSED'}")


if __name__ == "__main__":
    main()
