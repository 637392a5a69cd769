"""A shape source's content stops where the pre-labels' reported clauses stop: before a verb the
parser joined to a noun (``clause_end.verb_conjunct_cut``) and before the speaker's other act of
concession (``clause_end.own_act_cut``), through ``find.shape_content``; and no shape source offers
the words after ``That said,`` (``shapes.every_shape``); a report noun object gives its ``that``
clause (``objects.object_finds``); sentences of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.quotes.clause_end import verb_conjunct_cut
from annotator.nlp.suggest.shapes import SHAPE_SOURCES
from tests.nlp.suggest.helpers import shape_found


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_verb_joined_to_a_noun_ends_the_words_before_its_and():
    # "favour the big firms and angers the clerks", with "angers" hung on "firms" as its conjunct
    doc = _parsed(["favour", "the", "big", "firms", "and", "angers", "the", "clerks"],
                  [0, 3, 3, 0, 3, 3, 7, 5],
                  ["ROOT", "det", "amod", "dobj", "cc", "conj", "det", "dobj"],
                  ["VERB", "DET", "ADJ", "NOUN", "CCONJ", "VERB", "DET", "NOUN"])
    assert verb_conjunct_cut(doc, 1, len(doc)) == 4


def test_two_nouns_joined_by_and_stay_together():
    doc = _parsed(["backs", "the", "toll", "and", "the", "timetable"],
                  [0, 2, 0, 2, 5, 2],
                  ["ROOT", "det", "dobj", "cc", "det", "conj"],
                  ["VERB", "DET", "NOUN", "CCONJ", "DET", "NOUN"])
    assert verb_conjunct_cut(doc, 1, len(doc)) == len(doc)


def _cut_token_by_token(doc: Doc, start: int, end: int) -> int:
    """``verb_conjunct_cut`` as it read each noun of the words (a Token built for each)."""
    for noun in doc[start:end]:
        if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        verb = next((c for c in noun.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > noun.i), None)
        if verb is None:
            continue
        cc = next((c for c in noun.children if c.dep_ == "cc" and noun.i < c.i < verb.i), None)
        if cc is None and doc[verb.i - 1].dep_ == "cc":
            cc = doc[verb.i - 1]
        if cc is not None and start < cc.i < end:
            return cc.i
    return end


def test_the_cut_read_once_per_doc_answers_as_token_by_token():
    # "firms and angers" (a cc child of the noun), "clerks , or fears" (a cc hung on the verb), and a
    # pronoun with a verb conjunct but no cc at all
    doc = _parsed(["favour", "firms", "and", "angers", "clerks", ",", "or", "fears", "them", "leaves"],
                  [0, 0, 1, 1, 3, 4, 7, 4, 7, 8],
                  ["ROOT", "dobj", "cc", "conj", "dobj", "punct", "cc", "conj", "dobj", "conj"],
                  ["VERB", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB", "PRON", "VERB"])
    for start in range(-len(doc) - 2, len(doc) + 2):
        for end in range(-len(doc) - 2, len(doc) + 3):
            assert verb_conjunct_cut(doc, start, end) == _cut_token_by_token(doc, start, end), (start, end)
    assert verb_conjunct_cut(doc, 0, len(doc)) == 2 and verb_conjunct_cut(doc, 3, len(doc)) == 6
    assert verb_conjunct_cut(doc, 8, len(doc)) == len(doc)


@pytest.mark.model
def test_an_objects_words_stop_before_the_next_act_hung_on_it(nlp_model):
    text = "The new rule seems to favour the big ferry firms and angers the clerks."
    found = [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {"rule:subjectless-object"})]
    assert "the big ferry firms" in found
    assert not any("angers" in quote for quote in found)


@pytest.mark.model
@pytest.mark.parametrize("text, source, piece", [
    # two nouns joined by ``and`` are one object
    ("The union backs the toll and the new timetable.", "rule:free-object", "the toll and the new timetable"),
    # the speaker's act of concession is another report, not part of this one
    ("It seems the pier will reopen in June even though she has denied it.", "rule:raised-complement",
     "the pier will reopen in June"),
    # a concession that is no act of the speaker stays
    ("It seems the pier will reopen in June even though the ferries are late.", "rule:raised-complement",
     "the pier will reopen in June even though the ferries are late"),
    # a report noun's ``that`` clause is what was said; a relative clause stays with its noun
    ("Fishing crews, citing concerns that the new quota would hurt small boats, left the meeting.",
     "rule:subjectless-object", "the new quota would hurt small boats"),
    ("The union disputes the report that the board wrote.", "rule:free-object", "the report that the board wrote"),
    # a demonstrative's other verbs still report (only ``That said, …`` grants a point)
    ("That shows the council will vote on the ferry next week.", "rule:free-clause",
     "the council will vote on the ferry next week"),
])
def test_a_shape_sources_words_end_where_the_report_ends(nlp_model, text, source, piece):
    assert [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {source})] == [piece]


@pytest.mark.model
def test_no_shape_source_offers_the_words_after_that_said(nlp_model):
    text = "That said, there is little money left for the new ferry."
    assert [quote for quote, cue, _speaker in shape_found(nlp_model, text, set(SHAPE_SOURCES)) if cue == "said"] == []
