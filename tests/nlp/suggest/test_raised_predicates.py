"""``rule:raised-subject`` and ``rule:raised-complement`` beyond the infinitive: what a raising verb
says its subject seems (an adjective, a ``like`` phrase) and ``it seems that …``; sentences of our own."""

from __future__ import annotations

import pytest

from tests.nlp.suggest.helpers import shape_found
from tests.nlp.suggest.test_broad import found

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, subject, complement", [
    ("The ferry operator appears confident about the new timetable.", "The ferry operator",
     "confident about the new timetable"),
    ("The harbour board seemed ready to approve the dredging plan.", "The harbour board",
     "ready to approve the dredging plan"),
])
def test_what_a_raising_verb_says_its_subject_seems_is_the_second_piece(nlp_model, text, subject, complement):
    assert [c for c, _, speaker in found(nlp_model, text, "rule:raised-subject") if speaker is None] == [subject]
    assert [c for c, _, speaker in found(nlp_model, text, "rule:raised-complement") if speaker is None] == [complement]


def test_it_seems_that_gives_the_clause_alone(nlp_model):
    text = "It seems that the ferry will resume its winter crossings."
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:raised-complement")] == [
        ("the ferry will resume its winter crossings", "seems")]


def test_a_place_after_a_raising_verb_is_no_piece(nlp_model):
    assert found(nlp_model, "The ferry operator appeared at the hearing on Monday.", "rule:raised-complement") == []


def test_a_one_word_predicate_is_a_piece(nlp_model):
    """``seemed tired`` reports how the subject seemed, in one word."""
    assert [c for c, _, _ in found(nlp_model, "The ferry operator seemed tired.", "rule:raised-complement")] == ["tired"]


@pytest.mark.parametrize("text, subject, complement", [
    # a participle the parser hangs as an ``advcl``, a clause marked ``as if``, a noun read as an object
    ("The harbour board appeared stunned.", "The harbour board", "stunned"),
    ("The vote appeared as if nobody cared.", "The vote", "as if nobody cared"),
    ("The hearing seemed a snub to the fishermen.", "The hearing", "a snub"),
    # a raising verb read as the auxiliary of the participle after it (and lemmatized as itself)
    ("The ferry captain seemed shaken by the storm.", "The ferry captain", "shaken by the storm"),
    ("The mayor has seemed torn between the two camps.", "The mayor", "torn between the two camps"),
])
def test_a_raising_verbs_predicate_as_the_parser_hangs_it_is_the_second_piece(nlp_model, text, subject, complement):
    assert [c for c, _, speaker in found(nlp_model, text, "rule:raised-subject") if speaker is None] == [subject]
    assert [c for c, _, speaker in found(nlp_model, text, "rule:raised-complement") if speaker is None] == [complement]
    pieces = {"rule:raised-subject", "rule:raised-complement"}
    assert shape_found(nlp_model, text, pieces) == shape_found(nlp_model, text, pieces, gated=False)


def test_it_seemed_like_gives_the_clause_alone(nlp_model):
    text = "It seemed like the board had given up on the plan."
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert [c for c, _, _ in found(nlp_model, text, "rule:raised-complement")] == ["like the board had given up on the plan"]


def test_a_participle_set_off_by_a_comma_is_no_piece(nlp_model):
    """``appeared, flanked by two aides``: the verb reports an arrival, not how the subject seemed."""
    assert found(nlp_model, "The ferry operator appeared, flanked by two aides.", "rule:raised-complement") == []
