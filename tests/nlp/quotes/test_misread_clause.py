"""``Both schools plan to cut their budgets, the principal said.``: when the tagger reads the verb of
the clause before an attribution as a noun (``plan``, ``resume``, ``votes``), the clause has no tense
on its tags, yet it is what was said when the attribution closes its sentence and the parse hangs the
clause on the verb (``inverted._misread_clause``). Our own sentences, parsed by the real model."""

import pytest

from annotator.nlp.quotes import inverted
from tests.nlp.quotes.helpers import found_at


@pytest.mark.parametrize(("text", "clause"), [
    ("Both schools in the district plan to cut their budgets, the superintendent said Tuesday.",
     "Both schools in the district plan to cut their budgets"),
    ("Talks on the new contract resume next week, the union said.", "Talks on the new contract resume next week"),
    ("The council votes next week on the plan, a spokesman said.", "The council votes next week on the plan"),
])
def test_a_clause_with_a_verb_read_as_a_noun_is_reported(nlp_model, text, clause):
    assert found_at(inverted.at, nlp_model(text)) == [("indirect", clause, "said")]


@pytest.mark.parametrize("text", [
    "After the long meeting on Tuesday night, the mayor said.",
    "In a long statement to the press, the company said.",
])
def test_the_attributions_own_circumstance_is_no_report(nlp_model, text):
    assert found_at(inverted.at, nlp_model(text)) == []


def test_only_an_attribution_that_closes_its_sentence(nlp_model):
    doc = nlp_model("Both schools in the district plan to cut their budgets, the superintendent said as the board "
                    "met on Friday.")
    assert [t.tag_ for t in doc if t.text == "plan"] == ["NN"]
    assert found_at(inverted.at, doc) == []
