"""The ``annotator_coref`` component: builds a ``CorefScan`` of each document and asks the
resolvers in order who each speaker is; the first that answers decides."""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import COREF, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.coref import organisations, persons, relatives
from annotator.nlp.coref.scan import CorefScan, Resolved
from annotator.nlp.paused_collector import collector_paused

#: A resolver: who the speaker is, or None when the speaker is not of its kind.
Resolver = Callable[[CorefScan, Span], "Resolved | None"]
#: The resolvers, in order: a relative pronoun first (it is resolved as its antecedent), then
#: organisations, so a description of one never reaches a person.
RESOLVERS: tuple[Resolver, ...] = (
    relatives.relative_pronoun,
    organisations.acronym,
    organisations.named_in_apposition,
    organisations.described_organisation,
    persons.unnamed_source,
    persons.referred_person,
)


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

    def __init__(self, *, resolve_cataphora: bool = True, resolvers: tuple[Resolver, ...] = RESOLVERS) -> None:
        self.resolve_cataphora = resolve_cataphora
        self.resolvers = resolvers

    @collector_paused
    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not len(doc.spans["speakers"]):
            return doc
        scan = CorefScan.of(doc, resolve_cataphora=self.resolve_cataphora)
        for speaker in scan.speakers:
            resolve_speaker(doc, scan, speaker, self.resolvers)
        return doc


def resolve_speaker(doc: Doc, scan: CorefScan, speaker: Span, resolvers: tuple[Resolver, ...] = RESOLVERS) -> None:
    """Ask the resolvers in order who ``speaker`` is; the first that answers decides (its ``COREF``,
    when it names someone, is written)."""
    for resolver in resolvers:
        resolved = resolver(scan, speaker)
        if resolved is None:
            continue
        if resolved.target is not None:
            add_relation(doc, speaker, SPEAKER, resolved.target, resolved.label, COREF)
        return
