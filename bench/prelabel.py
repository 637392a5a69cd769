"""Benchmark: the bare model against the pre-labeler's pipeline on the same corpus, in one run.

Builds at least 2,000 news-like documents (the seed plus varied generated articles), then prints
documents per second for bare ``nlp.pipe``, for our pipeline, their ratio (target >= 0.9), and our
pipeline with ``--n-process 2`` against 1 (target >= 1.6x on two cores).

    .venv/bin/python bench/prelabel.py [--docs 2000] [--batch-size 32] [--model NAME]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

# One BLAS thread per process, so "--n-process 2" against 1 compares cores, not thread pools.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from annotator.core.records import Task
from annotator.nlp.pipeline import add_components, load_model, prelabel

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [("Anna", "Keller", "she"), ("Tom", "Hale", "he"), ("Priya", "Patel", "she"),
          ("Oleg", "Ivanov", "he"), ("Grace", "Mensah", "she"), ("Luis", "Ortega", "he"),
          ("Mei", "Tanaka", "she"), ("David", "Okafor", "he"), ("Sara", "Lindqvist", "she"),
          ("Ahmed", "Haddad", "he")]
ROLES = ["the finance minister", "a spokesperson for the ministry", "the head of the union",
         "the city's mayor", "a senior analyst at the bank", "the company's chief executive"]
ORGS = ["the European Commission", "Siemens", "the World Bank", "Reuters", "the Red Cross", "Toyota"]
PLACES = ["Berlin", "Lagos", "Texas", "Osaka", "Madrid", "Toronto", "Nairobi", "Lyon"]
TOPICS = ["the budget", "the new rail line", "the strike", "interest rates", "the trade deal",
          "the flood defences", "the election", "the merger"]
VERBS = ["said", "added", "told reporters", "warned", "noted", "argued", "insisted"]
CLAUSES = ["{topic} would be delayed until next year", "the talks in {place} had failed",
           "{org} had not been consulted", "costs were rising faster than expected",
           "nobody had asked the workers", "the plan would protect jobs in {place}"]
QUOTES = ["We are not going to accept this.", "This is a good day for {place}.",
          "Nobody expected {topic} to move so fast. We have to be ready.",
          "I think the numbers speak for themselves...", "Our position has not changed, and it will not change.",
          "It is too early to say what {org} will do."]


def _article(rng: random.Random) -> str:
    first, last, pronoun = rng.choice(PEOPLE)
    role, org, place, topic = rng.choice(ROLES), rng.choice(ORGS), rng.choice(PLACES), rng.choice(TOPICS)

    def fill(template: str) -> str:
        return template.format(topic=topic, place=place, org=org)

    paragraphs = [
        f"{last}: {fill(rng.choice(QUOTES)).rstrip('.')}",
        f"{first} {last}, {role}, {rng.choice(VERBS)} on Monday that {fill(rng.choice(CLAUSES))}.",
        f"\"{fill(rng.choice(QUOTES))[:-1]},\" {pronoun} said. \"{fill(rng.choice(QUOTES))}",
        f"\"{fill(rng.choice(QUOTES))}\" {last} added.",
        f"{fill(rng.choice(CLAUSES)).capitalize()}, according to {org}.",
        f"{fill(rng.choice(CLAUSES)).capitalize()}, said {role}, {first} {last}.",
        f"Meanwhile, officials in {place} met to discuss {topic} with {org} for the second day.",
    ]
    rng.shuffle(paragraphs[1:])
    return "\n\n".join(paragraphs[: rng.randint(4, len(paragraphs))])


def build_corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    while len(texts) < n:
        texts.append(_article(rng))
    return texts


def _rate(run, texts: list[str]) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in run(texts))
    return count / (time.perf_counter() - started)


def interleaved_rates(bare, ours, texts: list[str], batch_size: int, chunk: int = 250) -> tuple[float, float]:
    """Docs/s of both pipelines, timed in alternating chunks so load from other work hits both alike."""
    spent = {"bare": 0.0, "ours": 0.0}
    for number, start in enumerate(range(0, len(texts), chunk)):
        part = texts[start:start + chunk]
        order = [("bare", bare), ("ours", ours)]
        for name, nlp in order if number % 2 == 0 else reversed(order):
            started = time.perf_counter()
            for _ in nlp.pipe(part, batch_size=batch_size):
                pass
            spent[name] += time.perf_counter() - started
    return len(texts) / spent["bare"], len(texts) / spent["ours"]


def _component_share(nlp, texts: list[str], batch_size: int) -> float:
    """The share of pipeline time spent in our components, each component timed over all docs in turn."""
    docs = [nlp.make_doc(t) for t in texts]
    spent = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=batch_size)) if hasattr(component, "pipe") \
            else [component(doc) for doc in docs]
        spent[name] = time.perf_counter() - started
    ours = sum(t for name, t in spent.items() if name.startswith("annotator_"))
    return ours / sum(spent.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    texts = build_corpus(args.docs)
    bare = load_model(args.model)
    ours = add_components(load_model(args.model))
    print(f"corpus: {len(texts)} documents, {sum(len(t) for t in texts) / len(texts):.0f} characters on average")
    print(f"pipeline: {' → '.join(ours.pipe_names)}")
    # Warm up both so one-time costs (vocab growth, lazy imports) are not measured.
    list(bare.pipe(texts[:50]))
    list(ours.pipe(texts[:50]))

    bare_rate, ours_rate = interleaved_rates(bare, ours, texts, args.batch_size)
    print(f"bare nlp.pipe:            {bare_rate:8.1f} docs/s")
    print(f"with our components:      {ours_rate:8.1f} docs/s")
    print(f"ratio (target >= 0.90):   {ours_rate / bare_rate:8.3f}")
    share = _component_share(ours, texts[:400], args.batch_size)
    print(f"our components' share of pipeline time (400 docs, each component timed alone): {share:.1%}")

    tasks = [Task(text=t) for t in texts]
    one = _rate(lambda _: prelabel(ours, tasks, batch_size=args.batch_size, n_process=1), texts)
    two = _rate(lambda _: prelabel(ours, tasks, batch_size=args.batch_size, n_process=2), texts)
    print(f"prelabel --n-process 1:   {one:8.1f} docs/s")
    print(f"prelabel --n-process 2:   {two:8.1f} docs/s")
    print(f"speed-up (target >= 1.6): {two / one:8.3f}")


if __name__ == "__main__":
    main()
