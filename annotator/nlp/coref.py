"""Who a speaker mention refers to: ``COREF`` from a pronoun, surname or description to the fullest
PERSON name mention in the document.

Pronouns take the most recent person of a compatible gender, preferring subjects; a pronoun
before any name (a lede) takes the first person named after it. Gender comes from titles and from
pronouns that plainly refer to one person; nothing is guessed from first names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import COREF, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.entities import PERSON, name_tokens, surname_key

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "spokesman", "chairman", "mister",
                "congressman", "businessman", "councilman", "duke", "emperor", "baron", "brother", "uncle"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman", "madam",
                  "congresswoman", "businesswoman", "councilwoman", "duchess", "empress", "baroness", "sister",
                  "aunt", "mother", "actress"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Person:
    """Every mention of one person, keyed by surname; ``name`` is the fullest mention."""

    key: str
    mentions: list[Span] = field(default_factory=list)
    gender: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})

    @property
    def name(self) -> Span:
        return max(self.mentions, key=lambda m: (len(name_tokens(m)), -m.start))

    def compatible(self, gender: str | None) -> bool:
        if gender is None:
            return True
        other = "f" if gender == "m" else "m"
        return self.gender[other] <= self.gender[gender]


@Language.factory(
    "annotator_coref",
    assigns=["doc._.relations"],
    requires=["doc.ents", "doc.spans"],
    default_config={"resolve_cataphora": True},
)
def make_speaker_resolver(nlp: Language, name: str, resolve_cataphora: bool) -> SpeakerResolver:
    return SpeakerResolver(resolve_cataphora=resolve_cataphora)


class SpeakerResolver:
    """Links each speaker that is not already a full name to the person it refers to."""

    def __init__(self, *, resolve_cataphora: bool = True) -> None:
        self.resolve_cataphora = resolve_cataphora

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not len(doc.spans["speakers"]):
            return doc
        ents = list(doc.ents)
        people = _people(ents)
        if not people:
            return doc
        by_key = {p.key: p for p in people}
        _gender_from_context(doc, people)
        speaker_heads = {s.root.i for s in doc.spans["speakers"]}
        for speaker in sorted(doc.spans["speakers"], key=lambda s: s.start):
            person = self._resolve(ents, speaker, people, by_key, speaker_heads)
            if person is None:
                continue
            target = person.name
            if (target.start, target.end) != (speaker.start, speaker.end):
                add_relation(doc, speaker, SPEAKER, target, PERSON, COREF)
        return doc

    def _resolve(self, ents: list[Span], speaker: Span, people: list[Person], by_key: dict[str, Person],
                 speaker_heads: set[int]) -> Person | None:
        names = [e for e in ents if e.label_ == PERSON and speaker.start <= e.start and e.end <= speaker.end]
        if len(names) > 1 and any(t.dep_ == "conj" for e in names for t in e):
            return None  # "two senators, Joe Manchin and Kyrsten Sinema": several people, not one
        # "the head of X, Sergei Lavrov": the apposition (or the head itself) is who it is; a name in
        # a prepositional phrase ("analysts at Barclays") is someone else.
        names = [e for e in names if e.start <= speaker.root.i < e.end or e.root.dep_ == "appos"]
        if names:
            return by_key.get(surname_key(names[-1]))
        if len(speaker) == 1 and speaker[0].lower_ in MALE | FEMALE:
            gender = "m" if speaker[0].lower_ in MALE else "f"
            person = self._antecedent(speaker, people, gender, speaker_heads)
            if person is not None:
                person.gender[gender] += 1
            return person
        key = surname_key(speaker) if speaker[-1].text[:1].isupper() else None
        if key in by_key:
            return by_key[key]
        return _described(speaker, people)

    def _antecedent(self, speaker: Span, people: list[Person], gender: str,
                    speaker_heads: set[int]) -> Person | None:
        candidates = [p for p in people if p.compatible(gender)]
        before = sorted(((m, p) for p in candidates for m in p.mentions if m.end <= speaker.start),
                        key=lambda mp: mp[0].start, reverse=True)
        for mention, person in before:
            if _is_subject(mention, speaker_heads):
                return person
        if before:
            return before[0][1]
        if not self.resolve_cataphora:
            return None
        after = sorted(((m, p) for p in candidates for m in p.mentions if m.start >= speaker.end),
                       key=lambda mp: mp[0].start)
        for mention, person in after:
            if _is_subject(mention, speaker_heads):
                return person
        return after[0][1] if after else None


def _people(ents: list[Span]) -> list[Person]:
    people: dict[str, Person] = {}
    for ent in ents:
        if ent.label_ != PERSON or not ent.text[:1].isupper():
            continue
        key = surname_key(ent)
        people.setdefault(key, Person(key)).mentions.append(ent)
    for person in people.values():
        for mention in person.mentions:
            before = mention.doc[mention.start - 1].lower_.rstrip(".") if mention.start else ""
            words = {t.lower_.rstrip(".") for t in mention} | {before}
            person.gender["m"] += 2 * len(words & _MALE_TITLES)
            person.gender["f"] += 2 * len(words & _FEMALE_TITLES)
    return list(people.values())


def _gender_from_context(doc: Doc, people: list[Person]) -> None:
    """A gendered pronoun in a sentence where one person alone was named before it votes for them."""
    owner = {m.start: p for p in people for m in p.mentions}
    for sent in doc.sents:
        named: set[str] = set()
        for token in sent:
            if token.i in owner:
                named.add(owner[token.i].key)
            elif token.lower_ in MALE | FEMALE and len(named) == 1:
                person = next(p for p in people if p.key in named)
                person.gender["m" if token.lower_ in MALE else "f"] += 1


def _is_subject(mention: Span, speaker_heads: set[int]) -> bool:
    return mention.root.dep_ in SUBJECT_DEPS or mention.root.i in speaker_heads or \
        mention.root.head.dep_ in SUBJECT_DEPS and mention.root.dep_ in ("appos", "compound")


def _described(speaker: Span, people: list[Person]) -> Person | None:
    """``the spokesperson`` → the most recent person introduced with that word next to their name."""
    head = speaker.root.lemma_.lower() or speaker.root.lower_
    if not head or speaker.root.pos_ not in ("NOUN", "PROPN"):
        return None
    best: tuple[int, Person] | None = None
    for person in people:
        for mention in person.mentions:
            if mention.start >= speaker.start:
                continue
            window = mention.doc[max(0, mention.start - 4):min(len(mention.doc), mention.end + 6)]
            words = {t.lemma_.lower() or t.lower_ for t in window}
            if head in words:
                if best is None or mention.start > best[0]:
                    best = (mention.start, person)
    return best[1] if best else None
