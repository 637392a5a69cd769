"""Speakers that are people: a name, a pronoun, a surname or a description (``the striker``)
resolved to the fullest name of the person it stands for; unnamed sources stay unresolved."""

from __future__ import annotations

from operator import itemgetter

from spacy.tokens import Span

from annotator.nlp.coref.person_register import Person, person_named
from annotator.nlp.coref.scan import CorefScan, Resolved, ents_within
from annotator.nlp.entities import PERSON
from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.name_words import GENDERED, INDEFINITE, MALE, describes_person


def unnamed_source(scan: CorefScan, speaker: Span) -> Resolved | None:
    """Nobody to resolve: the document names no person, or the speaker is several unnamed people."""
    if not scan.people or _unnamed_source(speaker, scan.ents):
        return Resolved(None)
    return None


def referred_person(scan: CorefScan, speaker: Span) -> Resolved:
    """The person the speaker stands for, by the fullest mention of their name."""
    found = _resolve(scan, speaker)
    if found is None:
        return Resolved(None)
    target = found.name
    if (target.start, target.end) == (speaker.start, speaker.end):
        return Resolved(None)  # the speaker is the fullest name already
    return Resolved(target, PERSON)


def _resolve(scan: CorefScan, speaker: Span) -> Person | None:
    """A name inside the speaker, a pronoun's antecedent, a surname's person, or a description's."""
    people = scan.people
    names = [e for e in scan.person_ents if speaker.start <= e.start and e.end <= speaker.end]
    if len(names) > 1 and any(t.dep_ == "conj" for e in names for t in e):
        return None  # "two senators, Joe Manchin and Kyrsten Sinema": several people, not one
    # "the head of X, Sergei Lavrov": the apposition (or the head itself) is who it is; a name in
    # a prepositional phrase ("analysts at Barclays") is someone else.
    names = [e for e in names if e.start <= speaker.root.i < e.end or e.root.dep_ == "appos"]
    if names:
        return person_named(names[-1], people)
    if len(speaker) == 1 and speaker[0].lower_ in GENDERED:
        gender = "m" if speaker[0].lower_ in MALE else "f"
        person = _antecedent(scan, speaker, gender)
        if person is not None:
            person.gender[gender] += 1
        return person
    if speaker[-1].text[:1].isupper() and not describes_person(speaker):
        person = person_named(speaker, people)
        if person is not None:
            return person
    person = _described(scan, speaker)
    if person is None and describes_person(speaker) and not _introduced_unnamed(speaker):
        # "the Dane said", "the striker added": the person last named as a subject before it.
        person = _antecedent(scan, speaker, None, cataphora=False)
    return person


def _introduced_unnamed(speaker: Span) -> bool:
    """``the consultant`` after ``a consultant's report`` (or ``hired a consultant``): a bare description
    brought in earlier with ``a``/``an`` and no name beside it (a named one is ``_described``'s) is that
    unnamed one, never the person named last."""
    root = speaker.root
    if len(speaker) != 2 or speaker[0].lower_ != "the" or speaker[1].i != root.i:
        return False  # (only a bare ``the NOUN``: ``the Ohio governor`` says more than ``a governor`` did)
    head = root.lemma_.lower()
    return any(token.lemma_.lower() == head and token.pos_ == "NOUN"
               and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
               for token in speaker.doc[:speaker.start])


def _antecedent(scan: CorefScan, speaker: Span, gender: str | None, cataphora: bool = True) -> Person | None:
    """The most recent compatible person before the speaker, preferring subjects; names inside
    direct quotes ("Mum never complained") are someone the speaker talks about, never skipped to."""
    speaker_heads = scan.speaker_heads
    candidates = [p for p in scan.people if p.compatible(gender)]
    # (each mention's bounds read once: a Span's ``start`` and ``end`` are properties)
    mentions = [(m.start, m.end, m, p) for p in candidates for m in scan.unquoted_mentions(p)]
    start, end = speaker.start, speaker.end
    before = sorted((mp for mp in mentions if mp[1] <= start), key=itemgetter(0), reverse=True)
    for _, _, mention, person in before:
        if _is_subject(mention, speaker_heads):
            return person
    if before:
        return before[0][3]
    if not scan.resolve_cataphora or not cataphora:
        return None
    after = sorted((mp for mp in mentions if mp[0] >= end), key=itemgetter(0))
    for _, _, mention, person in after:
        if _is_subject(mention, speaker_heads):
            return person
    return after[0][3] if after else None


def _is_subject(mention: Span, speaker_heads: set[int]) -> bool:
    return mention.root.dep_ in SUBJECT_DEPS or mention.root.i in speaker_heads or \
        mention.root.head.dep_ in SUBJECT_DEPS and mention.root.dep_ in ("appos", "compound")


def _described(scan: CorefScan, speaker: Span) -> Person | None:
    """``the spokesperson`` → the most recent person introduced with that word next to their name."""
    head = speaker.root.lemma_.lower() or speaker.root.lower_
    if not head or speaker.root.pos_ not in ("NOUN", "PROPN"):
        return None
    best: tuple[int, Person] | None = None
    for person in scan.people:
        for mention in person.mentions:
            if mention.start >= speaker.start:
                continue
            if head in scan.words_around(mention):
                if best is None or mention.start > best[0]:
                    best = (mention.start, person)
    return best[1] if best else None


def _unnamed_source(speaker: Span, ents: list[Span]) -> bool:
    """``two people familiar with the matter``, ``officials``: several unnamed people, nobody to resolve."""
    root = speaker.root
    if any(e.label_ == PERSON for e in ents_within(speaker, ents)):
        return False
    # "A spokesperson for the agency", "another analyst", "one official": an indefinite description
    # brings in someone new, never someone named before.
    if speaker[0].lower_ in INDEFINITE or speaker[0].like_num:
        return True
    return root.tag_ in ("NNS", "NNPS") or any(c.like_num and c.dep_ == "nummod" for c in root.children)
