"""The ``annotator_entities`` component: builds an ``EntityScan`` of each document and runs the
entity steps in order, each ``(scan, ents) -> ents``, then sets ``doc.ents``."""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens.doc import SetEntsDefault
from spacy.util import filter_spans

from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.entities import cleanup, datelines, organisations, people
from annotator.nlp.entities.names import without_title
from annotator.nlp.entities.scan import EntityScan
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.paused_collector import collector_paused

Step = Callable[[EntityScan, list[Span]], list[Span]]
#: The steps, in order; each takes the entities the one before it left.
STEPS: tuple[Step, ...] = (
    cleanup.trimmed,
    cleanup.without_common_nouns,
    organisations.organisation_names,
    people.described_people,
    people.nationalities,
    datelines.datelines,
    organisations.short_forms,
    organisations.one_label_per_name,
    people.people_by_surname,
)


@Language.factory(
    "annotator_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"strip_determiners": True},
)
def make_entity_harmoniser(nlp: Language, name: str, strip_determiners: bool) -> EntityHarmoniser:
    return EntityHarmoniser(strip_determiners=strip_determiners, common_nouns=_model_nouns(nlp),
                            lexicon=shared_lexicon(nlp))


def _model_nouns(nlp: Language) -> frozenset[str]:
    """The common nouns the model's lemmatizer knows (its WordNet index), if it has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


class EntityHarmoniser:
    """One label per surname in a document, and every speaking name an entity."""

    def __init__(self, *, strip_determiners: bool = True, common_nouns: frozenset[str] = frozenset(),
                 lexicon: Lexicon | None = None, steps: tuple[Step, ...] = STEPS) -> None:
        self.strip_determiners = strip_determiners
        self.common_nouns = common_nouns
        self.lexicon = lexicon or Lexicon()
        self.steps = steps

    @collector_paused
    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        scan = EntityScan.of(doc, common_nouns=self.common_nouns, lexicon=self.lexicon,
                             strip_determiners=self.strip_determiners)
        ents = list(doc.ents)
        for step in self.steps:
            ents = step(scan, ents)
        # (``set_ents`` with the Spans themselves: the ``doc.ents`` setter builds each Span again)
        doc.set_ents(filter_spans([without_title(e) for e in ents]), default=SetEntsDefault.outside)
        return doc
