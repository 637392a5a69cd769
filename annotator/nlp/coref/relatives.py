"""``Ms. Pike, who said …``: a relative pronoun speaker stands for the noun its clause hangs from,
resolved as that noun would be when it names someone (to the fullest name of its person or
organisation)."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.coref import organisations, persons
from annotator.nlp.coref.scan import CorefScan, Resolved
from annotator.nlp.name_words import RELATIVE_PRONOUNS
from annotator.nlp.speakers.mentions import noun_phrase

#: How the antecedent itself is resolved (the resolvers of the component, without this one).
_ANTECEDENT_RESOLVERS = (
    organisations.acronym,
    organisations.named_in_apposition,
    organisations.described_organisation,
    persons.unnamed_source,
    persons.referred_person,
)


def relative_pronoun(scan: CorefScan, speaker: Span) -> Resolved | None:
    if len(speaker) != 1 or speaker[0].lower_ not in RELATIVE_PRONOUNS or speaker[0].tag_ not in ("WP", "WDT"):
        return None
    verb = speaker[0].head
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return Resolved(None)
    antecedent = noun_phrase(verb.head)
    if not names_someone(antecedent):
        return Resolved(None)  # the speaker rules keep a description itself as the speaker
    for resolver in _ANTECEDENT_RESOLVERS:
        resolved = resolver(scan, antecedent)
        if resolved is None:
            continue
        if resolved.target is not None:
            return resolved
        break
    entity = next((e for e in antecedent.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")), None)
    return Resolved(entity, entity.label_) if entity is not None else Resolved(None)


def names_someone(antecedent: Span) -> bool:
    """A name, not a description (``Ada Pike``, not ``her family``)."""
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in antecedent)
