"""Entity labels made consistent within a document, on Docs built by hand (no model needed)."""

import spacy
from spacy.tokens import Doc, Span

from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.entities import EntityHarmoniser

NLP = spacy.blank("en")


def make(words, ents, pos=None, speakers=()):
    doc = Doc(NLP.vocab, words=words, pos=pos or ["PROPN" if w[:1].isupper() else "NOUN" for w in words])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    ensure_span_groups(doc)
    doc.spans["speakers"] = [doc[s:e] for s, e in speakers]
    return EntityHarmoniser()(doc)


def labels(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_entities_surname_tagged_org_follows_full_person_name():
    words = "Maria Kova spoke . Later Kova listed problems and Kova left .".split()
    doc = make(words, [(0, 2, "PERSON"), (5, 6, "ORG"), (9, 10, "NORP")])
    assert labels(doc) == [("Maria Kova", "PERSON"), ("Kova", "PERSON"), ("Kova", "PERSON")]


def test_entities_untagged_surname_becomes_person():
    words = "Jens Berg arrived . Berg said hello .".split()
    doc = make(words, [(0, 2, "PERSON")])
    assert labels(doc) == [("Jens Berg", "PERSON"), ("Berg", "PERSON")]


def test_entities_places_are_not_relabelled_by_a_same_surname():
    words = "George Washington visited Washington today .".split()
    doc = make(words, [(0, 2, "PERSON"), (3, 4, "GPE")])
    assert labels(doc) == [("George Washington", "PERSON"), ("Washington", "GPE")]


def test_entities_unrelated_org_keeps_its_label():
    words = "Anna Ortiz joined Siemens in May .".split()
    doc = make(words, [(0, 2, "PERSON"), (3, 4, "ORG")])
    assert labels(doc) == [("Anna Ortiz", "PERSON"), ("Siemens", "ORG")]


def test_entities_leading_the_and_possessive_are_left_out():
    words = ["the", "United", "States", "'", "plan", "and", "The", "Hague"]
    doc = make(words, [(0, 4, "GPE"), (6, 8, "GPE")])
    assert labels(doc) == [("United States", "GPE"), ("The Hague", "GPE")]


def test_entities_speaker_name_without_entity_becomes_person():
    words = "Lavrov : We know how to respond".split()
    pos = ["PROPN", "PUNCT", "PRON", "VERB", "ADV", "PART", "VERB"]
    doc = make(words, [], pos=pos, speakers=[(0, 1)])
    assert labels(doc) == [("Lavrov", "PERSON")]


def test_entities_place_tagged_person_follows_the_dateline():
    words = "KYIV - Trains ran . Talks between Kyiv and Warsaw resumed .".split()
    doc = make(words, [(7, 8, "PERSON"), (9, 10, "GPE")])
    assert ("Kyiv", "GPE") in labels(doc) and ("KYIV", "GPE") in labels(doc)


def test_entities_club_tagged_person_follows_organisation_evidence():
    words = "Reid joined Brentford . Brentford 's squad trained , and Brentford FC won .".split()
    doc = make(words, [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON"), (10, 12, "ORG")])
    assert labels(doc) == [("Reid", "PERSON"), ("Brentford", "ORG"), ("Brentford", "ORG"), ("Brentford FC", "ORG")]


def test_entities_surname_with_a_full_name_stays_a_person_despite_org_tags():
    words = "Tom Jordan spoke . Jordan 's board met at Jordan .".split()
    doc = make(words, [(0, 2, "PERSON"), (4, 5, "PERSON"), (10, 11, "ORG")])
    assert ("Jordan", "PERSON") in labels(doc)


def test_entities_nationality_description_is_not_an_organisation():
    words = "the Dane said so .".split()
    doc = make(words, [(1, 2, "ORG")])
    assert labels(doc) == [("Dane", "NORP")]
