"""``By the clerk's tally, CLAUSE.``, ``Under state law, CLAUSE.``: a fronted phrase naming a count or a
law is the source of the clause after its comma (hand-built parses as the small English model gives
them; our own sentences)."""

import pytest

from annotator.nlp.quotes import source_phrase
from annotator.nlp.speakers.scan import ACCORDING, cue_kind
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_TALLY = """
    By         ADP   IN   prep       8
    the        DET   DT   det        2
    clerk      NOUN  NN   poss       4
    's         PART  POS  case       2
    tally      NOUN  NN   pobj       0
    ,          PUNCT ,    punct      8
    Ruiz       PROPN NNP  nsubj      8 Ruiz
    now        ADV   RB   advmod     8
    has        VERB  VBZ  ROOT       8 have
    412        NUM   CD   nummod     10
    votes      NOUN  NNS  dobj       8 vote
    .          PUNCT .    punct      8
"""


def test_a_fronted_count_reports_the_clause():
    doc = hand_doc("By the clerk's tally, Ruiz now has 412 votes.", _TALLY)
    assert found_by(source_phrase.find, doc) == [("indirect", "Ruiz now has 412 votes", "By")]
    assert cue_kind(doc[0:1]) == ACCORDING


def test_a_fronted_law_reports_the_clause():
    doc = hand_doc("Under state law, a recount is due.", """
        Under      ADP   IN   prep       6
        state      NOUN  NN   compound   2
        law        NOUN  NN   pobj       0
        ,          PUNCT ,    punct      6
        a          DET   DT   det        5
        recount    NOUN  NN   nsubj      6
        is         AUX   VBZ  ROOT       6 be
        due        ADJ   JJ   acomp      6
        .          PUNCT .    punct      6
    """)
    assert found_by(source_phrase.find, doc) == [("indirect", "a recount is due", "Under")]


def test_a_plan_is_no_source():
    doc = hand_doc("Under the plan, the toll would rise.", """
        Under      ADP   IN   prep       7
        the        DET   DT   det        2
        plan       NOUN  NN   pobj       0
        ,          PUNCT ,    punct      7
        the        DET   DT   det        5
        toll       NOUN  NN   nsubj      7
        would      AUX   MD   aux        7
        rise       VERB  VB   ROOT       7
        .          PUNCT .    punct      7
    """)
    assert found_by(source_phrase.find, doc) == []


def test_a_time_is_no_source():
    doc = hand_doc("By noon, the pier was closed.", """
        By         ADP   IN   prep       6
        noon       NOUN  NN   pobj       0
        ,          PUNCT ,    punct      6
        the        DET   DT   det        4
        pier       NOUN  NN   nsubjpass  6
        was        AUX   VBD  auxpass    6 be
        closed     VERB  VBN  ROOT       6 close
        .          PUNCT .    punct      6
    """)
    assert found_by(source_phrase.find, doc) == []


@pytest.mark.model
def test_the_pipeline_reads_the_phrase_as_the_source(rule_quotes_in):
    found = rule_quotes_in("By the clerk's tally, Ruiz now has 412 votes to Lee's 388.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("Ruiz now has 412 votes to Lee's 388", "the clerk's tally", "By")]
    assert rule_quotes_in("The levy was passed by the council, and the pier was closed.") == []
