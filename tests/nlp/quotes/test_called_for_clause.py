"""``The union called for the board to resign``: a ``for`` clause with a subject and an infinitive
of its own after a verb of asking is what was asked for (session 12)."""

from annotator.nlp.quotes import prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_CALLED_FOR = """
    The     DET   DT  det       1
    union   NOUN  NN  nsubj     2
    called  VERB  VBD ROOT      2 call
    for     SCONJ IN  mark      7
    the     DET   DT  det       5
    board   NOUN  NN  nsubj     7
    to      PART  TO  aux       7
    resign  VERB  VB  advcl     2
    .       PUNCT .   punct     2
"""


def test_for_clause_after_a_verb_of_asking_is_what_was_asked():
    doc = hand_doc("The union called for the board to resign.", _CALLED_FOR)
    assert found_at(prepositional_object.for_clause_at, doc) == [("indirect", "the board to resign", "called for")]


def test_for_clause_needs_a_verb_of_asking_with_for():
    doc = hand_doc("The union waited for the board to resign.",
                   _CALLED_FOR.replace("called  VERB  VBD ROOT      2 call", "waited  VERB  VBD ROOT      2 wait"))
    assert found_at(prepositional_object.for_clause_at, doc) == []


def test_for_clause_of_a_thing_is_not_reported():
    doc = hand_doc("The report called for the board to resign.", _CALLED_FOR.replace("union   NOUN", "report  NOUN"))
    assert found_at(prepositional_object.for_clause_at, doc) == []

