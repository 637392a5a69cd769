"""The hand-made news gold sets are sound: they validate, their offsets match their texts, their
structure is that of our records, direct quotes follow the content convention, and each file is
what its builder makes from the hand-written spec. No scores here (floors live in test_news_*).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER
from annotator.core.sources import read_tasks
from annotator.core.validation import validate_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ENTITY_LABELS = {"PERSON", "ORG", "GPE"}
#: set → how many articles it has
SETS = {"news_dev": 11, "news_blind": 8, "news_heldout": 8}


@pytest.fixture(scope="module", params=sorted(SETS))
def gold_set(request):
    name = request.param
    return name, [task for _, task in read_tasks([FIXTURES / name / "gold.jsonl"])]


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_file_validates(name):
    report = validate_file(FIXTURES / name / "gold.jsonl")
    assert report.ok, [str(p) for p in report.problems]
    assert report.records == len(list((FIXTURES / name / "texts").glob("*.txt"))) == SETS[name]


def test_texts_are_the_documents(gold_set):
    name, gold = gold_set
    for task in gold:
        assert task.meta["id"] == f"{name}-{Path(task.meta['source']).stem}"
        path = FIXTURES / name / "texts" / task.meta["source"]
        assert path.read_text(encoding="utf-8") == task.text


def test_offsets_match_text(gold_set):
    _, gold = gold_set
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


def test_structure_is_consistent(gold_set):
    _, gold = gold_set
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
        for s in task.spans:
            if s.label == QUOTE:
                # At most one speaker (a quote nobody is named for has none), never inside its quote.
                speakers = said_by.get(s.key, [])
                assert len(speakers) <= 1, f"{task.meta['id']}: {s.text!r} has {len(speakers)} speakers"
                assert all(sp.end <= s.start or sp.start >= s.end for sp in speakers)


def test_direct_quotes_follow_the_content_convention(gold_set):
    """A direct quote's content has no marks at its ends and no final full stop or comma (a
    closing mark may end it when it closes a quote nested inside)."""
    _, gold = gold_set
    marks = "\"'“”‘’„«»"
    for task in gold:
        for s in task.spans:
            if s.label == QUOTE and s.quote_type == "direct":
                nested = any(c in marks for c in s.text[:-1])
                assert s.text[0] not in marks, (task.meta["id"], s.text)
                assert s.text[-1] not in ".," and (s.text[-1] not in marks or nested), (task.meta["id"], s.text)


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_built_from_the_spec(name):
    sys.path.insert(0, str(FIXTURES))
    try:
        from gold_builder import build_set
    finally:
        sys.path.remove(str(FIXTURES))
    rebuilt = [t.to_dict() for t in build_set(name)]
    stored = [task.to_dict() for _, task in read_tasks([FIXTURES / name / "gold.jsonl"])]
    assert stored == rebuilt
