"""Who holds a subjectless complement when the verb above it has an object (or ``for X to``, ``the
share of X saying``; ``suggest.holders`` with ``speakers.control``), and a noun cue's possessive pronoun against the subject of its verb
(``holders.named_possessor``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest.holders import named_possessor, noun_holder, verb_holder
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


def held(nlp_model, text: str, verb: str) -> str | None:
    return read(nlp_model, text, verb, verb_holder)


@pytest.mark.parametrize(("text", "verb", "holder"), [
    ("The slump in the polls has led some donors to worry that the campaign could fail.", "worry", "some donors"),
    ("The ruling prompted the governor to call the decision a disgrace.", "call", "the governor"),
    ("The delay left the farmers wondering whether the levy would return.", "wondering", "the farmers"),
    ("The company relies on its customers to report the faults.", "report", "its customers"),
    ("The mayor was the first official to endorse the new plan.", "endorse", "the first official"),
    ("The paper criticized the mayor for saying that the levy was fair.", "saying", "the mayor"),
    ("The vote created an opening for the mayor to highlight her record.", "highlight", "the mayor"),
    ("The move will increase the pressure on the mayor to say whether she backs the levy.", "say", "the mayor"),
    ("The levy led to the spectacle of the mayor denouncing the council.", "denouncing", "the mayor"),
])
def test_the_object_above_a_complement_holds_it(nlp_model, text, verb, holder):
    assert held(nlp_model, text, verb) == holder


def test_a_thing_as_the_object_leaves_the_subject_holding(nlp_model):
    # ``the money``, ``criticism`` cannot speak: the subject holds the complement
    assert held(nlp_model, "The minister used the money to defend the new levy.", "defend") == "The minister"
    assert held(nlp_model, "The minister drew criticism for saying that the levy was fair.", "saying") == "The minister"


def test_a_day_before_the_infinitive_is_no_subject(nlp_model):
    assert held(nlp_model, "The mayor tweeted on Friday to say that the levy was fair.", "say") == "The mayor"


def test_promise_keeps_its_own_subject(nlp_model):
    assert held(nlp_model, "The senator promised the farmers to oppose the levy.", "oppose") != "the farmers"


def test_a_possessive_pronoun_gives_way_to_a_pronoun_subject(nlp_model):
    doc = nlp_model("Later that day she renewed her attacks on the levy.")
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    attacks = next(t for t in doc if t.text == "attacks")
    her = next(t for t in doc if t.text == "her")
    speaker = named_possessor(doc[her.i:her.i + 1], doc[attacks.i:attacks.i + 2], lexicon)
    assert speaker.text == "she"


def test_a_noun_cue_in_a_who_clause_is_held_by_who(nlp_model):
    doc = nlp_model("The mayor, who has made warm comments about the levy, lost the vote.")
    comments = next(t for t in doc if t.text == "comments")
    assert noun_holder(comments, nlp_model.get_pipe(SUGGESTIONS).lexicon).text == "who"
