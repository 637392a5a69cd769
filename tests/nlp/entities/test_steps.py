"""Entity steps one at a time, on Docs built by hand."""

import spacy
from spacy.tokens import Doc, Span

from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.entities import EntityScan, cleanup, datelines, organisations
from annotator.nlp.lexicon import Lexicon

NLP = spacy.blank("en")


def _scan(words: list[str], spaces: list[bool] | None = None) -> EntityScan:
    doc = Doc(NLP.vocab, words=words, spaces=spaces,
              pos=["PROPN" if w[:1].isupper() else "PUNCT" if not w[:1].isalnum() else "NOUN" for w in words])
    ensure_span_groups(doc)
    return EntityScan.of(doc, common_nouns=frozenset(), lexicon=Lexicon())


def _labels(ents: list[Span]) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in ents]


def test_entities_cleanup_leaves_out_a_leading_the_and_a_possessive():
    scan = _scan("They praised the Northwind Airlines 's plan .".split())
    ents = cleanup.trimmed(scan, [Span(scan.doc, 2, 6, label="ORG")])
    assert _labels(ents) == [("Northwind Airlines", "ORG")]


def test_entities_cleanup_keeps_them_when_configured_to():
    scan = _scan("They praised the Northwind Airlines plan .".split())
    scan.strip_determiners = False
    assert _labels(cleanup.trimmed(scan, [Span(scan.doc, 2, 5, label="ORG")])) == [
        ("the Northwind Airlines", "ORG")]


def test_entities_dateline_place_is_a_place():
    words = ["WASHINGTON", "(", "AP", ")", "—", "Maya", "Lindqvist", "said", "hello", "."]
    spaces = [True, False, False, True, True, True, True, True, False, False]
    scan = _scan(words, spaces)
    ents = datelines.datelines(scan, [Span(scan.doc, 0, 1, label="ORG"), Span(scan.doc, 5, 7, label="PERSON")])
    assert sorted(_labels(ents)) == [("Maya Lindqvist", "PERSON"), ("WASHINGTON", "GPE")]


def test_entities_short_form_of_an_organisation_is_the_organisation():
    scan = _scan("Northwind Airlines grew . Northwind hired staff .".split())
    ents = organisations.short_forms(scan, [Span(scan.doc, 0, 2, label="ORG"), Span(scan.doc, 4, 5, label="GPE")])
    assert _labels(ents) == [("Northwind Airlines", "ORG"), ("Northwind", "ORG")]
