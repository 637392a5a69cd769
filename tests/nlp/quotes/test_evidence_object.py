"""The evidence rule's object on hand-built parses: ``the poll shows a tighter race``, and where
an object is no finding (a person's act, ``found`` with an object)."""

import pytest

from annotator.nlp.lexicon import Lexicon
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


def test_a_with_phrase_after_the_object_is_part_of_the_finding():
    doc = hand_doc("The poll shows the mayor with a narrow lead.", """
        The    DET   DT  det    1
        poll   NOUN  NN  nsubj  2
        shows  VERB  VBZ ROOT   2 show
        the    DET   DT  det    4
        mayor  NOUN  NN  dobj   2
        with   ADP   IN  prep   2
        a      DET   DT  det    8
        narrow ADJ   JJ  amod   8
        lead   NOUN  NN  pobj   5
        .      PUNCT .   punct  2
    """)
    assert found_at(evidence.at, doc) == [("indirect", "the mayor with a narrow lead", "shows")]


def _leading(rest_rows: str) -> str:
    return f"""
        The     DET   DT  det    1
        poll    NOUN  NN  nsubj  2
        shows   VERB  VBZ ROOT   2 show
        Lee     PROPN NNP nsubj  4
        leading VERB  VBG ccomp  2 lead
        ,       PUNCT ,   punct  2
{rest_rows}
        .       PUNCT .   punct  2
    """


@pytest.mark.parametrize(("lexicon", "finding"), [
    (None, "Lee leading, with Ruiz at 12 percent"),  # a finding verb of the lexicon's: to its clause's end
    (Lexicon(finding_verbs=["find"]), "Lee leading"),  # another verb keeps its object's extent
])
def test_a_polls_finding_goes_on_to_the_end_of_its_clause(lexicon, finding):
    doc = hand_doc("The poll shows Lee leading, with Ruiz at 12 percent.", _leading("""
        with    ADP   IN  prep   2
        Ruiz    PROPN NNP pobj   6
        at      ADP   IN  prep   7
        12      NUM   CD  nummod 10
        percent NOUN  NN  pobj   8
    """))
    assert found_at(evidence.at, doc, lexicon) == [("indirect", finding, "shows")]


def test_a_clause_of_its_own_after_a_comma_is_no_part_of_the_finding():
    doc = hand_doc("The poll shows Lee leading, and the mayor has conceded.", _leading("""
        and      CCONJ CC  cc     2
        the      DET   DT  det    8
        mayor    NOUN  NN  nsubj  10
        has      AUX   VBZ aux    10 have
        conceded VERB  VBN conj   2 concede
    """))
    assert found_at(evidence.at, doc) == [("indirect", "Lee leading", "shows")]


def test_a_finding_stops_before_someone_elses_report():
    doc = hand_doc("The poll shows Lee leading, although Ruiz says it is early.", _leading("""
        although SCONJ IN  mark   8
        Ruiz     PROPN NNP nsubj  8
        says     VERB  VBZ advcl  2 say
        it       PRON  PRP nsubj  10
        is       AUX   VBZ ccomp  8 be
        early    ADJ   JJ  acomp  10
    """))
    assert found_at(evidence.at, doc) == [("indirect", "Lee leading", "shows")]


def test_the_clause_before_a_trailing_records_show_is_the_finding():
    doc = hand_doc("The mill will close in May, records show.", """
        The     DET   DT  det    1
        mill    NOUN  NN  nsubj  3
        will    AUX   MD  aux    3
        close   VERB  VB  ccomp  8
        in      ADP   IN  prep   3
        May     PROPN NNP pobj   4
        ,       PUNCT ,   punct  8
        records NOUN  NNS nsubj  8 record
        show    VERB  VBP ROOT   8
        .       PUNCT .   punct  8
    """)
    assert found_at(evidence.at, doc) == [("indirect", "The mill will close in May", "show")]
