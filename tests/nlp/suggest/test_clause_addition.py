"""The clauses the clause rules refuse (``clauses.verb_clause``, ``broad._clause_quote``), a verb's object
(``objects.object_finds``), a thing's report (``broad.thing_subject``), a preposition's object after a
verb or noun (``prepositions``, ``broad.noun_preposition``, ``report_noun``) and a copular clause stop before
the reporter's addition: a relative or adverbial clause after a comma, an aside after a lone dash
(``clause_end.addition_cut``); sentences of our own."""

from __future__ import annotations

import pytest

from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, source, piece", [
    ("The rule seems to favour the big ferry firms, which have lobbied for years.", "rule:free-infinitive",
     "to favour the big ferry firms"),
    ("The mayor left early, promising that the pier would reopen in June, when the ferries return.",
     "rule:subjectless-clause", "the pier would reopen in June"),
    ("The harbour master did not say whether the pier would reopen — a question that worries the traders.",
     "rule:negated-clause", "whether the pier would reopen"),
    ("Residents who believe the pier will close, which seems likely, have started a petition.",
     "rule:nested-clause", "the pier will close"),
])
def test_the_reporters_addition_is_cut_off(nlp_model, text, source, piece):
    assert [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {source})] == [piece]


@pytest.mark.parametrize("text, source, piece", [
    ("The union disputes the new ferry timetable, which starts in May.", "rule:free-object",
     "the new ferry timetable"),
    ("The union disputes the new ferry timetable — a plan drawn up in secret.", "rule:free-object",
     "the new ferry timetable"),
    ("The survey shows broad support for a later ferry, while the board remains divided.", "rule:thing-subject",
     "broad support for a later ferry"),
])
def test_an_object_stops_before_the_reporters_addition(nlp_model, text, source, piece):
    assert {quote for quote, _cue, _speaker in shape_found(nlp_model, text, {source})} == {piece}


def test_an_object_with_a_clause_closed_by_a_comma_keeps_it(nlp_model):
    text = "The harbour board backs the plan to sell the pier, which opened in 1902, to a rowing club."
    assert [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {"rule:free-object"})] == \
        ["the plan to sell the pier, which opened in 1902, to a rowing club"]


@pytest.mark.parametrize("text, source, piece", [
    ("The mayor spoke about the new ferry timetable, which starts in May.", "rule:verb-topic-preposition",
     "the new ferry timetable"),
    ("Residents voiced doubts about the new ferry timetable, which starts in May.", "rule:bare-noun-preposition",
     "the new ferry timetable"),
    ("The worry is that the pier will close, which would hurt the traders.", "rule:copular-clause",
     "the pier will close"),
    ("The union's worries about the toll plan — a plan few had read — grew.", "rule:noun-preposition",
     "the toll plan"),
])
def test_a_prepositions_object_or_a_copular_clause_stops_before_the_addition(nlp_model, text, source, piece):
    assert [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {source})] == [piece]


@pytest.mark.parametrize("text, source, piece", [
    ("The toll plan sounds like a good deal for the island, which has few ferries.", "rule:seeming-predicate",
     "a good deal for the island"),
    ("Ms. Ode is eager to reopen the old pier, which closed in 2019.", "rule:adjective-infinitive",
     "to reopen the old pier"),
    ("Mr. Tan is a firm backer of the toll plan, which passed in May.", "rule:partisan-noun", "the toll plan"),
])
def test_a_predicates_piece_stops_before_the_addition(nlp_model, text, source, piece):
    assert [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {source}, gated=False)] == [piece]
