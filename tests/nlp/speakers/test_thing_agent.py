"""``thing_agent``: a thing that cannot speak, set up by a participle with a ``by`` agent who can,
carries that agent's quoted words (``A letter mailed by Mayor Ruiz predicted: "…"``); an indirect
quote keeps the thing (``A count ordered by …``). Sentences of our own, parsed by the model."""

import pytest

pytestmark = pytest.mark.model


def test_a_letter_mailed_by_a_person_speaks_for_them(rule_quotes_in):
    quotes = rule_quotes_in('A letter mailed by Mayor Ruiz to every household predicted: '
                            '"The bridge will close for a whole year."')
    assert [(q.type, q.speaker) for q in quotes] == [("direct", "Ruiz")]


def test_according_to_a_letter_signed_by_a_person(rule_quotes_in):
    quotes = rule_quotes_in('"The levy is unfair to farmers," according to a letter signed by Ann Varga.')
    assert [q.speaker for q in quotes] == ["Ann Varga"]


def test_an_indirect_finding_keeps_the_thing(rule_quotes_in):
    quotes = rule_quotes_in("A count ordered by the Dunmore council showed that voters favour the levy.")
    assert [(q.type, q.speaker) for q in quotes] == [("indirect", "A count")]
