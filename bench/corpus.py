"""Pre-label quality and speed on a real attribution corpus in brat standoff (PolNeAR), scored like ``annotator evaluate``.

    nice .venv/bin/python bench/corpus.py CORPUS_DIR [--split train] [--limit N] [--held-out | --tuning] [--misses] [--coverage]
                                          [--model NAME] [--dump DIR] [--parse-cache DIR] [--no-suggestions | --suggest-all]

CORPUS_DIR is PolNeAR's checkout (``CORPUS_DIR/data/train/{text,attributions}``) or the split
folder itself. Gold is ``import brat``'s reading of the corpus, one annotation per text (the first
annotator in name order). Prints quote and attributed-quote F1 per quote type, speaker resolved,
the documents a component failed on, and our pipeline's speed against the bare model on these
articles (timed in alternating chunks, as bench/prelabel.py does, on the first ``--speed-docs``). Only ``train`` is ever read:
the dev and test splits are held out for independent measurement. ``--dump DIR`` (outside the
repository: the corpus' text must never be committed) writes gold, predictions and a per-document
error list for rule development; ``--dump DIR --rescore`` scores them again without the pipeline.
``--held-out`` scores only the seeded 10% that ``bench/learning_curve.py`` holds out (the texts
the targets are measured on); ``--tuning`` the other 90%, where rules and word lists are chosen. ``--misses`` prints every gold attribution not found, counted by
what carries it in the gold (the class of its cue word, read off the model's parse: never text); ``--coverage`` where each stands
against the suggestions (shown, hidden, another extent, none) and those with no candidate by class
and parse shape (``bench/corpus_coverage.py``).
Every run prints the estimated keys to bring each article to gold (``KEY_COSTS``), and beside them
the suggestions per article, their right-rate per source and the keys when each suggestion is
visited and the right ones taken (``SUGGESTION_COSTS``); ``--no-suggestions`` pre-labels without
them (the pre-label figures are the same), ``--suggest-all`` suggests from every scored source.
Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from annotator.measure.evaluation import (  # noqa: E402
    Evaluation, evaluate, match_quotes_with_pieces, same_person, same_speaker, speakers_of,
)
from annotator.core.records import QUOTE, QUOTE_TYPES, Task  # noqa: E402
from annotator.core.sources import read_tasks  # noqa: E402
from annotator.formats.brat_labels import DEFAULT_LABELS  # noqa: E402
from annotator.formats.brat_reading import convert_pair  # noqa: E402
from annotator.formats.brat_standoff import find_pairs  # noqa: E402
from annotator.nlp.pipeline import COMPONENTS, SUGGESTIONS, add_components, load_model, prelabel_batch, set_suggestions  # noqa: E402
from annotator.nlp.glued_marks import blank_english, rule_pattern  # noqa: E402
from annotator.nlp.suggest import SCORES  # noqa: E402
from annotator.nlp.suggest.extents import EXTENT_SOURCES  # noqa: E402
from annotator.training.data import split_documents  # noqa: E402
from prelabel import interleaved_rates  # noqa: E402  (bench/prelabel.py: the same timing)
from corpus_misses import keep_classes, print_misses  # noqa: E402  (bench/corpus_misses.py)
from corpus_coverage import keep_coverage, print_coverage  # noqa: E402  (bench/corpus_coverage.py)
from corpus_keys import print_keys  # noqa: E402  (bench/corpus_keys.py)
from learning_curve import load_with_policy  # noqa: E402  (bench/learning_curve.py: --linking's combinations)

HELD_OUT = ("dev", "test")
CHUNK = 40
#: ``bench/learning_curve.py``'s held-out part of train: this fraction, split with this seed.
HELD_OUT_FRACTION, HELD_OUT_SEED = 0.1, 0


def split_folder(corpus: Path, split: str) -> Path | None:
    for candidate in (corpus / "data" / split, corpus / split):
        if candidate.is_dir():
            return candidate
    if corpus.name == split and corpus.is_dir():
        return corpus
    return None


def load_gold(folder: Path, limit: int | None) -> tuple[list[Task], list[str]]:
    """One decision per text, the first annotator's, in text name order; and the files that failed."""
    pairs, _unpaired, failed = find_pairs([folder])
    first: dict[Path, object] = {}
    for pair in pairs:
        first.setdefault(pair.text, pair)
    chosen = list(first.values())[:limit] if limit else list(first.values())
    nlp = blank_english()  # as `import brat` reads it
    gold, problems = [], [str(err) for err in failed]
    for pair in chosen:
        try:
            decision, _warnings = convert_pair(pair, nlp, DEFAULT_LABELS)
        except ValueError as err:
            problems.append(str(err))
            continue
        gold.append(decision.task)
    return gold, problems


def predict(ours, gold: list[Task], batch_size: int, parse_cache: Path | None = None) -> tuple[list[Task], float]:
    """Predictions from ``prelabel_batch`` (our real entry point, failures contained), and its docs/s.

    With ``parse_cache`` the model's own components (everything before ours) run once per set of
    texts and model; later runs read their Docs from the cache and run only our components, which is
    what a rule change alters (the docs/s then measure our components alone)."""
    cached = use_parse_cache(ours, gold, parse_cache) if parse_cache is not None else None
    started = time.perf_counter()
    try:
        predicted = _prelabel(ours, gold, batch_size)
    finally:
        if cached is not None:
            ours.remove_pipe(PARSE_CACHE)
            for name in cached:
                ours.enable_pipe(name)
    return predicted, len(gold) / (time.perf_counter() - started)


PARSE_CACHE = "bench_parse_cache"


def use_parse_cache(ours, gold: list[Task], folder: Path) -> list[str]:
    """Put a component first in ``ours`` that hands out the model's Docs from ``folder`` (parsing and
    saving them when the folder has none for these texts and this model), and disable the model's
    components; returns their names to enable again."""
    from spacy.language import Language
    from spacy.tokens import DocBin

    from annotator.core.atomic import AtomicFile

    ours_from = min(ours.pipe_names.index(name) for name in COMPONENTS if name in ours.pipe_names)
    model = ours.pipe_names[:ours_from]  # not --misses' classer, which comes after ours
    key = hashlib.sha1("\n".join([ours.meta.get("name", ""), ours.meta.get("version", ""), *model,
                                   *tokenizer_patterns(ours)] + [g.text for g in gold]).encode("utf-8")).hexdigest()[:16]
    path = folder / f"parses-{key}.spacy"
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(ours.vocab))
    else:
        with ours.select_pipes(enable=model):
            docs = list(ours.pipe((g.text for g in gold), batch_size=16))
        folder.mkdir(parents=True, exist_ok=True)
        # whole or not at all: runs side by side may share the folder, and one may read it as another writes
        with AtomicFile(path) as out:
            out.write(DocBin(docs=docs, store_user_data=True).to_bytes())
    if not Language.has_factory(PARSE_CACHE):
        Language.factory(PARSE_CACHE, func=lambda nlp, name: CachedDocs())
    for name in model:
        ours.disable_pipe(name)
    lookup = ours.add_pipe(PARSE_CACHE, first=True)
    lookup.tok2vec = ours.get_pipe("tok2vec") if "tok2vec" in model else None  # a DocBin drops doc.tensor
    for doc in docs:
        lookup.docs.setdefault(doc.text, []).append(doc)  # two of train's texts are the same
    return model


def tokenizer_patterns(nlp) -> list[str]:
    """The tokenizer's prefix, suffix and infix patterns, part of the parse cache's key: a Doc parsed
    with other tokens (``nlp/glued_marks``, session 39) must not be read back."""
    tokenizer = nlp.tokenizer
    patterns = [rule_pattern(tokenizer, name) for name in ("prefix_search", "suffix_search", "infix_finditer")]
    return ["" if pattern is None else str(pattern) for pattern in patterns]


class CachedDocs:
    """The parse cache's component: the model's Doc of the same text, each once (its tensor written again
    by the model's tok2vec), or the Doc it is given."""

    def __init__(self) -> None:
        self.docs: dict[str, list] = {}
        self.tok2vec = None  # the model's, run again on a cached Doc: the tensor of a fresh parse

    def __call__(self, doc):
        waiting = self.docs.get(doc.text)
        if not waiting:
            return doc
        return self.tok2vec(waiting.pop(0)) if self.tok2vec is not None else waiting.pop(0)


def _prelabel(nlp, part: list[Task], batch_size: int) -> list[Task]:
    out = []
    for start in range(0, len(part), batch_size):
        batch = [Task(text=g.text, meta={"source": g.meta.get("source")}) for g in part[start:start + batch_size]]
        out.extend(prelabel_batch(nlp, batch))
    return out


def print_scores(result: Evaluation) -> None:
    print(f"{'':<20}{'quotes F1':>10}{'P':>7}{'R':>7}{'attributed F1':>15}{'P':>7}{'R':>7}{'gold':>7}")
    for kind in QUOTE_TYPES:
        q, a = result.by_kind[kind]["quotes"], result.by_kind[kind]["attributed"]
        print(f"{kind:<20}{q.f1:>10.3f}{q.precision:>7.3f}{q.recall:>7.3f}{a.f1:>15.3f}{a.precision:>7.3f}"
              f"{a.recall:>7.3f}{q.gold:>7}")
    q, a = result.quotes_overlap, result.attributed
    print(f"{'all':<20}{q.f1:>10.3f}{q.precision:>7.3f}{q.recall:>7.3f}{a.f1:>15.3f}{a.precision:>7.3f}"
          f"{a.recall:>7.3f}{q.tp + q.fn:>7}")
    r = result.resolved
    print(f"speaker resolved F1 {r.f1:.3f} (P {r.precision:.3f}, R {r.recall:.3f}); "
          f"quotes exact F1 {result.quotes_exact.f1:.3f}")


def report(gold: list[Task], predicted: list[Task]) -> None:
    print_scores(evaluate(gold, predicted))
    failures = Counter(f["component"] for p in predicted for f in p.meta.get("prelabel_errors", []))
    failed_docs = sum(1 for p in predicted if p.meta.get("prelabel_errors"))
    print(f"documents with meta.prelabel_errors: {failed_docs} of {len(predicted)}"
          + (" (" + ", ".join(f"{name}: {n}" for name, n in failures.most_common()) + ")" if failures else ""))


def error_lines(gold: Task, pred: Task) -> list[str]:
    """What a rule developer reads: quotes missed and invented (with types), wrong or missing speakers."""
    g_quotes = [s for s in gold.spans if s.label == QUOTE]
    p_quotes = [s for s in pred.spans if s.label == QUOTE]
    pairs, pieces = match_quotes_with_pieces(gold.text, g_quotes, p_quotes)
    matched_g, matched_p = {g.key for g, _ in pairs}, {p.key for _, p in pairs} | set(pieces)
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    lines = [f"MISSED  {q.quote_type:<8} {gold.span_text(q)[:90]!r}" for q in g_quotes if q.key not in matched_g]
    lines += [f"EXTRA   {q.quote_type:<8} {pred.span_text(q)[:90]!r}" for q in p_quotes if q.key not in matched_p]
    for g, p in pairs:
        if g.key not in g_attr:
            continue
        want = [gold.span_text(a.speaker) for a in g_attr[g.key]]
        got = [(pred.span_text(a.speaker), a.name) for a in p_attr.get(p.key, [])]
        if not got:
            lines.append(f"NO-SPKR {g.quote_type:<8} {gold.span_text(g)[:50]!r}: want {want}")
        elif not same_speaker(g_attr[g.key], p_attr[p.key]):
            lines.append(f"SPEAKER {g.quote_type:<8} {gold.span_text(g)[:50]!r}: want {want} got {got}")
        elif not same_person(g_attr[g.key], p_attr[p.key]):
            lines.append(f"RESOLVE {g.quote_type:<8} {gold.span_text(g)[:50]!r}: want {want} got {got}")
    return lines


def dump(folder: Path, gold: list[Task], predicted: list[Task]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as g_out, \
            open(folder / "predicted.jsonl", "w", encoding="utf-8") as p_out, \
            open(folder / "errors.txt", "w", encoding="utf-8") as e_out:
        for g, p in zip(gold, predicted, strict=True):
            g_out.write(json.dumps(g.to_dict(), ensure_ascii=False) + "\n")
            p_out.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
            lines = error_lines(g, p)
            for failure in p.meta.get("prelabel_errors", []):
                lines.insert(0, f"COMPONENT-ERROR {failure['component']}: {failure['error']}")
            if lines:
                e_out.write(f"# {g.meta.get('source')}\n" + "\n".join(lines) + "\n\n")


def held_out_part(gold: list[Task], *, tuning: bool = False) -> list[Task]:
    """The texts ``bench/learning_curve.py`` holds out: the same seeded split over one task per text;
    with ``tuning``, the other 90% instead (where a rule is chosen, so the held-out figure stays a test)."""
    by_hash: dict[int | None, Task] = {}
    for task in gold:
        by_hash[task.input_hash] = task
    rest, held_out = split_documents(list(by_hash.values()), fraction=HELD_OUT_FRACTION, seed=HELD_OUT_SEED)
    chosen = {task.input_hash for task in (rest if tuning else held_out)}
    return [task for task in gold if task.input_hash in chosen and by_hash[task.input_hash] is task]



def tuning_gold(corpus: Path, limit: int | None = None) -> list[Task] | None:
    """The gold of train's tuning part (its first ``limit`` texts), as ``--tuning`` reads it; None,
    said, when there is no corpus at ``corpus``."""
    folder = split_folder(corpus, "train")
    if folder is None:
        print(f"no corpus at {corpus}: skipped")
        return None
    gold, _problems = load_gold(folder, None)
    return held_out_part(gold, tuning=True)[:limit]

# -- keys to bring an article to gold ----------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="PolNeAR's folder (with data/train) or the split folder")
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts (in name order)")
    parser.add_argument("--held-out", action="store_true", help="only the seeded 10%% of the texts that "
                        "bench/learning_curve.py holds out (where the targets are measured)")
    parser.add_argument("--tuning", action="store_true", help="only the other 90%% of the texts: where a rule "
                        "or a word list is chosen, so that --held-out still measures it")
    parser.add_argument("--misses", action="store_true", help="count the gold attributions not found by "
                        "what carries them (cue verb class, noun, adjective, passive, preposition, …)")
    parser.add_argument("--coverage", action="store_true", help="count the gold attributions not found by "
                        "where they stand against the suggestions (shown, hidden, another extent, no candidate) "
                        "and those with no candidate by class and parse shape (counts only)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--linking", default=None, metavar="POLICY", help="with --model MODEL_DIR ('annotator train'): "
                        "combine its quotes with the rules' as learning_curve.py's --policies POLICY does, suggestions included")
    parser.add_argument("--no-suggestions", action="store_true", help="pre-label without suggestions (the "
                        "pre-label figures are the same; keys with suggestions are not printed)")
    parser.add_argument("--suggest-all", action="store_true", help="suggest from every source and "
                        "band the scores table rates, whatever its score (to measure each one's right-rate)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--parse-cache", type=Path, default=None, help="folder OUTSIDE the repository for the "
                        "model's parses of these texts: later runs only run our components (a rule change's loop)")
    parser.add_argument("--speed-docs", type=int, default=200, help="texts the speed comparison runs on (0: no speed comparison)")
    parser.add_argument("--dump", type=Path, default=None, help="folder OUTSIDE the repository for gold, "
                        "predictions and errors.txt")
    parser.add_argument("--rescore", action="store_true", help="score the --dump folder's gold and "
                        "predictions again (after a change to the scorer) without running the pipeline")
    args = parser.parse_args()
    if args.linking and not args.model:
        parser.error("--linking combines a trained pipeline's quotes with the rules': give it with --model MODEL_DIR")

    if args.rescore:
        if args.dump is None or not (args.dump / "predicted.jsonl").is_file():
            print("--rescore needs --dump DIR of an earlier run", file=sys.stderr)
            return 2
        gold = [task for _, task in read_tasks([args.dump / "gold.jsonl"])]
        predicted = [task for _, task in read_tasks([args.dump / "predicted.jsonl"])]
        report(gold, predicted)
        print_keys(gold, predicted)
        return 0

    if args.split in HELD_OUT or any(part in HELD_OUT for part in args.corpus.resolve().parts[-1:]):
        print(f"refusing to read a held-out split ({args.split if args.split in HELD_OUT else args.corpus}): "
              "dev and test are kept for independent measurement", file=sys.stderr)
        return 2
    for option, chosen in (("--parse-cache", args.parse_cache), ("--dump", args.dump)):
        if chosen is not None and chosen.resolve().is_relative_to(ROOT):
            print(f"{option} {chosen}: inside the repository; the corpus' text must never be committed, "
                  "choose a folder elsewhere (e.g. /tmp/polnear)", file=sys.stderr)
            return 2
    folder = split_folder(args.corpus, args.split)
    if folder is None:
        print(f"no corpus at {args.corpus} (looked for data/{args.split}/ and {args.split}/): skipped")
        return 0

    if args.held_out and args.tuning:
        print("--held-out and --tuning are the two parts of the split: choose one", file=sys.stderr)
        return 2
    part = args.held_out or args.tuning
    gold, problems = load_gold(folder, None if part else args.limit)
    if part:
        gold = held_out_part(gold, tuning=args.tuning)[:args.limit] if args.limit else held_out_part(gold, tuning=args.tuning)
    kinds = Counter(s.quote_type for g in gold for s in g.spans if s.label == QUOTE)
    print(f"corpus: {folder}{' (held-out 10%)' if args.held_out else ' (tuning 90%)' if args.tuning else ''} — {len(gold)} texts (gold: the first annotator of each), "
          f"{sum(len(g.text) for g in gold) / max(len(gold), 1):.0f} characters on average; quotes: "
          + ", ".join(f"{kinds[k]} {k}" for k in QUOTE_TYPES))
    for problem in problems:
        print(f"  not imported: {problem}")
    bare = load_model(args.model)
    linked = load_with_policy(Path(args.model), args.linking) if args.linking else add_components(load_model(args.model))
    ours = set_suggestions(linked, not args.no_suggestions)
    if args.suggest_all and SUGGESTIONS in ours.pipe_names:
        ours.get_pipe(SUGGESTIONS).sources = frozenset(SCORES) | frozenset(EXTENT_SOURCES)
        ours.get_pipe(SUGGESTIONS).min_score = 0.0
        ours.get_pipe(SUGGESTIONS).scorer_min_score = 0.0
        ours.get_pipe(SUGGESTIONS).promote = False
    print(f"pipeline: {' → '.join(ours.pipe_names)}")
    warm = [g.text for g in gold[:8]]
    list(bare.pipe(warm))
    list(ours.pipe(warm))

    classes: dict[int, dict] = {}
    classer = keep_classes(ours, gold, classes) if args.misses or args.coverage else None
    covered: dict[int, dict] = {}
    coverer = keep_coverage(ours, gold, covered) if args.coverage else None
    predicted, prelabel_rate = predict(ours, gold, args.batch_size, args.parse_cache)
    for name in (classer, coverer):
        if name is not None:
            ours.remove_pipe(name)
    report(gold, predicted)
    print_keys(gold, predicted)
    if args.misses:
        print_misses(gold, predicted, classes)
    if args.coverage:
        print_coverage(gold, predicted, classes, covered)
    texts = [g.text for g in gold[:args.speed_docs]]
    if texts:
        bare_rate, ours_rate = interleaved_rates(bare, ours, texts, args.batch_size, chunk=CHUNK)
        print(f"speed on the first {len(texts)} texts: bare nlp.pipe {bare_rate:.2f} docs/s, ours {ours_rate:.2f} "
              f"docs/s, ratio {ours_rate / bare_rate:.3f} (target >= 0.90); prelabel_batch with records, all "
              f"{len(gold)} texts: {prelabel_rate:.2f} docs/s")
    if args.dump is not None:
        dump(args.dump, gold, predicted)
        print(f"wrote {args.dump}/gold.jsonl, predicted.jsonl and errors.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
