"""Are the model's ``attribute_ruler`` and ``lemmatizer`` run as tables
(``annotator/nlp/attribute_table.py``, ``lemma_table.py``) the same as the stock components, on real
text, and how much cheaper?

    nice .venv/bin/python bench/model_tables.py CORPUS_DIR [--tuning] [--limit N] [--model NAME]

Runs the model twice over the texts (PolNeAR's ``train`` split; ``--tuning``: its tuning 90%, as
``bench/corpus.py --tuning`` reads them): stock, and with the tables in the two components' places.
Every token's attributes after the whole model (``pos_``, ``tag_``, ``morph``, ``lemma_``, ``dep_``,
head, entities, sentence starts) are compared, and each Doc's ``to_bytes``; prints how many Docs and
tokens differ (0 is the claim), and each component's CPU per text, stock then table (each run over
the same parses). Nothing from the corpus is printed but counts and times.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from annotator.nlp.attribute_table import use_attribute_table  # noqa: E402
from annotator.nlp.lemma_table import use_lemma_table  # noqa: E402
from annotator.nlp.pipeline import load_model  # noqa: E402

COMPARED = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
#: The components run as tables.
TABLED = ("attribute_ruler", "lemmatizer")


def texts_of(corpus: Path, tuning: bool, limit: int | None) -> list[str]:
    from corpus import held_out_part, load_gold, split_folder  # bench/corpus.py: the same split

    folder = split_folder(corpus, "train")
    if folder is None:
        return []
    gold, _ = load_gold(folder, None if tuning else limit)
    if tuning:
        gold = held_out_part(gold, tuning=True)
    return [g.text for g in gold][:limit] if limit else [g.text for g in gold]


def compare(stock, table, texts: list[str], batch_size: int) -> tuple[int, int, int]:
    """(Docs that differ, tokens that differ, tokens) after the whole model, stock against table."""
    docs = tokens = differ = 0
    for a, b in zip(stock.pipe(texts, batch_size=batch_size), table.pipe(texts, batch_size=batch_size), strict=True):
        rows = (a.to_array(COMPARED) != b.to_array(COMPARED)).any(axis=1)
        words = [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in a] != [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in b]
        differ += int(rows.sum())
        docs += int(bool(rows.any()) or words or a.to_bytes() != b.to_bytes())
        tokens += len(a)
    return docs, differ, tokens


def component_cpu(stock, table, texts: list[str], batch_size: int) -> dict[str, tuple[float, float]]:
    """CPU seconds of each of ``TABLED``, stock and as a table, over the same parses (each pipeline
    its own copies, run from the first of them on)."""
    first = min(stock.pipe_names.index(name) for name in TABLED)
    with stock.select_pipes(enable=stock.pipe_names[:first]):
        parses = [doc.to_bytes() for doc in stock.pipe(texts, batch_size=batch_size)]
    spent: dict[str, list[float]] = {name: [] for name in TABLED}
    for nlp in (stock, table):
        docs = [Doc(nlp.vocab).from_bytes(b) for b in parses]
        for name in TABLED:
            component = nlp.get_pipe(name)
            started = time.process_time()
            docs = [component(doc) for doc in docs]
            spent[name].append(time.process_time() - started)
    return {name: (s[0], s[1]) for name, s in spent.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="PolNeAR's checkout (its train split is read)")
    parser.add_argument("--tuning", action="store_true", help="the tuning 90%% of train, as bench/corpus.py reads it")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    texts = texts_of(args.corpus, args.tuning, args.limit)
    if not texts:
        print(f"no corpus at {args.corpus}: skipped")
        return 0
    stock = load_model(args.model)
    table = use_lemma_table(use_attribute_table(load_model(args.model)))
    if any(name not in stock.pipe_names or type(table.get_pipe(name)) is type(stock.get_pipe(name)) for name in TABLED):
        print(f"the model lacks a stock {' or '.join(TABLED)}: nothing to compare")
        return 0
    docs, differ, tokens = compare(stock, table, texts, args.batch_size)
    print(f"texts: {len(texts)}{' (tuning 90%)' if args.tuning else ''}; Docs that differ: {docs}; "
          f"tokens that differ: {differ} of {tokens}")
    for name, (stock_cpu, table_cpu) in component_cpu(stock, table, texts, args.batch_size).items():
        print(f"{name} CPU per text: stock {1000 * stock_cpu / len(texts):.2f} ms, table {1000 * table_cpu / len(texts):.2f} ms")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if docs == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
