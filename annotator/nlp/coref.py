"""Who a speaker mention refers to: ``COREF`` from a pronoun, surname or description to the fullest
PERSON name mention in the document.

Pronouns take the most recent person of a compatible gender, preferring subjects and skipping names
inside direct quotes; a pronoun before any name (a lede) takes the first person named after it.
Gender comes from titles and from pronouns that plainly refer to one person; nothing is guessed
from first names. Two people sharing a surname stay two people. A description of an organisation
(``the ministry``) links to an ORG or to nothing, never to a person; unnamed plural sources
(``two people familiar with the matter``) stay unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import COREF, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.entities import PERSON, name_tokens, surname_key
from annotator.nlp.lexicon import (
    BUSINESS_NOUNS, COMPANY_NOUNS, FEMALE_TITLES, GENDERED, INDEFINITE, MALE, MALE_TITLES, NAME_GLUE,
    SUBJECT_DEPS, describes_organisation, describes_person, organisation_nouns,
)

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
        speakers = sorted(doc.spans["speakers"], key=lambda s: s.start)
        quoted = [(q.start, q.end) for q in doc.spans["quotes"] if q._.quote_type == "direct"]
        _gender_from_context(doc, people)
        speaker_heads = {s.root.i for s in speakers}
        for speaker in speakers:
            long_form = _long_form(speaker, ents)
            if long_form is not None:
                add_relation(doc, speaker, SPEAKER, long_form, long_form.label_, COREF)
                continue
            named_org = _organisation_in_apposition(speaker, ents)
            if named_org is not None:
                add_relation(doc, speaker, SPEAKER, named_org, named_org.label_, COREF)
                continue
            if describes_organisation(speaker):
                target = _organisation(speaker, ents, speakers)
                if target is not None:
                    add_relation(doc, speaker, SPEAKER, target, target.label_, COREF)
                continue
            if not people or _unnamed_source(speaker, ents):
                continue
            person = self._resolve(ents, speaker, people, speaker_heads, quoted)
            if person is None:
                continue
            target = person.name
            if (target.start, target.end) != (speaker.start, speaker.end):
                add_relation(doc, speaker, SPEAKER, target, PERSON, COREF)
        return doc

    def _resolve(self, ents: list[Span], speaker: Span, people: list[Person], speaker_heads: set[int],
                 quoted: list[tuple[int, int]]) -> Person | None:
        names = [e for e in ents if e.label_ == PERSON and speaker.start <= e.start and e.end <= speaker.end]
        if len(names) > 1 and any(t.dep_ == "conj" for e in names for t in e):
            return None  # "two senators, Joe Manchin and Kyrsten Sinema": several people, not one
        # "the head of X, Sergei Lavrov": the apposition (or the head itself) is who it is; a name in
        # a prepositional phrase ("analysts at Barclays") is someone else.
        names = [e for e in names if e.start <= speaker.root.i < e.end or e.root.dep_ == "appos"]
        if names:
            return person_named(names[-1], people)
        if len(speaker) == 1 and speaker[0].lower_ in GENDERED:
            gender = "m" if speaker[0].lower_ in MALE else "f"
            person = self._antecedent(speaker, people, gender, speaker_heads, quoted)
            if person is not None:
                person.gender[gender] += 1
            return person
        if speaker[-1].text[:1].isupper() and not describes_person(speaker):
            person = person_named(speaker, people)
            if person is not None:
                return person
        person = _described(speaker, people)
        if person is None and describes_person(speaker):
            # "the Dane said", "the striker added": the person last named as a subject before it.
            person = self._antecedent(speaker, people, None, speaker_heads, quoted, cataphora=False)
        return person

    def _antecedent(self, speaker: Span, people: list[Person], gender: str | None, speaker_heads: set[int],
                    quoted: list[tuple[int, int]], cataphora: bool = True) -> Person | None:
        """The most recent compatible person before the speaker, preferring subjects; names inside
        direct quotes ("Mum never complained") are someone the speaker talks about, never skipped to."""
        candidates = [p for p in people if p.compatible(gender)]
        mentions = [(m, p) for p in candidates for m in p.mentions
                    if not any(qs <= m.start and m.end <= qe for qs, qe in quoted)]
        before = sorted(((m, p) for m, p in mentions if m.end <= speaker.start),
                        key=lambda mp: mp[0].start, reverse=True)
        for mention, person in before:
            if _is_subject(mention, speaker_heads):
                return person
        if before:
            return before[0][1]
        if not self.resolve_cataphora or not cataphora:
            return None
        after = sorted(((m, p) for m, p in mentions if m.start >= speaker.end), key=lambda mp: mp[0].start)
        for mention, person in after:
            if _is_subject(mention, speaker_heads):
                return person
        return after[0][1] if after else None


def _people(ents: list[Span]) -> list[Person]:
    """One Person per surname; when a document names two people with one surname (``David Oduya``,
    ``Margaret Oduya``) each full name is its own Person and a bare surname goes to the one named
    last before it."""
    by_surname: dict[str, list[Span]] = {}
    for ent in ents:
        if ent.label_ == PERSON and ent.text[:1].isupper():
            by_surname.setdefault(surname_key(ent), []).append(ent)
    people: list[Person] = []
    for surname, mentions in by_surname.items():
        full = {_full_key(m) for m in mentions if _name_words(m) >= 2}
        if len(full) <= 1:
            people.append(Person(surname, list(mentions)))
            continue
        own = {key: Person(key) for key in sorted(full)}
        # Full names first, so a bare surname before any of them ("Trump ... Donald Trump ...
        # Ivanka Trump") still has people with mentions to choose from.
        for mention in mentions:
            if _name_words(mention) >= 2:
                own[_full_key(mention)].mentions.append(mention)
        for mention in mentions:
            if _name_words(mention) < 2:
                _nearest_full(mention, list(own.values())).mentions.append(mention)
        for person in own.values():
            person.mentions.sort(key=lambda m: m.start)
        people.extend(own.values())
    for person in people:
        for mention in person.mentions:
            before = mention.doc[mention.start - 1].lower_.rstrip(".") if mention.start else ""
            words = {t.lower_.rstrip(".") for t in mention} | {before}
            person.gender["m"] += 2 * len(words & MALE_TITLES)
            person.gender["f"] += 2 * len(words & FEMALE_TITLES)
    return people


def _name_words(mention: Span) -> int:
    """Words of a name, a hyphenated surname (``Ruiz-Castro``) counting as one."""
    tokens = name_tokens(mention)
    return sum(1 for t in tokens if t.is_alpha) - sum(1 for t in tokens if t.text == "-" and not t.whitespace_)


def _full_key(mention: Span) -> str:
    return " ".join(t.lower_ for t in name_tokens(mention))


def _nearest_full(mention: Span, people: list[Person]) -> Person:
    """The person with a full-name mention nearest before ``mention`` (else the first named)."""
    best: tuple[int, Person] | None = None
    for person in people:
        for m in person.mentions:
            if m.start < mention.start and _name_words(m) >= 2 and (best is None or m.start > best[0]):
                best = (m.start, person)
    if best is not None:
        return best[1]
    # None named in full before it: the first named in full after it. A Person may have no
    # full-name mention at all, so the minimum has a default.
    return min(people, key=lambda p: min((m.start for m in p.mentions if _name_words(m) >= 2), default=len(mention.doc)))


def person_named(mention: Span, people: list[Person]) -> Person | None:
    """The person a name mention stands for: its own full name, else the surname's person."""
    if _name_words(mention) >= 2:
        key = _full_key(mention)
        for person in people:
            if person.key == key or any(_full_key(m) == key for m in person.mentions):
                return person
    surname = surname_key(mention)
    same = [p for p in people if p.key == surname or p.key.endswith(" " + surname)]
    if len(same) <= 1:
        return same[0] if same else None
    return _nearest_full(mention, same)


def _gender_from_context(doc: Doc, people: list[Person]) -> None:
    """A gendered pronoun in a sentence where one person alone was named before it votes for them."""
    owner = {m.start: p for p in people for m in p.mentions}
    for sent in doc.sents:
        named: set[str] = set()
        for token in sent:
            if token.i in owner:
                named.add(owner[token.i].key)
            elif token.lower_ in GENDERED and len(named) == 1:
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


def _ents_within(span: Span, ents: list[Span]) -> list[Span]:
    """``span.ents`` from the document's entities read once (``Span.ents`` rebuilds ``doc.ents``)."""
    within = []
    for ent in ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            within.append(ent)
    return within


def _organisation_in_apposition(speaker: Span, ents: list[Span]) -> Span | None:
    """``The pilots' union, BALPA``: the organisation named in apposition is who spoke."""
    for ent in _ents_within(speaker, ents):
        if ent.label_ == "ORG" and ent.root.dep_ == "appos" and ent.root.head.i == speaker.root.i \
                and (ent.start, ent.end) != (speaker.start, speaker.end):
            return ent
    return None


def _unnamed_source(speaker: Span, ents: list[Span]) -> bool:
    """``two people familiar with the matter``, ``officials``: several unnamed people, nobody to resolve."""
    root = speaker.root
    if any(e.label_ == PERSON for e in _ents_within(speaker, ents)):
        return False
    # "A spokesperson for the agency", "another analyst", "one official": an indefinite description
    # brings in someone new, never someone named before.
    if speaker[0].lower_ in INDEFINITE or speaker[0].like_num:
        return True
    return root.tag_ in ("NNS", "NNPS") or any(c.like_num and c.dep_ == "nummod" for c in root.children)


def _organisation(speaker: Span, ents: list[Span], speakers: list[Span]) -> Span | None:
    """``the ministry said`` → the most recent ORG before it whose name holds the word, else the ORG
    that last spoke, else an ORG that is the subject earlier in its sentence; None when there is
    none of these (an organisation is never resolved to a person)."""
    words = organisation_nouns(speaker)
    orgs = [e for e in ents if e.label_ == "ORG" and e.end <= speaker.start]
    for ent in reversed(orgs):
        if words & ({t.lower_ for t in ent} | {t.lemma_.lower() for t in ent}):
            return ent
    spoke = {(s.start, s.end) for s in speakers if s.start < speaker.start}
    for ent in reversed(orgs):
        if (ent.start, ent.end) in spoke:
            return ent
    # "Northwind Airlines will cut jobs, the company said": the ORG its own report is about.
    sent = speaker[0].sent
    for ent in reversed(orgs):
        if ent.start >= sent.start and ent.root.dep_ in ("nsubj", "nsubjpass"):
            return ent
    if not words & COMPANY_NOUNS:
        return None
    # "the brewer Hollins & Grey … The company said": the ORG last introduced as a business.
    for ent in reversed(orgs):
        if _described_as_business(ent):
            return ent
    # Else the organisation the story is about: the one named most often before the speaker.
    counts: dict[str, int] = {}
    for ent in orgs:
        counts[ent[0].lower_] = counts.get(ent[0].lower_, 0) + 1
    best = max(counts.values(), default=0)
    if best >= 2:
        return next(e for e in reversed(orgs) if counts[e[0].lower_] == best)
    return None


def _described_as_business(ent: Span) -> bool:
    """``the brewer X``, ``Brewer X`` (sentence-initial), ``X, a retailer``: introduced by a noun for a
    business (a name alone, even ``X Holdings``, is not enough to take ``the company`` to it)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in COMPANY_NOUNS | BUSINESS_NOUNS:
        return True
    if ent[0].lower_ in BUSINESS_NOUNS | COMPANY_NOUNS and len(ent) > 1:
        return True
    return any(c.dep_ == "appos" and c.lower_ in COMPANY_NOUNS | BUSINESS_NOUNS for c in ent.root.children)


def _long_form(speaker: Span, ents: list[Span]) -> Span | None:
    """``ESA said`` → ``European Space Agency``: an acronym stands for the ORG whose initials it spells."""
    word = speaker.text.strip(".")
    if len(speaker) != 1 or not 2 <= len(word) <= 6 or not word.isalpha() or not word.isupper():
        return None
    found = None
    for ent in ents:
        if ent.label_ not in ("ORG", "GPE", "FAC", "NORP") or len(ent) < 2:
            continue
        capitals = [t.text[0] for t in ent if t.text[:1].isupper()]
        every = [t.text[0].upper() for t in ent if t.is_alpha]
        content = [t.text[0].upper() for t in ent if t.is_alpha and t.lower_ not in NAME_GLUE]
        if word in ("".join(capitals), "".join(every), "".join(content)):
            if ent.start < speaker.start or found is None:
                found = ent
    return found
