"""What each pipeline component costs, and our pipeline's speed against the bare model, in CPU time
measured in one run, so the figures hold on a shared, loaded machine.

    nice -n 10 .venv/bin/python bench/components.py CORPUS_DIR [--docs 84] [--rounds 3] [--chunk 12]
                                                    [--batch-size 32] [--model NAME] [--model-tables on|off|both]

CORPUS_DIR is PolNeAR's checkout (``CORPUS_DIR/data/train/text``), a split folder, or any folder of
``.txt`` news texts; the first ``--docs`` texts in name order are read (only ``train`` of PolNeAR).
Prints, measured in this process's CPU time (``time.process_time``: time other processes take from
the cores is not counted):

1. every component's CPU per document, each component run over all texts in turn (the model's own
   batched through ``pipe``, ours document by document, as ``nlp.pipe`` runs them), and our
   components' share of the pipeline, with and without the suggestions; then the suggestions
   component's steps (``SUGGESTION_STEPS``: its sources, the speaker rules it asks per proposal, the
   scorer, promotion, extents), timed in that same pass;
2. the speed of the whole pipeline, rules alone and rules with suggestions, against the bare model
   (bare CPU / pipeline CPU, over the same texts): the texts are cut in chunks and the three
   pipelines run each chunk in turn, in a rotating order, ``--rounds`` times; the ratio of the
   totals is printed with each round's (the target is >= 0.90).

Our pipelines run the model's ``attribute_ruler`` and ``lemmatizer`` as ``add_components`` sets them
up, as tables (``annotator/nlp/attribute_table.py``, ``lemma_table.py``: the same attributes, cheaper);
``--model-tables off`` runs them with the stock components (as before session 17), ``both`` adds the
pipeline with suggestions and the stock components to the rounds, so both ratios come from one run.
The bare model is always the stock one.

Without the corpus it says so and exits 0. Nothing from the corpus is printed but counts and times.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The names of our components start with this.
OURS = "annotator_"
SUGGESTIONS = "annotator_suggestions"
TARGET = 0.90
#: With ``--model-tables both``: the pipeline with suggestions and the model's stock components.
STOCK_MODEL = "+ sugg., stock model"
#: PolNeAR's splits that are never read here.
HELD_OUT = frozenset({"dev", "test"})


def text_folder(corpus: Path) -> Path | None:
    """The folder of texts: PolNeAR's ``data/train/text`` (or ``train/text``, ``text``), else the folder itself."""
    for candidate in (corpus / "data" / "train" / "text", corpus / "train" / "text", corpus / "text", corpus):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def read_texts(folder: Path, limit: int) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


#: The suggestions component's steps timed apart (module, class or None, function, what it is): the
#: frames' candidates (the quote rules with a word list opened), the parse-shape sources, the speaker
#: rules asked for each proposal, the learned scorer (features and weights), what the scorer and the
#: demotion model read of the Doc once (``DocFacts``: the component reads it before both), the demotion
#: model's features and weights of the rules' pre-labels, the doubtful classes (read twice: before the
#: proposals, and after the promotion over the promoted quotes too), the promotion of the surest to
#: pre-labels (with their speakers' coreference), other extents. The last field says whether the component
#: calls the step itself (``TOP_STEPS``), not from inside another step.
SUGGESTION_STEPS = (
    ("annotator.nlp.suggest.propose", None, "candidates", "frames' candidates", False),
    ("annotator.nlp.suggest.propose", None, "every_shape", "parse-shape sources", False),
    ("annotator.nlp.suggest.propose", None, "speaker_from_rules", "speaker rules per proposal", False),
    ("annotator.nlp.suggest.component", None, "proposals", "all proposals (the three above in it)", True),
    ("annotator.nlp.suggest.component", "Suggester", "modelled", "scoring", True),
    ("annotator.nlp.suggest.scorer_features", "DocFacts", "of", "the Doc's facts (DocFacts)", True),
    ("annotator.nlp.suggest.demote", "DemoteModel", "unsure", "demotion model", True),
    ("annotator.nlp.suggest.component", None, "doubtful", "doubtful classes", True),
    ("annotator.nlp.suggest.component", None, "promote", "promotion", True),
    ("annotator.nlp.suggest.component", None, "extent_suggestions", "extents", True),
)


@contextmanager
def timed_steps(spent: dict[str, float]):
    """``SUGGESTION_STEPS``' functions wrapped, while inside, to add their CPU seconds to ``spent``
    (by what they are); put back after."""
    put_back = []
    for module, owner_name, name, what, _ in SUGGESTION_STEPS:
        owner = importlib.import_module(module)
        owner = getattr(owner, owner_name) if owner_name else owner
        original = owner.__dict__[name]
        function = original.__func__ if isinstance(original, classmethod) else original

        def timed(*args, _function=function, _what=what, **kwargs):
            started = time.process_time()
            try:
                return _function(*args, **kwargs)
            finally:
                spent[_what] = spent.get(_what, 0.0) + time.process_time() - started
        setattr(owner, name, classmethod(timed) if isinstance(original, classmethod) else timed)
        put_back.append((owner, name, original))
    try:
        yield spent
    finally:
        for owner, name, original in reversed(put_back):
            setattr(owner, name, original)


def component_times(nlp, texts: list[str], batch_size: int,
                    steps: dict[str, float] | None = None) -> dict[str, float]:
    """CPU seconds of each component over all ``texts``, each component run over all of them in turn
    (``steps``: the suggestions component's steps are timed into it, ``timed_steps``)."""
    docs = [nlp.make_doc(t) for t in texts]
    spent: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        if name.startswith(OURS) or not hasattr(component, "pipe"):
            if name == SUGGESTIONS and steps is not None:
                with timed_steps(steps):
                    docs = [component(doc) for doc in docs]
            else:
                docs = [component(doc) for doc in docs]
        else:
            docs = list(component.pipe(docs, batch_size=batch_size))
        spent[name] = time.process_time() - started
    return spent


def interleaved_cpu(pipelines: dict[str, object], texts: list[str], chunk: int, batch_size: int,
                    rounds: int) -> list[dict[str, float]]:
    """CPU seconds of each pipeline over all ``texts``, per round; each chunk of texts is run by every
    pipeline in turn, the order rotating from chunk to chunk, so a change in the machine's state hits
    them alike."""
    names = list(pipelines)
    results = []
    for number in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for index, start in enumerate(range(0, len(texts), chunk)):
            part = texts[start:start + chunk]
            shift = (index + number) % len(names)
            for name in names[shift:] + names[:shift]:
                started = time.process_time()
                for _ in pipelines[name].pipe(part, batch_size=batch_size):
                    pass
                spent[name] += time.process_time() - started
        results.append(spent)
    return results


def print_components(spent: dict[str, float], count: int) -> None:
    total = sum(spent.values())
    print(f"CPU per document by component ({count} texts, each component over all of them in turn):")
    for name, seconds in spent.items():
        print(f"  {name:26s} {1000 * seconds / count:7.2f} ms  {seconds / total:6.1%}")
    ours = sum(s for name, s in spent.items() if name.startswith(OURS))
    rules = ours - spent.get(SUGGESTIONS, 0.0)
    print(f"  ours: {1000 * ours / count:.2f} ms per document, {ours / total:.1%} of the pipeline; "
          f"without the suggestions {1000 * rules / count:.2f} ms, {rules / (total - spent.get(SUGGESTIONS, 0.0)):.1%}")
    model = total - ours
    print(f"  the speed these times give against the model's components alone: rules {model / (model + rules):.3f}, "
          f"rules + suggestions {model / total:.3f}")


#: The steps the component calls itself, none inside another (with the demotion model on): the
#: component's time less theirs is the rest (the choice among overlapping proposals, the suggestions
#: written, the demoted pre-labels taken out).
TOP_STEPS = tuple(what for *_, what, top in SUGGESTION_STEPS if top)


def print_steps(steps: dict[str, float], count: int, total: float | None = None) -> None:
    print("  the suggestions by step (CPU per document; a step's time includes those it calls):")
    for *_, what, _ in SUGGESTION_STEPS:
        print(f"    {what:40s} {1000 * steps.get(what, 0.0) / count:7.2f} ms")
    if total is not None:
        rest = total - sum(steps.get(what, 0.0) for what in TOP_STEPS)
        print(f"    {'the rest (choice, writing, demoting)':40s} {1000 * rest / count:7.2f} ms")


def print_ratios(rounds: list[dict[str, float]], count: int) -> None:
    bare = sum(r["bare"] for r in rounds)
    print(f"whole pipelines against the bare model, CPU over the same {count} texts, {len(rounds)} rounds "
          f"(bare {1000 * bare / (count * len(rounds)):.1f} ms per document):")
    for name in rounds[0]:  # the CPU itself, round by round: a round's ratio moves with either side
        print(f"  {name:20s} ms per document by round: "
              + " ".join(f"{1000 * r[name] / count:.1f}" for r in rounds))
    for name in (n for n in rounds[0] if n != "bare"):
        ratio = bare / sum(r[name] for r in rounds)
        each = " ".join(f"{r['bare'] / r[name]:.3f}" for r in rounds)
        median = statistics.median(r["bare"] / r[name] for r in rounds)
        verdict = "met" if ratio >= TARGET else "NOT met"
        print(f"  {name:20s} ratio {ratio:.3f} (rounds {each}; median {median:.3f}); target >= {TARGET:.2f} {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="PolNeAR's checkout, a split folder or a folder of .txt texts")
    parser.add_argument("--docs", type=int, default=84, help="texts read, the first in name order")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=12, help="texts each pipeline runs in turn")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--model-tables", choices=("on", "off", "both"), default="on",
                        help="our pipelines' attribute_ruler and lemmatizer: as tables (as add_components sets "
                        "them up), the stock ones, or both")
    args = parser.parse_args()
    folder = text_folder(args.corpus) if args.corpus is not None else None
    if folder is not None and HELD_OUT & set(folder.resolve().parts):
        print(f"{folder}: PolNeAR's dev and test splits are held out; give its checkout or train", file=sys.stderr)
        return 2
    if folder is None:
        print(f"no corpus at {args.corpus}: skipped (give PolNeAR's checkout or a folder of .txt texts)")
        return 0
    from annotator.nlp.pipeline import add_components, load_model, set_suggestions

    texts = read_texts(folder, args.docs)
    bare = load_model(args.model)
    tables = args.model_tables != "off"
    rules = set_suggestions(add_components(load_model(args.model), model_tables=tables), False)
    suggesting = set_suggestions(add_components(load_model(args.model), model_tables=tables), True)
    pipelines = {"bare": bare, "rules": rules, "rules + suggestions": suggesting}
    if args.model_tables == "both":
        pipelines[STOCK_MODEL] = set_suggestions(add_components(load_model(args.model), model_tables=False), True)
    print(f"texts: {len(texts)} from {folder.name}/ (first in name order), "
          f"{sum(len(t) for t in texts) / max(len(texts), 1):.0f} characters on average; "
          f"load average at start {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"pipeline: {' → '.join(suggesting.pipe_names)} (attribute_ruler and lemmatizer: "
          f"{'stock' if not tables else 'tables'}{', stock in ' + repr(STOCK_MODEL) if args.model_tables == 'both' else ''})")
    # One-time costs (vocabulary growth, lazy imports) left out: each pipeline first reads every text
    # once. (With 8 texts only, the bare model and the rules grew their vocabularies in the first
    # round while the pipeline with suggestions had read every text in component_times: its first
    # round looked about 10 ms per article cheaper against the bare model than the later two.)
    for nlp in pipelines.values():
        list(nlp.pipe(texts, batch_size=args.batch_size))
    steps: dict[str, float] = {}
    spent = component_times(suggesting, texts, args.batch_size, steps)
    print_components(spent, len(texts))
    print_steps(steps, len(texts), spent.get(SUGGESTIONS))
    print_ratios(interleaved_cpu(pipelines, texts, args.chunk, args.batch_size, args.rounds), len(texts))
    print(f"load average at end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
