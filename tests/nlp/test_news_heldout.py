"""The held-out news test set: its gold is sound (it validates, its offsets match its text, it is
built from its spec). No score floors: the set is for measuring the pre-labeler honestly, not for
tuning it, so nothing here depends on what the rules find. Do not tune rules on it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER
from annotator.core.sources import read_tasks
from annotator.core.validation import validate_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HELDOUT = FIXTURES / "news_heldout"
GOLD = HELDOUT / "gold.jsonl"
ENTITY_LABELS = {"PERSON", "ORG", "GPE"}


@pytest.fixture(scope="module")
def gold():
    return [task for _, task in read_tasks([GOLD])]


def test_gold_file_validates():
    report = validate_file(GOLD)
    assert report.ok, [str(p) for p in report.problems]
    assert report.records == len(list((HELDOUT / "texts").glob("*.txt"))) == 8


def test_texts_are_the_documents(gold):
    for task in gold:
        assert task.meta["id"] == f"news_heldout-{Path(task.meta['source']).stem}"
        path = HELDOUT / "texts" / task.meta["source"]
        assert path.read_text(encoding="utf-8") == task.text


def test_offsets_match_text(gold):
    for task in gold:
        assert all(task.text[t.start:t.end] == t.text for t in task.tokens)
        for span in task.spans:
            assert span.text == task.text[span.start:span.end]
            assert span.text == span.text.strip(), span
            assert task.tokens[span.token_start].start == span.start
            assert task.tokens[span.token_end].end == span.end
        for rel in task.relations:
            for s in (rel.head_span, rel.child_span):
                assert s.text == task.text[s.start:s.end]


def test_structure_is_consistent(gold):
    for task in gold:
        spans = {s.key for s in task.spans}
        labels = {s.label for s in task.spans}
        assert labels <= ENTITY_LABELS | {QUOTE, SPEAKER, CUE}, labels
        quotes = {(s.start, s.end) for s in task.spans if s.label == QUOTE}
        assert quotes, task.meta["id"]
        for pair in task.meta["optional"]:
            assert tuple(pair) in quotes
        said_by: dict = {}
        for rel in task.relations:
            assert rel.head_span.key in spans and rel.child_span.key in spans
            if rel.label == SAID_BY:
                assert (rel.head_span.label, rel.child_span.label) == (QUOTE, SPEAKER)
                said_by.setdefault(rel.head_span.key, []).append(rel.child_span)
            elif rel.label == CUE_REL:
                assert (rel.head_span.label, rel.child_span.label) == (QUOTE, CUE)
            else:
                assert rel.label == COREF
                assert rel.head_span.label == SPEAKER and rel.child_span.label in ENTITY_LABELS
        optional = {tuple(p) for p in task.meta["optional"]}
        for s in task.spans:
            if s.label == QUOTE and (s.start, s.end) not in optional:
                assert len(said_by.get(s.key, [])) == 1, f"{task.meta['id']}: {s.text!r} has no single speaker"
                # a speaker is never inside its own quote
                sp = said_by[s.key][0]
                assert sp.end <= s.start or sp.start >= s.end


def test_direct_quotes_follow_the_content_convention(gold):
    """A direct quote's content has no marks at its ends and no final full stop or comma."""
    marks = "\"'“”‘’„«»"
    for task in gold:
        for s in task.spans:
            if s.label == QUOTE and s.quote_type == "direct":
                assert s.text[0] not in marks and s.text[-1] not in marks + ".,", (task.meta["id"], s.text)


def test_gold_is_built_from_the_spec():
    spec = importlib.util.spec_from_file_location("make_news_heldout_gold", FIXTURES / "make_news_heldout_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = [json.dumps(t.to_dict(), ensure_ascii=False) for t in module.build_all()]
    assert GOLD.read_text(encoding="utf-8").splitlines() == rebuilt
