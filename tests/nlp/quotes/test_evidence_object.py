"""The evidence rule's object on hand-built parses: ``the poll shows a tighter race``, and where
an object is no finding (a person's act, ``found`` with an object)."""

from annotator.nlp.quotes import evidence
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _object(subject: str, subject_pos: str, verb: str, lemma: str) -> str:
    return f"""
        The        DET   DT  det    1
        {subject}  {subject_pos} NN nsubj 2
        {verb}     VERB  VBZ ROOT   2 {lemma}
        a          DET   DT  det    5
        tighter    ADJ   JJR amod   5 tight
        race       NOUN  NN  dobj   2
        .          PUNCT .   punct  2
    """


def test_the_object_of_what_a_poll_shows_is_its_finding():
    doc = hand_doc("The survey shows a tighter race.", _object("survey", "NOUN", "shows", "show"))
    assert found_at(evidence.at, doc) == [("indirect", "a tighter race", "shows")]


def test_an_object_found_is_as_often_a_thing_done():
    doc = hand_doc("The survey finds a tighter race.", _object("survey", "NOUN", "finds", "find"))
    assert found_at(evidence.at, doc) == []


def test_a_named_subjects_object_is_no_finding():
    doc = hand_doc("The Okafor shows a tighter race.", _object("Okafor", "PROPN", "shows", "show"))
    assert found_at(evidence.at, doc) == []
