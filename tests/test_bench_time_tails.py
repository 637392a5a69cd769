"""``bench/time_tails.py``: an extent closing in a time phrase, and what gold does with it; sentences of
our own."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from time_tails import outcome, time_tail  # bench/time_tails.py


def _span(doc, words: str):
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.model
def test_a_closing_time_phrase_is_found_and_a_plain_object_has_none(nlp_model):
    doc = nlp_model("The harbour board rejected the ferry levy on Tuesday, and the mayor praised the new pier.")
    head = time_tail(_span(doc, "the ferry levy on Tuesday"))
    assert head is not None and doc[head.left_edge.i:head.right_edge.i + 1].text == "on Tuesday"
    assert time_tail(_span(doc, "the new pier")) is None


def test_gold_cutting_including_or_missing_the_phrase():
    text = "the ferry levy on Tuesday"
    cut, end = text.index("on Tuesday"), len(text)
    quote = lambda a, b: SimpleNamespace(start=a, end=b)  # noqa: E731
    assert outcome(text, [quote(0, cut - 1)], 0, end, cut) == "cuts it"
    assert outcome(text, [quote(0, end)], 0, end, cut) == "includes it"
    assert outcome(text, [quote(0, 3)], 0, end, cut) == "ends earlier"
    assert outcome(text, [], 0, end, cut) == "no gold"


def test_the_script_skips_without_the_corpus(tmp_path):
    bench_scripts.assert_skips_without_corpus("time_tails.py", tmp_path, "--parse-cache", str(tmp_path / "pc"))
