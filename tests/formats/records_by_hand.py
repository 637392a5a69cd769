"""Decisions written by hand for the export, stats and agree tests.

Spans are named by the text they cover, so the fixtures read like the documents. Run this file
(``python -m tests.formats.records_by_hand``) to rewrite ``tests/fixtures/export/*.jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import spacy

from annotator.core.invariants import check_task
from annotator.core.records import Annotation, Relation, Span, Task
from annotator.nlp.convert import tokens_from_doc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "export"
_NLP = spacy.blank("en")

#: (label, covered text, which occurrence) — label "QUOTE:direct" gives a QUOTE of that type.
SpanSpec = tuple[str, str] | tuple[str, str, int]
#: (index of head span, index of child span, relation label)
RelationSpec = tuple[int, int, str]


def make_task(text: str, spans: Sequence[SpanSpec] = (), relations: Sequence[RelationSpec] = ()) -> Task:
    tokens = tokens_from_doc(_NLP.make_doc(text))
    starts = {t.start: t.id for t in tokens}
    ends = {t.end: t.id for t in tokens}
    made: list[Span] = []
    for spec in spans:
        label, fragment = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(fragment, start + 1)
        end = start + len(fragment)
        label, _, quote_type = label.partition(":")
        made.append(Span(start, end, starts[start], ends[end], label, text=fragment,
                         quote_type=quote_type or None))
    task = Task(text=text, tokens=tokens, spans=made,
                relations=[Relation(made[h], made[c], label) for h, c, label in relations],
                meta={"source": "by-hand"})
    check_task(task)
    return task


def decision(task: Task, answer: str, annotator: str, timestamp: int) -> Annotation:
    return Annotation(task.copy(), answer, annotator, f"{annotator}-session", timestamp)


# -- the export fixture: two annotators, superseded decisions, every span and relation kind ------

BRIDGE = '"We will rebuild the bridge," said Mayor Ana Lopez in Leeds.'
COUNCIL = "Ana Lopez met the council.\n\nShe said the work would start in May."
UNION = 'The union called the offer "an insult to every nurse" on Monday.'
STRIKE = "Nurses voted to strike, the union said."


def export_decisions() -> list[Annotation]:
    bridge = make_task(BRIDGE, [
        ("QUOTE:direct", '"We will rebuild the bridge,"'), ("CUE", "said"), ("SPEAKER", "Mayor Ana Lopez"),
        ("PERSON", "Ana Lopez"), ("GPE", "Leeds"),
    ], [(0, 2, "SAID_BY"), (0, 1, "CUE"), (2, 3, "COREF")])
    bridge_bob = make_task(BRIDGE, [
        ("QUOTE:direct", '"We will rebuild the bridge,"'), ("CUE", "said"), ("SPEAKER", "Ana Lopez"),
        ("PERSON", "Ana Lopez"),
    ], [(0, 2, "SAID_BY"), (0, 1, "CUE")])
    bridge_bob_old = make_task(BRIDGE, [("PERSON", "Ana Lopez")])
    council = make_task(COUNCIL, [
        ("PERSON", "Ana Lopez"), ("SPEAKER", "She"), ("CUE", "said"),
        ("QUOTE:indirect", "the work would start in May"), ("DATE", "May"),
    ], [(3, 1, "SAID_BY"), (3, 2, "CUE"), (1, 0, "COREF")])
    union = make_task(UNION, [
        ("SPEAKER", "The union"), ("CUE", "called"),
        ("QUOTE:mixed", 'the offer "an insult to every nurse"'),
        ("QUOTE:direct", '"an insult to every nurse"'), ("DATE", "Monday"),
    ], [(2, 0, "SAID_BY"), (2, 1, "CUE"), (3, 0, "SAID_BY")])
    strike = make_task(STRIKE, [("QUOTE:indirect", "Nurses voted to strike"), ("SPEAKER", "the union")],
                       [(0, 1, "SAID_BY")])
    return [
        decision(bridge_bob_old, "accept", "bob", 1_700_000_100),
        decision(bridge, "accept", "alice", 1_700_000_200),
        decision(council, "accept", "alice", 1_700_000_300),
        decision(strike, "accept", "alice", 1_700_000_400),
        decision(bridge_bob, "accept", "bob", 1_700_000_500),
        decision(council, "ignore", "bob", 1_700_000_600),
        decision(union, "accept", "alice", 1_700_000_700),
        # alice changed her mind: the newest decision on STRIKE is a reject, so it is not exported.
        decision(strike, "reject", "alice", 1_700_000_800),
    ]


# -- the agreement fixture: alice and bob on the same three documents (numbers in test_agreement) --

AGREE_1 = '"Taxes will fall," said Tom Reed.'
AGREE_2 = 'Jo Park warned that rates would rise. "It will hurt," she said.'
AGREE_3 = "Nobody commented on the plan."
AGREE_4 = '"Prices rose," Kim Lee told Sam Ortiz.'


def agree_decisions() -> dict[str, list[Annotation]]:
    alice = [
        make_task(AGREE_1, [
            ("QUOTE:direct", '"Taxes will fall,"'), ("CUE", "said"), ("SPEAKER", "Tom Reed"), ("PERSON", "Tom Reed"),
        ], [(0, 2, "SAID_BY"), (0, 1, "CUE"), (2, 3, "COREF")]),
        make_task(AGREE_2, [
            ("PERSON", "Jo Park"), ("SPEAKER", "Jo Park"), ("CUE", "warned"),
            ("QUOTE:indirect", "rates would rise"), ("QUOTE:direct", '"It will hurt,"'),
            ("SPEAKER", "she"), ("CUE", "said"),
        ], [(3, 1, "SAID_BY"), (3, 2, "CUE"), (4, 5, "SAID_BY"), (4, 6, "CUE"), (5, 0, "COREF"),
            (1, 0, "COREF")]),
        make_task(AGREE_3),
        make_task(AGREE_4, [
            ("QUOTE:direct", '"Prices rose,"'), ("SPEAKER", "Kim Lee"), ("CUE", "told"),
            ("PERSON", "Kim Lee"), ("PERSON", "Sam Ortiz"),
        ], [(0, 1, "SAID_BY"), (0, 2, "CUE")]),
    ]
    bob = [
        make_task(AGREE_1, [
            ("QUOTE:direct", '"Taxes will fall,"'), ("CUE", "said"), ("SPEAKER", "Tom Reed"), ("PERSON", "Tom Reed"),
        ], [(0, 2, "SAID_BY"), (0, 1, "CUE"), (2, 3, "COREF")]),
        make_task(AGREE_2, [
            ("PERSON", "Jo Park"), ("SPEAKER", "Jo Park"), ("CUE", "warned"),
            ("QUOTE:indirect", "that rates would rise"), ("QUOTE:direct", '"It will hurt,"'), ("CUE", "said"),
        ], [(3, 1, "SAID_BY"), (3, 2, "CUE"), (4, 1, "SAID_BY"), (4, 5, "CUE")]),
        make_task(AGREE_3, [("ORG", "Nobody")]),
        make_task(AGREE_4, [
            ("QUOTE:direct", '"Prices rose,"'), ("SPEAKER", "Sam Ortiz"), ("CUE", "told"),
            ("PERSON", "Kim Lee"), ("PERSON", "Sam Ortiz"),
        ], [(0, 1, "SAID_BY"), (0, 2, "CUE")]),
    ]
    return {
        name: [decision(task, "accept", name, 1_700_001_000 + i) for i, task in enumerate(tasks)]
        for name, tasks in (("alice", alice), ("bob", bob))
    }


def write_jsonl(path: Path, annotations: Sequence[Annotation]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for annotation in annotations:
            out.write(json.dumps(annotation.to_dict(), ensure_ascii=False) + "\n")


def write_fixtures() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    write_jsonl(FIXTURES / "annotations.jsonl", export_decisions())
    for name, decisions in agree_decisions().items():
        write_jsonl(FIXTURES / f"agree_{name}.jsonl", decisions)


if __name__ == "__main__":
    write_fixtures()
