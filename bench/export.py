"""Benchmark ``annotator export --format spacy`` against spaCy's own ``DocBin`` on the same docs.

Generates annotated records (default 100,000), then runs each contender in its own process so
peak memory (ru_maxrss) is its own:

- ``annotator``: ``export_annotations`` end to end (two streaming passes, checks, docs, a
  streamed DocBin written atomically);
- ``spacy DocBin``: read the same records once, build the same docs with ``task_to_doc``, add them
  to a ``DocBin`` and ``to_disk`` (everything held until the end, as DocBin does).

Both are run at a fifth of the size too: memory that stays flat while the records grow five times
is bounded. Usage: ``python bench/export.py [--records 100000]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Ana Lopez", "Tom Reed", "Jo Park", "Kim Lee", "Sam Ortiz", "Ruth Adeyemi", "Li Wei", "Omar Haddad"]
PLACES = ["Leeds", "Lagos", "Osaka", "Lima", "Oslo", "Pune"]
CLAIMS = ["we will rebuild the bridge", "taxes will fall next year", "the strike is over",
          "prices rose faster than wages", "the plan needs more money", "nobody saw it coming"]


def generate(path: Path, count: int) -> None:
    """Records shaped like ours: tokens, an entity or two, a quote, speaker, cue and relations."""
    import spacy

    from annotator.core.records import Annotation, Relation, Span, Task
    from annotator.nlp.convert import tokens_from_doc

    nlp = spacy.blank("en")
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            name, place, claim = NAMES[i % len(NAMES)], PLACES[i % len(PLACES)], CLAIMS[i % len(CLAIMS)]
            quote = f'"{claim[0].upper()}{claim[1:]}, and report {i} shows it,"'
            text = f"{quote} said {name} in {place} on day {i % 365}. Others disagreed."
            tokens = tokens_from_doc(nlp.make_doc(text))
            starts = {t.start: t.id for t in tokens}
            ends = {t.end: t.id for t in tokens}

            def span(fragment: str, label: str, quote_type: str | None = None, text=text, starts=starts, ends=ends) -> Span:
                start = text.index(fragment)
                end = start + len(fragment)
                return Span(start, end, starts[start], ends[end], label, text=fragment, quote_type=quote_type)

            q, cue, speaker = span(quote, "QUOTE", "direct"), span("said", "CUE"), span(name, "SPEAKER")
            person, gpe = span(name, "PERSON"), span(place, "GPE")
            task = Task(text=text, tokens=tokens, spans=[q, cue, speaker, person, gpe],
                        relations=[Relation(q, speaker, "SAID_BY"), Relation(q, cue, "CUE"),
                                   Relation(speaker, person, "COREF")],
                        meta={"source": "bench"})
            annotator = "alice" if i % 2 else "bob"
            record = Annotation(task, "accept", annotator, f"{annotator}-1", 1_700_000_000 + i).to_dict()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_annotator(source: Path, output: Path) -> dict:
    from annotator.formats.exporting import export_annotations

    start = time.perf_counter()
    report = export_annotations(sources=[source], format="spacy", output=output)
    return {"seconds": time.perf_counter() - start, "docs": report.outputs["all"][1]}


def run_spacy(source: Path, output: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin

    from annotator.core.invariants import check_task
    from annotator.core.records import Annotation
    from annotator.formats.spacy import DOCBIN_ATTRS, add_training_views
    from annotator.nlp.convert import task_to_doc

    nlp = spacy.blank("en")
    start = time.perf_counter()
    doc_bin = DocBin(attrs=list(DOCBIN_ATTRS), store_user_data=True)
    serialising = 0.0
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            annotation = Annotation.from_dict(json.loads(line))
            check_task(annotation.task)
            doc = task_to_doc(annotation.task, nlp)
            add_training_views(doc)  # the "sc" group and doc._.rel every export carries
            t = time.perf_counter()
            doc_bin.add(doc)
            serialising += time.perf_counter() - t
    t = time.perf_counter()
    doc_bin.to_disk(output)
    serialising += time.perf_counter() - t
    return {"seconds": time.perf_counter() - start, "docs": len(doc_bin), "serialising": serialising}


def child(contender: str, source: str, output: str) -> None:
    runner = run_annotator if contender == "annotator" else run_spacy
    result = runner(Path(source), Path(output))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["output_mb"] = Path(output).stat().st_size / 1e6
    print(json.dumps(result))


def measure(contender: str, source: Path, output: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", contender, str(source), str(output)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, metavar=("CONTENDER", "SOURCE", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sizes = [max(1, args.records // 5), args.records]
        print(f"{'contender':<14} {'records':>8} {'seconds':>8} {'records/s':>10} {'peak RSS MB':>12} {'file MB':>8}")
        for size in sizes:
            source = work / f"records-{size}.jsonl"
            start = time.perf_counter()
            generate(source, size)
            print(f"(generated {size} records, {source.stat().st_size / 1e6:.0f} MB, "
                  f"in {time.perf_counter() - start:.1f} s)")
            for contender in ("annotator", "spacy DocBin"):
                result = measure(contender.split()[0], source, work / f"{contender.split()[0]}-{size}.spacy")
                print(f"{contender:<14} {result['docs']:>8} {result['seconds']:>8.1f} "
                      f"{result['docs'] / result['seconds']:>10.0f} {result['peak_rss_mb']:>12.0f} "
                      f"{result['output_mb']:>8.1f}" + (f"   (DocBin.add + to_disk alone: "
                                                          f"{result['serialising']:.1f} s)"
                                                          if "serialising" in result else ""))
            same = (work / f"annotator-{size}.spacy").read_bytes() == (work / f"spacy-{size}.spacy").read_bytes()
            print(f"identical .spacy files: {same}")


if __name__ == "__main__":
    main()
