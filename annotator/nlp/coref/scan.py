"""What the coreference resolvers read about one document, built once: ``CorefScan``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from annotator.nlp.coref.person_register import Person, gender_from_context, people_of


class Resolved(NamedTuple):
    """A resolver's answer: who the speaker is, with that mention's label; ``target`` None means
    nobody can be named and no later resolver is asked."""

    target: Span | None
    label: str = ""


@dataclass
class CorefScan:
    doc: Doc
    #: ``doc.ents`` builds every Span on each access: read once.
    ents: list[Span]
    people: list[Person]
    speakers: list[Span]
    #: Token ranges of direct quotes: a name inside one is talked about, not speaking.
    quoted: list[tuple[int, int]]
    speaker_heads: set[int]
    #: A pronoun before any name (a lede) may take the first person named after it.
    resolve_cataphora: bool = True

    @classmethod
    def of(cls, doc: Doc, *, resolve_cataphora: bool = True) -> CorefScan:
        ents = list(doc.ents)
        people = people_of(ents)
        speakers = sorted(doc.spans["speakers"], key=lambda s: s.start)
        quoted = [(q.start, q.end) for q in doc.spans["quotes"] if q._.quote_type == "direct"]
        gender_from_context(doc, people)
        return cls(doc=doc, ents=ents, people=people, speakers=speakers, quoted=quoted,
                   speaker_heads={s.root.i for s in speakers}, resolve_cataphora=resolve_cataphora)


def ents_within(span: Span, ents: list[Span]) -> list[Span]:
    """``span.ents`` from the document's entities read once (``Span.ents`` rebuilds ``doc.ents``)."""
    within = []
    for ent in ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            within.append(ent)
    return within
