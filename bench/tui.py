"""Benchmark of the terminal annotator: time to the first document and keypress latency.

1. Start to first document on screen for 100,000 pre-labeled tasks against 100 (targets: under
   1 s, and at most the 100-task time + 20%), each in a fresh process with its byte code cached
   (as installed; one unmeasured start fills the cache), with its resident memory.
2. Keypress-to-repaint latency with Pilot on a 10,000-token document, per key (tab k j } u, and
   f g v ) s / that show jump tags, a selection, the speaker picker and the search prompt; target:
   p95 under 33 ms, two frames at 60 Hz), measured from the key press to the last update it sends
   to the terminal ("settled": a footer that changes after the first paint counts; every screen's
   updates, a modal's too, turned into escape codes as a real driver does), in wall time and in
   this process's CPU time (the work done, which a machine loaded by others does not stretch as
   much). The machine's load (``uptime``) is printed before and after.

    .venv/bin/python bench/tui.py [--tasks 100000] [--presses 200] [--runs 3] [--keys-only]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Textual and the annotator are imported

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# This checkout's annotator, not whichever one the interpreter has installed (the script's own
# folder, bench/, is what Python puts first on the path).
sys.path.insert(0, str(ROOT))
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
        usage = resource.getrusage(resource.RUSAGE_SELF)
        rss_mb = usage.ru_maxrss / 1024
        await pilot.press("q")
    # CPU seconds too: on a loaded machine the wall time is mostly waiting for a core.
    return {"seconds": seconds, "rss_mb": rss_mb, "cpu_s": usage.ru_utime + usage.ru_stime}


def long_document(target_tokens: int = 10_000) -> dict:
    """The seed repeated until it has ``target_tokens`` tokens, spans and relations shifted along."""
    from annotator.core.records import Relation, Task

    seed = Task.from_dict(json.loads(SEED_PRELABELED.read_text(encoding="utf-8")))
    copies = -(-target_tokens // len(seed.tokens))
    text, tokens, spans, relations = "", [], [], []
    for _ in range(copies):
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
            # Every update sent to the terminal, whichever screen (a modal's too) made it, turned
            # into the terminal's escape codes as a real driver would (the headless one skips that).
            updates: list[tuple[float, float]] = []  # (wall, CPU) at the end of each update
            original_display = app._display

            def timed_display(shown, renderable) -> None:
                original_display(shown, renderable)
                if renderable is not None:
                    if hasattr(renderable, "render_segments"):
                        renderable.render_segments(app.console)
                    updates.append((time.perf_counter(), time.process_time()))

            app._display = timed_display

            # Each measured key, then the keys (unmeasured) that put the screen back: moving focus
            # through spans (the most frequent key), moving a span's edge and undoing, the jump
            # tags (f, g), starting a selection (v), the speaker picker (s) and the search prompt (/).
            rounds = [("tab", []), ("tab", []), ("k", []), ("j", []), ("right_curly_bracket", []), ("u", []),
                      ("f", ["escape"]), ("g", ["escape"]), ("v", ["escape"]), ("right_parenthesis", []),
                      ("s", ["escape"]), ("slash", ["escape"])]
            first: dict[str, list[float]] = {}
            settled: dict[str, list[float]] = {}
            # The CPU this process spent from the key to the settled screen: on a machine loaded by
            # others the wall time is mostly waiting for a core, the CPU time is the work done.
            cpu: dict[str, list[float]] = {}
            done = 0
            while done < presses:
                for key, after_keys in rounds:
                    updates.clear()
                    before, cpu_before = time.perf_counter(), time.process_time()
                    await pilot.press(key)
                    await pilot.pause()
                    # Work left for after the first paint (a footer that changes, a modal's first
                    # paint) is part of the key's cost: wait until a pause paints nothing more.
                    for _ in range(5):
                        painted = len(updates)
                        await pilot.pause()
                        if len(updates) == painted:
                            break
                    if updates:
                        first.setdefault(key, []).append(updates[0][0] - before)
                        settled.setdefault(key, []).append(updates[-1][0] - before)
                        cpu.setdefault(key, []).append(updates[-1][1] - cpu_before)
                    for extra in after_keys:
                        await pilot.press(extra)
                    await pilot.pause()
                    done += 1
            await pilot.press("q")
            if app.screen is not screen:
                await pilot.press("y")

    def stats(values: list[float]) -> dict:
        values = sorted(values)
        return {"presses": len(values), "p50_ms": 1000 * values[len(values) // 2],
                "p95_ms": 1000 * values[max(int(len(values) * 0.95) - 1, 0)], "max_ms": 1000 * values[-1]}

    every = [v for values in settled.values() for v in values]
    return {
        "tokens": len(document["tokens"]),
        "spans": len(document["spans"]),
        **stats(every),
        "keys": {key: stats(values) for key, values in settled.items()},
        "first": {key: stats(values) for key, values in first.items()},
        "cpu": {key: stats(values) for key, values in cpu.items()},
    }


def run_first_document(count: int, tmp: Path) -> dict:
    source = tmp / f"tasks-{count}.jsonl"
    write_tasks(source, count)
    output = tmp / f"out-{count}.jsonl"
    result = subprocess.run([sys.executable, __file__, "--first-document", str(source), str(output)],
                            capture_output=True, text=True, check=True, env=_compiled_env(tmp))
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["input_mb"] = source.stat().st_size / 1e6
    return data


def _compiled_env(tmp: Path) -> dict[str, str]:
    """The environment of a started annotator as installed: byte code cached (pip compiles it at
    install time). With PYTHONDONTWRITEBYTECODE set (as on the project's machine) every start
    would compile the annotator's modules from source first, a quarter of a second more; the
    cache goes to a folder of its own, never into the checkout."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is reported")
    parser.add_argument("--keys-only", action="store_true", help="only the keypress latency")
    parser.add_argument("--first-document", nargs=2, metavar=("SOURCE", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_document:
        print(json.dumps(asyncio.run(first_document(*args.first_document))))
        return

    print("load before:", _load())
    if not args.keys_only:
        first_documents(args)
    keys(args)
    print("load after:", _load())


def first_documents(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = {}
        run_first_document(100, tmp)  # unmeasured: fills the byte-code cache, as an install does
        for count in (100, args.tasks):
            runs = sorted((run_first_document(count, tmp) for _ in range(args.runs)), key=lambda r: r["seconds"])
            results[count] = runs[len(runs) // 2]
            for out in tmp.glob("out-*.jsonl"):
                out.unlink()
    small, large = results[100], results[args.tasks]
    print("first document on screen (fresh process, imports included; median of", args.runs, "runs)")
    for count, data in results.items():
        print(f"  {count:>7,} tasks ({data['input_mb']:.0f} MB): {data['seconds']:.3f} s "
              f"({data['cpu_s']:.2f} s of CPU), max RSS {data['rss_mb']:.0f} MB")
    ratio = large["seconds"] / small["seconds"]
    ok = large["seconds"] < 1.0 and ratio <= 1.2
    print(f"  ratio {ratio:.2f} (target: < 1 s and <= 1.20)  {'OK' if ok else 'MISSED'}")


def keys(args: argparse.Namespace) -> None:
    latency = asyncio.run(keypress_latency(args.presses))
    print(f"keypress to repaint on a {latency['tokens']:,}-token document with {latency['spans']:,} spans "
          f"({latency['presses']} presses)")
    print(f"  all keys: p50 {latency['p50_ms']:.1f} ms, p95 {latency['p95_ms']:.1f} ms, max {latency['max_ms']:.1f} ms")
    print("  settled: the last screen update the key caused; first: the first one; CPU: this process's")
    print("  | key | presses | first p95 ms | settled p50 ms | settled p95 ms | max ms | p95 < 33 ms | CPU p50 ms | CPU p95 ms |")
    print("  |---|---|---|---|---|---|---|---|---|")
    for key, data in latency["keys"].items():
        used, early = latency["cpu"][key], latency["first"][key]
        print(f"  | {key} | {data['presses']} | {early['p95_ms']:.1f} | {data['p50_ms']:.1f} | {data['p95_ms']:.1f} | "
              f"{data['max_ms']:.1f} | {'OK' if data['p95_ms'] < 33 else 'MISSED'} | {used['p50_ms']:.1f} | "
              f"{used['p95_ms']:.1f} |")


def _load() -> str:
    """The machine's load (``uptime``), printed with the figures: they mean little without it."""
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    main()
