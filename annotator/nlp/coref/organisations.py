"""Speakers that are organisations: an acronym for a named ORG (``ESA``), an ORG named in
apposition (``the pilots' union, BALPA``), and a description (``the ministry``) resolved to an ORG
or to nothing, never to a person."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.coref.scan import CorefScan, Resolved, ents_within
from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.name_words import (
    BUSINESS_NOUNS, COMPANY_NOUNS, NAME_GLUE, describes_organisation, organisation_nouns,
)


def acronym(scan: CorefScan, speaker: Span) -> Resolved | None:
    """``ESA said`` → ``European Space Agency``."""
    target = _long_form(speaker, scan.ents)
    return Resolved(target, target.label_) if target is not None else None


def named_in_apposition(scan: CorefScan, speaker: Span) -> Resolved | None:
    """``The pilots' union, BALPA, said`` → ``BALPA``."""
    target = _organisation_in_apposition(speaker, scan.ents)
    return Resolved(target, target.label_) if target is not None else None


def described_organisation(scan: CorefScan, speaker: Span) -> Resolved | None:
    """``the ministry said`` → an ORG, or nobody; never a person."""
    if not describes_organisation(speaker):
        return None
    target = _organisation(speaker, scan.ents, scan.speakers)
    return Resolved(target, target.label_) if target is not None else Resolved(None)


def _organisation_in_apposition(speaker: Span, ents: list[Span]) -> Span | None:
    """``The pilots' union, BALPA``: the organisation named in apposition is who spoke."""
    for ent in ents_within(speaker, ents):
        if ent.label_ == "ORG" and ent.root.dep_ == "appos" and ent.root.head.i == speaker.root.i \
                and (ent.start, ent.end) != (speaker.start, speaker.end):
            return ent
    return None


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
        if ent.start >= sent.start and ent.root.dep_ in SUBJECT_DEPS:
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
