"""A reported clause that the parse stops at a colon goes on to its sentence's end
(``clause_end.colon_run_on``, session 44), on sentences written for these tests."""

import pytest

from annotator.nlp.quotes.clause_end import colon_run_on
from tests.nlp.hand_docs import hand_doc

_TEXT = "Ruiz said the levy failed : the port paid nothing ."
_ROWS = """
    Ruiz     PROPN NNP nsubj 1
    said     VERB  VBD ROOT  1 say
    the      DET   DT  det   3
    levy     NOUN  NN  nsubj 4
    failed   VERB  VBD ccomp 1 fail
    :        PUNCT :   punct 1
    the      DET   DT  det   7
    port     NOUN  NN  nsubj 8
    paid     VERB  VBD parataxis 1 pay
    nothing  PRON  NN  dobj  8
    .        PUNCT .   punct 1
"""


def test_the_words_after_a_colon_go_on_with_the_report():
    doc = hand_doc(_TEXT, _ROWS)
    assert colon_run_on(doc, 5, 11) == 11


def test_a_colon_that_ends_the_sentence_stops_nothing():
    doc = hand_doc(_TEXT, _ROWS)
    assert colon_run_on(doc, 5, 6) == 5


def test_a_quote_after_the_colon_with_its_own_attribution_stops_it():
    doc = hand_doc('Ruiz said it failed : " we lost , " Lee said .', """
        Ruiz  PROPN NNP nsubj 1
        said  VERB  VBD ROOT  1 say
        it    PRON  PRP nsubj 3
        failed VERB VBD ccomp 1 fail
        :     PUNCT :   punct 1
        "     PUNCT ``  punct 7
        we    PRON  PRP nsubj 7
        lost  VERB  VBD ccomp 11 lose
        ,     PUNCT ,   punct 11
        "     PUNCT ''  punct 11
        Lee   PROPN NNP nsubj 11
        said  VERB  VBD parataxis 1 say
        .     PUNCT .   punct 1
    """)
    assert colon_run_on(doc, 4, 13, lambda t: t.lemma_ == "say") == 4
    assert colon_run_on(doc, 4, 13) == 13


def test_no_colon_no_run_on():
    doc = hand_doc(_TEXT, _ROWS)
    assert colon_run_on(doc, 4, 11) == 4


@pytest.mark.model
@pytest.mark.parametrize("text, content", [
    ("The harbour master said the ferry was late: the engine had failed twice.",
     "the ferry was late: the engine had failed twice"),
    ("The clerk told reporters the budget was simple: the town would borrow nothing.",
     "the budget was simple: the town would borrow nothing"),
])
def test_a_report_runs_on_over_its_colon(quotes_in, text, content):
    assert content in [q.text for q in quotes_in(text)]



@pytest.mark.model
def test_a_quote_after_the_colon_attributed_on_its_own_stops_the_run_on(quotes_in):
    quotes = [(q.type, q.text) for q in quotes_in('The clerk said the ferry was doomed: "The engine is finished," '
                                                   'the captain added.')]
    assert ("indirect", "the ferry was doomed") in quotes
    assert ("direct", "The engine is finished") in quotes
