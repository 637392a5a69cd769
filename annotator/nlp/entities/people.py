"""Entities that are people: a name after a role or title, a nationality for one person, every
mention of a surname once someone is named in full or speaks, and the names the model missed."""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_TYPE, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from annotator.nlp.doc_words import column, ids_of
from annotator.nlp.entities.names import PERSON, name_bounds, name_hyphen, name_tokens, without_title
from annotator.nlp.entities.organisations import ends_like_organisation
from annotator.nlp.entities.scan import EntityScan
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.name_words import (
    HONORIFICS, ORG_NAME_ENDINGS, ORGANISATION_NOUNS, TITLES, is_demonym, is_person_role,
)

_PROPN = POS_IDS["PROPN"]
#: Labels a person's surname is often mistaken for; GPE is left alone (Washington, Jordan, Georgia).
RELABEL_FROM = ("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT", "LAW", "LANGUAGE")
#: Labels a name in apposition to a description of a person is sometimes given instead of PERSON.
_PERSON_MISTAKEN_FOR = RELABEL_FROM + ("GPE",)


def described_people(scan: EntityScan, ents: list[Span]) -> list[Span]:
    """A name after a role or title, or in apposition to a speaking description, is a PERSON."""
    return [without_title(_described_person(e, scan.doc)) for e in ents]


def nationalities(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return [_nationality(e) for e in ents]


def people_by_surname(scan: EntityScan, ents: list[Span]) -> list[Span]:
    """Every mention of the surname of someone named in full or speaking is that PERSON; speakers,
    introduced names and such surnames the model left untagged are added."""
    doc, speaker_heads = scan.doc, scan.speaker_heads
    # Each name's bounds and last word (lower case, off the Doc's array): building a Span for each
    # name reads three Tokens.
    names = [name_bounds(e) for e in ents]
    strings, lowers = doc.vocab.strings, ids_of(doc, LOWER)  # (read once per Doc)
    last = [strings[lowers[end - 1]] for _, end in names]
    full_names = {word for e, (start, end), word in zip(ents, names, last, strict=True)
                  if e.label_ == PERSON and end - start >= 2}
    speaking = {word for e, word in zip(ents, last, strict=True) if e.label_ == PERSON and e.root.i in speaker_heads}
    persons = full_names | speaking
    relabelled = []
    for ent, (start, end), word in zip(ents, names, last, strict=True):
        if ent.label_ in RELABEL_FROM and end - start <= 5 and word in persons \
                and all(t.text[:1].isupper() or name_hyphen(t) for t in doc[start:end]) \
                and not ends_like_organisation(ent):
            ent = Span(doc, ent.start, ent.end, label=PERSON)
        relabelled.append(ent)
    relabelled.extend(_missing_names(doc, relabelled, persons, scan.lexicon))
    return relabelled


def _described_person(ent: Span, doc: Doc) -> Span:
    """``the head of the trade office, Nadia Rahim`` speaking: the name in apposition is a person."""
    if ent.label_ in _PERSON_MISTAKEN_FOR and ent.start and is_person_role(doc[ent.start - 1]) \
            and 2 <= len(ent) <= 6 and not ends_like_organisation(ent) \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() or name_hyphen(t) for t in ent):
        return Span(doc, ent.start, ent.end, label=PERSON)  # "newcomer Ysolde Brannagh-Quist" as a FAC
    if ent.label_ not in _PERSON_MISTAKEN_FOR or len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent):
        return ent
    before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    if before in TITLES and doc[ent.start - 1].text[:1].isupper():
        return Span(doc, ent.start, ent.end, label=PERSON)  # "Chancellor Rachel Reeves"
    if ent[0].lower_.rstrip(".") in HONORIFICS and len(ent) <= 4:
        return Span(doc, ent.start, ent.end, label=PERSON)  # "Mrs Carmen Ruiz" as a WORK_OF_ART
    return Span(doc, ent.start, ent.end, label=PERSON) if _speaking_description(ent, doc) else ent


def _speaking_description(ent: Span, doc: Doc) -> bool:
    """The name stands in apposition to a description of a person (a common noun, not an
    organisation noun) and both are inside one speaker span."""
    root = ent.root
    if root.dep_ != "appos" or root.head.pos_ != "NOUN" or root.head.lower_ in ORGANISATION_NOUNS:
        return False  # "the nurses' union, Unison Health": an organisation named, not a person
    return any(s.start <= root.head.i < s.end and s.start <= ent.start and ent.end <= s.end
               for s in doc.spans["speakers"])


def _nationality(ent: Span) -> Span:
    """``the Dane`` tagged ORG or PERSON: one person described by nationality, a NORP."""
    doc = ent.doc
    if len(ent) == 1 and ent.label_ != "NORP" and ent.start and doc[ent.start - 1].lower_ == "the" \
            and is_demonym(ent[0]):
        return Span(doc, ent.start, ent.end, label="NORP")
    return ent


def _missing_names(doc: Doc, ents: list[Span], persons: set[str], lexicon: Lexicon) -> list[Span]:
    """Speakers and known surnames that the model left untagged become PERSON entities."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = _untagged_speakers(doc, taken)
    for start, end in _introduced_names(doc, lexicon):
        if not any(i in taken for i in range(start, end)):
            added.append(Span(doc, start, end, label=PERSON))
            taken.update(range(start, end))
    return added + _untagged_surnames(doc, persons, taken)


def _untagged_speakers(doc: Doc, taken: set[int]) -> list[Span]:
    """The names of speakers outside every entity (``taken``, which grows with them)."""
    added: list[Span] = []
    for speaker in doc.spans["speakers"]:
        if any(i in taken for i in range(speaker.start, speaker.end)):
            continue
        name = name_tokens(speaker)
        if name and all(t.pos_ == "PROPN" and t.text[:1].isupper() or name_hyphen(t) for t in name) \
                and len(name) <= 6 and not name_hyphen(name[0]) and not name_hyphen(name[-1]):
            added.append(Span(doc, name.start, name.end, label=PERSON))
            taken.update(range(name.start, name.end))
    return added


def _untagged_surnames(doc: Doc, persons: set[str], taken: set[int]) -> list[Span]:
    """Capitalised mentions of a known person's surname outside every entity (``taken``, which
    grows with them), with a hyphenated first part (``Ruiz-Castro``)."""
    added: list[Span] = []
    # Read words and tags from the Doc's arrays: a Token is built only for a likely surname.
    if not persons or not len(doc):
        return added
    person_ids = {hash_string(word) for word in persons}
    tags, lowers = column(doc, POS), column(doc, LOWER)  # (read once per Doc and shared)
    names = numpy.flatnonzero(tags == _PROPN)
    for i in [i for i, word in zip(names.tolist(), lowers[names].tolist(), strict=True) if word in person_ids]:
        if i in taken:
            continue
        token = doc[i]
        if token.lower_ in persons and token.text[:1].isupper():
            start = token.i
            # "Ruiz-Castro": the hyphenated first part belongs to the surname.
            while start > 1 and name_hyphen(doc[start - 1]) and doc[start - 2].text[:1].isupper() \
                    and start - 2 not in taken:
                start -= 2
            added.append(Span(doc, start, token.i + 1, label=PERSON))
            taken.update(range(start, token.i + 1))
    return added


def _introduced_names(doc: Doc, lexicon: Lexicon):
    """Names the model left untagged: 2–3 capitalised words (hyphens allowed) after a lower-case role
    noun (``director Elena Ruiz-Castro``) or as the subject of a speech verb."""
    # The tags from the Doc's arrays rule out most words before a Token is built for them.
    if not len(doc):
        return
    # (POS read once per Doc and shared; ENT_TYPE read now: the entity steps change it)
    i = 1
    for candidate in numpy.flatnonzero((column(doc, POS) == _PROPN) & (doc.to_array(ENT_TYPE) == 0)).tolist():
        if candidate < i:
            continue  # inside the name before it, or the first word of the document
        i = candidate
        token = doc[i]
        if not (token.text[:1].isupper() and token.pos_ == "PROPN" and token.ent_type_ == "" and i):
            i += 1
            continue
        end, words = _untagged_name(doc, i)
        if 2 <= words <= 4 and not name_hyphen(doc[end - 1]) and _introduced(doc, i, end, words, lexicon):
            yield i, end
        i = max(end, i + 1)


def _untagged_name(doc: Doc, i: int) -> tuple[int, int]:
    """Where the untagged capitalised words (hyphens allowed) from ``i`` end, and how many words."""
    end = i
    words = 0
    while end < len(doc) and doc[end].ent_type_ == "" and (
            doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" and doc[end].is_alpha
            or name_hyphen(doc[end]) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
        words += doc[end].is_alpha
        end += 1
    return end, words


def _introduced(doc: Doc, i: int, end: int, words: int, lexicon: Lexicon) -> bool:
    """The words ``i``..``end`` follow a role noun (up to 4 words) or are the subject of a speech
    verb (up to 3), and none is an organisation ending."""
    role = is_person_role(doc[i - 1])
    head = doc[end - 1]
    speaks = head.dep_ in ("nsubj",) and lexicon.has_speech_lemma(head.head) and not role
    return (role or speaks) and words <= (3 if speaks else 4) \
        and not any(t.lower_ in ORG_NAME_ENDINGS for t in doc[i:end])
