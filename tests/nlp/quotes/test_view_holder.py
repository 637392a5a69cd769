"""``To Ortiz, the vote marked a turning point.``: a fronted ``to`` phrase whose object can hold a
view is the source of the clause after its comma (hand-built parses as the small English model gives
them; our own sentences)."""

import pytest

from annotator.nlp.quotes import view_holder
from annotator.nlp.speakers.scan import ACCORDING, cue_kind
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_TO_NAME = """
    To         ADP   IN   prep       5
    Ortiz      PROPN NNP  pobj       0 Ortiz
    ,          PUNCT ,    punct      5
    the        DET   DT   det        4
    vote       NOUN  NN   nsubj      5
    marked     VERB  VBD  ROOT       5 mark
    a          DET   DT   det        8
    turning    NOUN  NN   compound   8
    point      NOUN  NN   dobj       5
    .          PUNCT .    punct      5
"""


def test_a_fronted_to_phrase_naming_someone_reports_the_clause():
    doc = hand_doc("To Ortiz, the vote marked a turning point.", _TO_NAME, ents=((1, 2, "PERSON"),))
    assert found_by(view_holder.find, doc) == [("indirect", "the vote marked a turning point", "To")]


def test_the_speakers_read_the_cue_as_according_to():
    doc = hand_doc("To Ortiz, the vote marked a turning point.", _TO_NAME, ents=((1, 2, "PERSON"),))
    assert cue_kind(doc[0:1]) == ACCORDING


def test_a_share_of_a_group_holds_a_view():
    doc = hand_doc("To many, Dalton is a hero.", """
        To         ADP   IN   prep       4
        many       ADJ   JJ   pobj       0
        ,          PUNCT ,    punct      4
        Dalton     PROPN NNP  nsubj      4 Dalton
        is         AUX   VBZ  ROOT       4 be
        a          DET   DT   det        6
        hero       NOUN  NN   attr       4
        .          PUNCT .    punct      4
    """, ents=((3, 4, "PERSON"),))
    assert found_by(view_holder.find, doc) == [("indirect", "Dalton is a hero", "To")]


def test_a_conjunction_may_come_before_the_phrase():
    doc = hand_doc("But to them, the levy is a burden.", """
        But        CCONJ CC   cc         6
        to         ADP   IN   prep       6
        them       PRON  PRP  pobj       1 they
        ,          PUNCT ,    punct      6
        the        DET   DT   det        5
        levy       NOUN  NN   nsubj      6
        is         AUX   VBZ  ROOT       6 be
        a          DET   DT   det        8
        burden     NOUN  NN   attr       6
        .          PUNCT .    punct      6
    """)
    assert found_by(view_holder.find, doc) == [("indirect", "the levy is a burden", "to")]


def test_a_time_is_no_holder():
    doc = hand_doc("To date, the fund has paid out four million.", """
        To         ADP   IN   prep       6
        date       NOUN  NN   pobj       0
        ,          PUNCT ,    punct      6
        the        DET   DT   det        4
        fund       NOUN  NN   nsubj      6
        has        AUX   VBZ  aux        6 have
        paid       VERB  VBN  ROOT       6 pay
        out        ADP   RP   prt        6
        four       NUM   CD   compound   9
        million    NUM   CD   dobj       6
        .          PUNCT .    punct      6
    """)
    assert found_by(view_holder.find, doc) == []


def test_an_extent_with_a_that_clause_is_no_holder():
    # ``extent`` ends as person nouns do (``student``): the ``that`` clause tells it is a thing
    doc = hand_doc("But to the extent that the mayor agrees, the plan could pass.", """
        But        CCONJ CC   cc         12
        to         ADP   IN   prep       12
        the        DET   DT   det        3
        extent     NOUN  NN   pobj       1
        that       SCONJ IN   mark       7
        the        DET   DT   det        6
        mayor      NOUN  NN   nsubj      7
        agrees     VERB  VBZ  acl        3 agree
        ,          PUNCT ,    punct      12
        the        DET   DT   det        10
        plan       NOUN  NN   nsubj      12
        could      AUX   MD   aux        12
        pass       VERB  VB   ROOT       12
        .          PUNCT .    punct      12
    """)
    assert found_by(view_holder.find, doc) == []


def test_to_inside_the_clause_is_no_source():
    doc = hand_doc("Ruiz gave the key to Lee, and the race is over.", """
        Ruiz       PROPN NNP  nsubj      1 Ruiz
        gave       VERB  VBD  ROOT       1 give
        the        DET   DT   det        3
        key        NOUN  NN   dobj       1
        to         ADP   IN   prep       1
        Lee        PROPN NNP  pobj       4 Lee
        ,          PUNCT ,    punct      1
        and        CCONJ CC   cc         1
        the        DET   DT   det        9
        race       NOUN  NN   nsubj      10
        is         AUX   VBZ  conj       1 be
        over       ADV   RB   advmod     10
        .          PUNCT .    punct      10
    """, ents=((0, 1, "PERSON"), (5, 6, "PERSON")))
    assert found_by(view_holder.find, doc) == []


def test_a_clause_another_reports_is_left_to_the_report_rules():
    doc = hand_doc("To Ruiz, Lee said, the race is over.", """
        To         ADP   IN   prep       8
        Ruiz       PROPN NNP  pobj       0 Ruiz
        ,          PUNCT ,    punct      4
        Lee        PROPN NNP  nsubj      4 Lee
        said       VERB  VBD  parataxis  8 say
        ,          PUNCT ,    punct      4
        the        DET   DT   det        7
        race       NOUN  NN   nsubj      8
        is         AUX   VBZ  ROOT       8 be
        over       ADV   RB   advmod     8
        .          PUNCT .    punct      8
    """, ents=((1, 2, "PERSON"), (3, 4, "PERSON")))
    assert found_by(view_holder.find, doc) == []


@pytest.mark.model
@pytest.mark.parametrize("text, found", [
    ("To Ortiz, the vote marked a turning point for the valley.",
     [("the vote marked a turning point for the valley", "Ortiz", "To")]),
    ("But to the ferry captains, the delay remains a scandal.",
     [("the delay remains a scandal", "the ferry captains", "to")]),
    ("To be sure, the levy passed by a wide margin.", []),
    ("To date, the fund has paid out four million.", []),
    ("To some extent, the plan worked as the council hoped.", []),  # ``extent`` ends as ``student`` does
    ("To our astonishment, the pier opened on time.", []),  # a feeling, not a person
])
def test_the_pipeline_reads_the_holder_as_the_speaker(rule_quotes_in, text, found):
    assert [(q.text, q.speaker, q.cue) for q in rule_quotes_in(text)] == found
