"""``bench/corpus.py --misses``: the gold quotes without a source, which the misses table leaves out
and the keys count all the same; sentences of our own."""

from __future__ import annotations

import sys

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from corpus_misses import print_sourceless  # bench/corpus_misses.py

TEXT = "The pier is expected to reopen in June. The harbour master said the tides were calm. The ferry was delayed."


def span(text: str, label: str) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), 0, 0, label, text=text, quote_type="indirect" if label == QUOTE else None)


def quote(content: str, cue: str, speaker: str | None = None) -> tuple[list[Span], list[Relation]]:
    spans = [span(content, QUOTE), span(cue, CUE)]
    relations = [Relation(spans[0], spans[1], CUE_REL)]
    if speaker is not None:
        spans.append(span(speaker, SPEAKER))
        relations.append(Relation(spans[0], spans[2], SAID_BY))
    return spans, relations


def task(*quotes: tuple[list[Span], list[Relation]]) -> Task:
    return Task(text=TEXT, spans=[s for spans, _ in quotes for s in spans],
                relations=[r for _, rels in quotes for r in rels])


def test_sourceless_gold_quotes_are_counted_found_and_found_with_a_speaker(capsys):
    gold = task(quote("to reopen in June", "expected"), quote("The pier", "expected"),
                quote("the tides were calm", "said", "The harbour master"), quote("The ferry", "delayed"))
    predicted = task(quote("to reopen in June", "expected"),  # found, no speaker: as gold
                     quote("The pier", "expected", "The harbour master"),  # found, with a speaker gold lacks
                     quote("the tides were calm", "said", "The harbour master"))  # sourced: not counted here
    print_sourceless([gold], {TEXT: predicted})
    out = capsys.readouterr().out
    assert "gold quotes without a source" in out
    assert ": 3, found 2 (0.67), 1 of them by a quote with a speaker" in out
