"""A small generated set of annotated news-like documents (our own sentences) for the training tests.

Each paragraph is a template with a speaker, a cue and a quote (direct, indirect or with
``according to``), or a plain sentence; spans and relations are placed where the template puts them.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import spacy

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Annotation, Relation, Span, Task
from annotator.nlp.convert import tokens_from_doc
from tests.conftest import assert_valid_record

NAMES = ["Ann Moss", "Tom Reyes", "Lena Park", "Omar Diallo", "Jill Hart", "Ravi Menon", "Greta Holm",
         "Paul Okafor", "Nina Berg", "Victor Lund"]
CLAUSES = ["the bridge will reopen in March", "the budget has a hole in it", "the vote was rushed",
           "the school needs more teachers", "the plan would cost too much", "the report was wrong",
           "the council ignored the warnings", "prices will fall next year", "the talks had stalled",
           "nobody had asked the residents"]
#: Places for ``entities=True``: a label the base model does not know, so learning it shows.
VENUES = ["Harbour Hall", "Elm Court", "Quarry Yard", "Linden Dome", "Saltmarsh Arena"]
PLAIN = ["The meeting ended at noon.", "Rain fell over the city all week.", "The hall was half empty.",
         "Tickets went on sale on Monday.", "The river rose by a metre overnight."]

#: A template: pieces of text, each plain or (label, placeholder) to become a span.
TEMPLATES = [
    [("SPEAKER", "{name}"), " ", ("CUE", "said"), " that ", ("QUOTE:indirect", "{clause}"), "."],
    ['"', ("QUOTE:direct", "{Clause}"), '," ', ("SPEAKER", "{name}"), " ", ("CUE", "said"), "."],
    [("QUOTE:indirect", "{Clause}"), ", ", ("CUE", "according to"), " ", ("SPEAKER", "{name}"), "."],
    [("SPEAKER", "{name}"), " ", ("CUE", "told"), " reporters ", ("QUOTE:indirect", "{clause}"), "."],
]
#: Attributions whose cue verb is made up, so no rule knows it and only a trained tagger finds them
#: (``unknown_cues=True``): what the linking chosen on dev must take from the model.
UNKNOWN_CUE_TEMPLATES = [
    [("SPEAKER", "{name}"), " ", ("CUE", "vorbled"), " that ", ("QUOTE:indirect", "{clause}"), "."],
    [("QUOTE:indirect", "{Clause}"), ", ", ("SPEAKER", "{name}"), " ", ("CUE", "vorbled"), "."],
]

_NLP = spacy.blank("en")


def generated_tasks(count: int, seed: int = 0, *, entities: bool = False, unknown_cues: bool = False) -> list[Task]:
    """``entities``: every speaker's name is also a PERSON, and some plain sentences name a VENUE.
    ``unknown_cues``: some attributions have a cue verb no rule knows (``UNKNOWN_CUE_TEMPLATES``)."""
    rng = random.Random(seed)
    templates = TEMPLATES + UNKNOWN_CUE_TEMPLATES if unknown_cues else TEMPLATES
    return [_document(rng, entities, templates) for _ in range(count)]


def _document(rng: random.Random, entities: bool = False, templates=TEMPLATES) -> Task:
    text = ""
    marks: list[tuple[int, int, str, int]] = []  # start, end, label, paragraph
    for paragraph in range(rng.randint(3, 5)):
        if paragraph:
            text += "\n\n"
        if entities and rng.random() < 0.3:
            text += "Crowds met at "
            venue = rng.choice(VENUES)
            marks.append((len(text), len(text) + len(venue), "VENUE", paragraph))
            text += venue + " on Friday."
            continue
        if rng.random() < 0.3:
            text += rng.choice(PLAIN)
            continue
        name, clause = rng.choice(NAMES), rng.choice(CLAUSES)
        for piece in rng.choice(templates):
            if isinstance(piece, str):
                text += piece
                continue
            label, slot = piece
            value = slot.format(name=name, clause=clause, Clause=clause[0].upper() + clause[1:])
            marks.append((len(text), len(text) + len(value), label, paragraph))
            if entities and label == SPEAKER:
                marks.append((len(text), len(text) + len(value), "PERSON", paragraph))
            text += value
    tokens = tokens_from_doc(_NLP.make_doc(text))
    starts = {t.start: t.id for t in tokens}
    ends = {t.end: t.id for t in tokens}
    spans = []
    for start, end, label, paragraph in marks:
        label, _, quote_type = label.partition(":")
        spans.append((paragraph, Span(start, end, starts[start], ends[end], label, text=text[start:end],
                                      quote_type=quote_type or None)))
    relations = []
    for paragraph in {p for p, s in spans if s.label == QUOTE}:
        here = {s.label: s for p, s in spans if p == paragraph}
        relations.append(Relation(here[QUOTE], here[SPEAKER], SAID_BY))
        relations.append(Relation(here[QUOTE], here[CUE], CUE_REL))
    ordered = sorted((s for _, s in spans), key=lambda s: (s.start, -s.end, s.label))
    return Task(text=text, tokens=tokens, spans=ordered, relations=relations)


def write_decisions(path: Path, tasks: list[Task], answer: str = "accept", timestamp: int = 1) -> Path:
    with path.open("a", encoding="utf-8") as out:
        for task in tasks:
            record = Annotation(task=task, answer=answer, annotator_id="tester", session_id="tester-1",
                                timestamp=timestamp).to_dict()
            assert_valid_record(record)
            out.write(json.dumps(record) + "\n")
    return path


def write_tasks(path: Path, tasks: list[Task]) -> Path:
    records = [t.to_dict() for t in tasks]
    for record in records:
        assert_valid_record(record)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
