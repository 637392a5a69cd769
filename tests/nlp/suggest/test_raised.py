"""``rule:raised-subject`` / ``rule:raised-complement`` on a negated verb (``is not expected to``,
``does not seem ready``, ``is not known as``: what is not expected is reported all the same, nobody
named, so the pieces are cut as for the verb without its negation), a passive's predicate (``is
considered a risk``, ``was crowned the queen``), a passive's topic, reason or charge (``was charged
with …``), a passive's clause (``was told that …``) and ``it is unclear whether …``; sentences of our
own."""

from __future__ import annotations

import pytest

from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, source: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {source}, gated=gated)


@pytest.mark.parametrize("text, subject, complement, cue", [
    # negated: what is not expected is reported all the same
    ("The new ferry terminal is not expected to open before the spring.", "The new ferry terminal",
     "to open before the spring", "expected"),
    ("The harbour board does not seem ready to approve the dredging plan.", "The harbour board",
     "ready to approve the dredging plan", "seem"),
    ("The harbour master is not known as a patient man.", "The harbour master", "as a patient man", "known"),
    # a passive's predicate of its subject (``oprd``): what the passive says its subject is
    ("The ferry captain is considered a safe pair of hands.", "The ferry captain", "a safe pair of hands",
     "considered"),
    ("The old harbour wall was declared unsafe last winter.", "The old harbour wall", "unsafe", "declared"),
    # the parser's second object of a passive (``dobj``), read as its predicate
    ("Ms. Ode was crowned the queen of the regatta.", "Ms. Ode", "the queen of the regatta", "crowned"),
    ("Fifty ferry passengers were sent warnings about the brawl.", "Fifty ferry passengers",
     "warnings about the brawl", "sent"),
])
def test_a_negated_verb_or_a_passives_predicate_gives_two_pieces(nlp_model, text, subject, complement, cue):
    assert found(nlp_model, text, "rule:raised-subject") == [(subject, cue, None)]
    assert found(nlp_model, text, "rule:raised-complement") == [(complement, cue, None)]


def test_the_gate_lets_a_negated_verb_through(nlp_model):
    text = "The pier is not expected to reopen, and the ferry does not seem likely to sail."
    for source in ("rule:raised-subject", "rule:raised-complement"):
        assert found(nlp_model, text, source) == found(nlp_model, text, source, gated=False) != []


def test_it_is_with_an_adjective_and_a_clause_gives_the_clause_alone(nlp_model):
    """``it is unclear whether …``: the clause is reported, nobody named, as after ``it seems that``."""
    text = "It is unclear whether the ferry will sail on Monday."
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert found(nlp_model, text, "rule:raised-complement") == [("the ferry will sail on Monday", "is", None)]
    assert found(nlp_model, "It is cold in the harbour today.", "rule:raised-complement") == []


@pytest.mark.parametrize("text, clause", [
    ("Nor was it clear that the ferry would sail on Monday.", "the ferry would sail on Monday"),  # ``it`` after ``be``
    ("It was no secret that the ferry stopped.", "the ferry stopped"),  # a noun judges the clause
    ("Whether the ferry will sail is unclear.", "Whether the ferry will sail"),  # the clause as the subject
])
def test_a_clause_be_and_an_adjective_or_noun_judge_is_the_one_piece(nlp_model, text, clause):
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert found(nlp_model, text, "rule:raised-complement") == found(nlp_model, text, "rule:raised-complement", gated=False) \
        == [(clause, "was" if " was " in text else "is", None)]


@pytest.mark.parametrize("text, clause, cue", [
    # another linking verb than ``be``
    ("It remains unclear who will run the port.", "who will run the port", "remains"),
    ("It became clear that the levy would pass.", "the levy would pass", "became"),
    # a question after an adjective of knowing, read by the parser as an adverbial clause
    ("It was not yet clear precisely when the pier would reopen.", "precisely when the pier would reopen", "was"),
    # a question as the subject, led by a question word (not ``what``: ``what the board wants is clear``)
    ("Exactly when the pier will reopen is unclear.", "Exactly when the pier will reopen", "is"),
    ("How the board will pay remains unclear.", "How the board will pay", "remains"),
])
def test_more_clauses_an_adjective_judges_are_the_one_piece(nlp_model, text, clause, cue):
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert found(nlp_model, text, "rule:raised-complement") == found(nlp_model, text, "rule:raised-complement",
                                                                      gated=False) == [(clause, cue, None)]


@pytest.mark.parametrize("text", [
    "It was quiet when the ferry left.",  # no adjective of knowing: a time, not a question
    "The ferry remained unclear about the timetable.",  # no empty ``it``
    "What the board wants is clear.",  # a ``what`` clause as the subject: seldom reported
])
def test_a_time_clause_or_a_what_subject_is_no_judged_question(nlp_model, text):
    assert found(nlp_model, text, "rule:raised-complement") == []


@pytest.mark.parametrize("text, clause, cue", [
    ("The harbour master had been told that the pier would close.", "the pier would close", "told"),
    ("The ferry crew was assured the storm had passed.", "the storm had passed", "assured"),
    ("It is believed that the old pier will close in May.", "the old pier will close in May", "believed"),
])
def test_a_passive_with_a_clause_gives_the_clause_alone(nlp_model, text, clause, cue):
    """The one told (or an empty ``it``) is no piece of what was told; nobody named."""
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert found(nlp_model, text, "rule:raised-complement") == found(nlp_model, text, "rule:raised-complement",
                                                                      gated=False) == [(clause, cue, None)]


@pytest.mark.parametrize("text, subject, complement, cue", [
    ("The harbour master was questioned about the missing boats.", "The harbour master",
     "about the missing boats", "questioned"),
    ("The ferry captain was charged with careless navigation.", "The ferry captain", "with careless navigation",
     "charged"),
])
def test_a_passive_with_a_topic_reason_or_charge_gives_two_pieces(nlp_model, text, subject, complement, cue):
    assert found(nlp_model, text, "rule:raised-subject") == [(subject, cue, None)]
    assert found(nlp_model, text, "rule:raised-complement") == [(complement, cue, None)]


@pytest.mark.parametrize("text", [
    "The new pier was built in May.",  # a place or a time: no preposition of the class
    "The old trawler skipper was jailed for two years.",  # ``for`` a span of time
    "The trawler was seized at dawn, with the crew watching from the quay.",  # set off by a comma
])
def test_a_passive_with_a_place_a_time_or_a_set_off_phrase_is_no_report(nlp_model, text):
    for source in ("rule:raised-subject", "rule:raised-complement"):
        assert found(nlp_model, text, source) == []
    assert found(nlp_model, text, "rule:raised-complement", gated=False) == []


@pytest.mark.parametrize("text, subject, complement, cue", [
    ("Two ferry firms bid for the route but are not considered serious rivals.", "Two ferry firms",
     "serious rivals", "considered"),
    ("The mayor arrived late and seemed tired of the delays.", "The mayor", "tired of the delays", "seemed"),
])
def test_a_coordinated_verb_shares_the_subject_of_the_one_before_it(nlp_model, text, subject, complement, cue):
    for source, piece in (("rule:raised-subject", subject), ("rule:raised-complement", complement)):
        assert found(nlp_model, text, source) == found(nlp_model, text, source, gated=False) == [(piece, cue, None)]
