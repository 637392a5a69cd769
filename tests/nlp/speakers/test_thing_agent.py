"""``thing_agent``: a thing that cannot speak, set up by a participle with a ``by`` agent who can,
carries that agent's quoted words (``An email sent out by Mayor Ruiz warned: "…"``); an indirect
quote keeps the thing (``A poll released by …``). Sentences of our own, parsed by the model."""

import pytest

pytestmark = pytest.mark.model


def test_an_email_sent_by_a_person_speaks_for_them(rule_quotes_in):
    quotes = rule_quotes_in('An email sent out by Mayor Ruiz on Monday warned of the cost: '
                            '"The bridge will close for a whole year."')
    assert [(q.type, q.speaker) for q in quotes] == [("direct", "Ruiz")]


def test_according_to_a_letter_signed_by_a_person(rule_quotes_in):
    quotes = rule_quotes_in('"The levy is unfair to farmers," according to a letter signed by Ann Varga.')
    assert [q.speaker for q in quotes] == ["Ann Varga"]


def test_an_indirect_finding_keeps_the_thing(rule_quotes_in):
    quotes = rule_quotes_in("A poll released by the Dunmore Institute found that voters favour the levy.")
    assert [(q.type, q.speaker) for q in quotes] == [("indirect", "A poll")]
