"""The people a document names: one ``Person`` per surname (two when two full names share one),
with every mention and the gender its titles and pronouns vote for."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import any_equal, column, doc_words, ids_of
from annotator.nlp.entities import PERSON, surname_key
from annotator.nlp.entities.names import name_bounds
from annotator.nlp.name_words import FEMALE_TITLES, GENDERED, MALE, MALE_TITLES
from annotator.nlp.paragraphs import sentence_starts


@dataclass
class Person:
    """Every mention of one person, keyed by surname; ``name`` is the fullest mention."""

    key: str
    mentions: list[Span] = field(default_factory=list)
    gender: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})
    #: What is read off the mentions (their name, full-name keys, full-name starts), each with the
    #: number of mentions it was read from: the resolvers ask for them once per speaker, and
    #: ``people_of`` only ever adds mentions.
    _read: dict[str, tuple[int, object]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> Span:
        return self._reading("name", lambda: max(self.mentions, key=lambda m: (_name_length(m), -m.start)))

    def full_keys(self) -> frozenset[str]:
        """The full-name keys (``_full_key``) of every mention."""
        return self._reading("keys", lambda: frozenset(_full_key(m) for m in self.mentions))

    def full_name_starts(self) -> list[int]:
        """Where each mention of two or more name words starts, in mention order."""
        return self._reading("starts", lambda: [m.start for m in self.mentions if name_words(m) >= 2])

    def _reading(self, what: str, read):
        known = self._read.get(what)
        if known is None or known[0] != len(self.mentions):
            known = self._read[what] = (len(self.mentions), read())
        return known[1]

    def compatible(self, gender: str | None) -> bool:
        if gender is None:
            return True
        other = "f" if gender == "m" else "m"
        return self.gender[other] <= self.gender[gender]


def people_of(ents: list[Span]) -> list[Person]:
    """One Person per surname; when a document names two people with one surname (``David Oduya``,
    ``Margaret Oduya``) each full name is its own Person and a bare surname goes to the one named
    last before it."""
    by_surname: dict[str, list[Span]] = {}
    if not ents:
        return []
    doc = ents[0].doc
    # (the words read off the Doc's arrays: ``ent.text`` joins its tokens, ``doc[i]`` builds one)
    strings, lowers, orths = doc.vocab.strings, ids_of(doc, LOWER), ids_of(doc, ORTH)
    for ent in ents:
        if ent.label_ == PERSON and strings[orths[ent.start]][:1].isupper():
            by_surname.setdefault(surname_key(ent), []).append(ent)
    people: list[Person] = []
    for surname, mentions in by_surname.items():
        full = {_full_key(m) for m in mentions if name_words(m) >= 2}
        if len(full) <= 1:
            people.append(Person(surname, list(mentions)))
            continue
        own = {key: Person(key) for key in sorted(full)}
        # Full names first, so a bare surname before any of them ("Lopez ... Ana Lopez ...
        # Rosa Lopez") still has people with mentions to choose from.
        for mention in mentions:
            if name_words(mention) >= 2:
                own[_full_key(mention)].mentions.append(mention)
        for mention in mentions:
            if name_words(mention) < 2:
                _nearest_full(mention, list(own.values())).mentions.append(mention)
        for person in own.values():
            person.mentions.sort(key=lambda m: m.start)
        people.extend(own.values())
    for person in people:
        for mention in person.mentions:
            before = strings[lowers[mention.start - 1]].rstrip(".") if mention.start else ""
            words = {strings[lowers[i]].rstrip(".") for i in range(mention.start, mention.end)} | {before}
            person.gender["m"] += 2 * len(words & MALE_TITLES)
            person.gender["f"] += 2 * len(words & FEMALE_TITLES)
    return people


def name_words(mention: Span) -> int:
    """Words of a name, a hyphenated surname (``Ruiz-Castro``) counting as one."""
    return _name_reading(mention)[0]


def _name_length(mention: Span) -> int:
    start, end = name_bounds(mention)
    return end - start


def _full_key(mention: Span) -> str:
    return _name_reading(mention)[1]


#: Doc → (a mention's token range → its ``name_words`` and ``_full_key``): read off the words alone,
#: and asked of the same mentions for every speaker.
_NAME_READINGS: DocCache = DocCache()


def _name_reading(mention: Span) -> tuple[int, str]:
    doc = mention.doc
    known = _NAME_READINGS.answers(doc)
    key = (mention.start, mention.end)
    reading = known.get(key)
    if reading is None:
        # ``name_tokens``' words, read off the Doc's arrays (no Span or Token built)
        start, end = name_bounds(mention)
        alpha, strings, lowers = doc_words(doc).alpha, doc.vocab.strings, ids_of(doc, LOWER)
        orths, spaced = ids_of(doc, ORTH), ids_of(doc, SPACY)
        words = sum(1 for i in range(start, end) if alpha[i]) \
            - sum(1 for i in range(start, end) if orths[i] == _HYPHEN and not spaced[i])
        reading = known[key] = (words, " ".join(strings[lowers[i]] for i in range(start, end)))
    return reading


_HYPHEN = hash_string("-")


def _nearest_full(mention: Span, people: list[Person]) -> Person:
    """The person with a full-name mention nearest before ``mention`` (else the first named)."""
    best: tuple[int, Person] | None = None
    for person in people:
        for start in person.full_name_starts():
            if start < mention.start and (best is None or start > best[0]):
                best = (start, person)
    if best is not None:
        return best[1]
    # None named in full before it: the first named in full after it. A Person may have no
    # full-name mention at all, so the minimum has a default.
    return min(people, key=lambda p: min(p.full_name_starts(), default=len(mention.doc)))


def person_named(mention: Span, people: list[Person]) -> Person | None:
    """The person a name mention stands for: its own full name, else the surname's person."""
    if name_words(mention) >= 2:
        key = _full_key(mention)
        for person in people:
            if person.key == key or key in person.full_keys():
                return person
    surname = surname_key(mention)
    same = [p for p in people if p.key == surname or p.key.endswith(" " + surname)]
    if len(same) <= 1:
        return same[0] if same else None
    return _nearest_full(mention, same)


def gender_from_context(doc: Doc, people: list[Person]) -> None:
    """A gendered pronoun in a sentence where one person alone was named before it votes for them."""
    owner = {m.start: p for p in people for m in p.mentions}
    starts = sentence_starts(doc)
    # Only a mention's first word and a gendered pronoun change anything: read the words from the
    # Doc's array and walk those tokens alone, in order, sentence by sentence.
    pronouns = _gendered_pronouns(column(doc, LOWER))
    named: set[str] = set()
    sentence = -1
    for i in sorted(owner.keys() | pronouns.keys()):
        here = bisect_right(starts, i) - 1
        if here != sentence:
            named, sentence = set(), here
        if i in owner:
            named.add(owner[i].key)
        elif len(named) == 1:
            person = next(p for p in people if p.key in named)
            person.gender["m" if pronouns[i] in MALE else "f"] += 1


#: Hash of each gendered pronoun's lower-case form → the word.
_GENDERED_IDS = {hash_string(word): word for word in GENDERED}
_GENDERED_LIST = sorted(_GENDERED_IDS)


def _gendered_pronouns(lowers: numpy.ndarray) -> dict[int, str]:
    """Token index → the gendered pronoun there, read off a Doc's ``LOWER`` array."""
    at = numpy.flatnonzero(any_equal(lowers, _GENDERED_LIST)).tolist()  # (a few words: cheaper than isin)
    return {i: _GENDERED_IDS[h] for i, h in zip(at, lowers[at].tolist(), strict=True)}
