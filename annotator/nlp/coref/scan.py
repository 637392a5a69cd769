"""What the coreference resolvers read about one document, built once: ``CorefScan``."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter
from functools import cached_property
from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import ids_of
from annotator.nlp.coref.person_register import Person, gender_from_context, people_of
from annotator.nlp.entities import PERSON


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
    #: What the resolvers ask again for each speaker, read once: each person's mentions outside
    #: direct quotes (by the person's place in ``people``), the words around a mention.
    _unquoted: dict[int, list[Span]] = field(default_factory=dict, repr=False, compare=False)
    _around: dict[tuple[int, int], set[str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, doc: Doc, *, resolve_cataphora: bool = True) -> CorefScan:
        ents = list(doc.ents)
        people = people_before_resolvers(doc, ents)
        speakers = sorted(doc.spans["speakers"], key=lambda s: s.start)
        quoted = [(q.start, q.end) for q in doc.spans["quotes"] if q._.quote_type == "direct"]
        return cls(doc=doc, ents=ents, people=people, speakers=speakers, quoted=quoted,
                   speaker_heads={s.root.i for s in speakers}, resolve_cataphora=resolve_cataphora)

    @cached_property
    def person_ents(self) -> list[Span]:
        """The PERSON entities, in order."""
        return [e for e in self.ents if e.label_ == PERSON]

    def unquoted_mentions(self, person: Person) -> list[Span]:
        """The person's mentions that are not inside a direct quote, in mention order."""
        key = id(person)  # the people are this scan's, alive as long as it is
        found = self._unquoted.get(key)
        if found is None:
            found = self._unquoted[key] = [m for m in person.mentions
                                           if not any(qs <= m.start and m.end <= qe for qs, qe in self.quoted)]
        return found

    def words_around(self, mention: Span) -> set[str]:
        """The lemmas (else the words) from four tokens before a mention to six after it."""
        key = (mention.start, mention.end)
        found = self._around.get(key)
        if found is None:
            doc = self.doc  # (the words read off the Doc's arrays: no Span or Token built)
            strings, lemmas, lowers = doc.vocab.strings, ids_of(doc, LEMMA), ids_of(doc, LOWER)
            found = self._around[key] = {strings[lemmas[i]].lower() or strings[lowers[i]]
                                         for i in range(max(0, mention.start - 4), min(len(doc), mention.end + 6))}
        return found


#: Doc → the people as ``people_of`` and ``gender_from_context`` read them, before any resolver
#: added a vote: the entities they were read from (start, end, label), and per person its key, the
#: places of its mentions among those entities and its gender votes. Plain values, no Span (a value
#: must not hold its Doc). The coreference component reads them; promotion, which builds a scan of
#: the same Doc again after it, starts from them instead of reading them again.
_PEOPLE: DocCache = DocCache()


def people_before_resolvers(doc: Doc, ents: list[Span]) -> list[Person]:
    """``people_of(ents)`` with ``gender_from_context``'s votes, fresh Persons (the resolvers add
    votes to their own), copied from what an earlier scan of the Doc read when its entities were the
    same (those two read nothing else that changes once the parse is done: the words, the sentences)."""
    ents_read = tuple((e.start, e.end, e.label) for e in ents)
    known = _PEOPLE.get(doc)
    if known is not None and known[0] == ents_read:
        return [Person(key, [ents[i] for i in places], dict(gender)) for key, places, gender in known[1]]
    people = people_of(ents)
    gender_from_context(doc, people)
    place = {id(e): i for i, e in enumerate(ents)}
    _PEOPLE[doc] = (ents_read, tuple((p.key, tuple(place[id(m)] for m in p.mentions), tuple(p.gender.items()))
                                    for p in people))
    return people


def ents_within(span: Span, ents: list[Span]) -> list[Span]:
    """``span.ents`` from the document's entities read once (``Span.ents`` rebuilds ``doc.ents``),
    given in order as ``doc.ents`` gives them (so the first at or after the span is found by bisection)."""
    within = []
    for ent in ents[bisect_left(ents, span.start, key=_START):]:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            within.append(ent)
    return within


_START = attrgetter("start")
