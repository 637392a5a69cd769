"""``the union seeks to block the merger``, ``the board decided to close the pool``: intentions in
the speaker's own sentence (hand-built parses; our own sentences)."""

import pytest

from annotator.nlp.quotes import intention
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _own_sentence(subject: str, verb: str, tag: str, lemma: str) -> str:
    return f"""
        The       DET   DT  det    1
        {subject} NOUN  NN  nsubj  2
        {verb}    VERB  {tag} ROOT 2 {lemma}
        to        PART  TO  aux    4
        close     VERB  VB  xcomp  2
        the       DET   DT  det    6
        pool      NOUN  NN  dobj   4
        .         PUNCT .   punct  2
    """


@pytest.mark.parametrize("subject, verb, tag, lemma", [
    ("union", "seeks", "VBZ", "seek"), ("board", "decided", "VBD", "decide"),
])
def test_seek_and_decide_report_the_infinitive(subject, verb, tag, lemma):
    doc = hand_doc(f"The {subject} {verb} to close the pool.", _own_sentence(subject, verb, tag, lemma))
    assert found_at(intention.at, doc) == [("indirect", "to close the pool", verb)]


def test_a_thing_decides_nothing():
    doc = hand_doc("The storm decided to close the pool.", _own_sentence("storm", "decided", "VBD", "decide"))
    assert found_at(intention.at, doc) == []


def test_in_a_relative_clause_the_infinitive_is_left_alone(rule_quotes_in):
    assert rule_quotes_in("A donor who decided to give money to the clinic was thanked on Friday.") == []
