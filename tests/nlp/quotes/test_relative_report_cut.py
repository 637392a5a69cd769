"""An object or clause stops before a trailing relative clause whose verb reports the clause the
pronoun is subject of (``…, which she said had hurt the fleet``): that clause is a report of its own,
not more of what the outer verb took (``clause_end._phrase_of``; our own sentences)."""

import pytest

from annotator.nlp.quotes import QuoteFinder
from annotator.nlp.quotes.clause_end import reporter_addition_cut
from tests.nlp.hand_docs import hand_doc

_ROWS = """
        Voss       PROPN NNP  nsubj       1 voss
        cited      VERB  VBD  ROOT        1 cite
        the        DET   DT   det         4 the
        harbour    NOUN  NN   compound    4 harbour
        plans      NOUN  NNS  dobj        1 plan
        ,          PUNCT ,    punct       4 ,
        which      PRON  WDT  nsubj      10 which
        she        PRON  PRP  nsubj       8 she
        said       VERB  VBD  relcl       4 say
        had        AUX   VBD  aux        10 have
        hurt       VERB  VBN  ccomp       8 hurt
        the        DET   DT   det        13 the
        fishing    NOUN  NN   compound   13 fishing
        fleet      NOUN  NN   dobj       10 fleet
        .          PUNCT .    punct       1 .
"""
_TEXT = "Voss cited the harbour plans, which she said had hurt the fishing fleet."


def test_relative_report_after_an_object_is_cut_at_its_comma():
    doc = hand_doc(_TEXT, _ROWS)
    assert reporter_addition_cut(doc, 2, 14) == 5


def test_relative_report_after_an_object_is_reported_apart():
    doc = hand_doc(_TEXT, _ROWS)
    found = sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(doc))
    assert found == [("indirect", "had hurt the fishing fleet", "said"), ("indirect", "the harbour plans", "cited"),
                     ("indirect", "which", "said")]


def test_relative_clause_without_a_report_is_still_cut():
    doc = hand_doc("Voss cited the harbour plans, which had hurt the fishing fleet.", """
        Voss       PROPN NNP  nsubj       1 voss
        cited      VERB  VBD  ROOT        1 cite
        the        DET   DT   det         4 the
        harbour    NOUN  NN   compound    4 harbour
        plans      NOUN  NNS  dobj        1 plan
        ,          PUNCT ,    punct       4 ,
        which      PRON  WDT  nsubj       8 which
        had        AUX   VBD  aux         8 have
        hurt       VERB  VBN  relcl       4 hurt
        the        DET   DT   det        11 the
        fishing    NOUN  NN   compound   11 fishing
        fleet      NOUN  NN   dobj        8 fleet
        .          PUNCT .    punct       1 .
    """)
    assert reporter_addition_cut(doc, 2, 12) == 5


@pytest.mark.model
def test_relative_report_after_an_object_with_the_model(quotes_in):
    found = [(q.text, q.speaker, q.cue) for q in quotes_in(
        "Mayor Dana Voss cited the harbour plans, which she said had hurt the fishing fleet.")]
    assert ("the harbour plans", "Dana Voss", "cited") in found
    assert ("had hurt the fishing fleet", "she", "said") in found
