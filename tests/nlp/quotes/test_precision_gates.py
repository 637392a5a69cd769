"""Session 23's precision gates, each found with ``bench/rule_precision.py`` (our own sentences): a
contact clause on a noun of free choice, a headline line that is an address, an intention under a
modal of possibility."""

import pytest

from annotator.nlp.quotes import contact_relative, headline, intention
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at, found_by


def _contact(determiner: str) -> str:
    return f"""
        Members   NOUN  NNS nsubj  2
        may       AUX   MD  aux    2
        back      VERB  VB  ROOT   2 back
        {determiner} DET DT det    4
        candidate NOUN  NN  dobj   2
        they      PRON  PRP nsubj  6
        like      VERB  VBP relcl  4 like
        .         PUNCT .   punct  2
    """


@pytest.mark.parametrize("determiner", ["any", "whichever", "whatever"])
def test_a_contact_clause_on_a_noun_of_free_choice_reports_nothing(determiner):
    doc = hand_doc(f"Members may back {determiner} candidate they like.", _contact(determiner))
    assert found_at(contact_relative.at, doc) == []


def test_a_contact_clause_on_a_particular_noun_still_reports_it():
    doc = hand_doc("Members may back the candidate they like.", _contact("the"))
    assert found_at(contact_relative.at, doc) == [("indirect", "the candidate", "like")]


def _headline(content: str) -> str:
    return f"""
        Ana     PROPN NNP compound 1
        Ruiz    PROPN NNP ROOT   1
        :       PUNCT :   punct  1
        reach   VERB  VB  appos  1
        her     PRON  PRP dobj   3
        at      ADP   IN  prep   3
        {content} NOUN NN pobj   5
        today   NOUN  NN  npadvmod 3
    """


def test_a_headline_line_that_gives_an_address_is_no_quote():
    doc = hand_doc("Ana Ruiz: reach her at ana.ruiz@example.com today", _headline("ana.ruiz@example.com"))
    assert found_by(headline.find, doc) == []


def test_a_headline_line_of_words_is_still_a_quote():
    doc = hand_doc("Ana Ruiz: reach her at home today", _headline("home"))
    assert found_by(headline.find, doc) == [("indirect", "reach her at home today", ":")]


def _intention(modal: str) -> str:
    return f"""
        The      DET   DT  det    1
        governor NOUN  NN  nsubj  3
        {modal}  AUX   MD  aux    3
        want     VERB  VB  ROOT   3 want
        to       PART  TO  aux    5
        check    VERB  VB  xcomp  3
        the      DET   DT  det    7
        figures  NOUN  NNS dobj   5
        .        PUNCT .   punct  3
    """


@pytest.mark.parametrize("modal", ["may", "might", "could"])
def test_an_intention_under_a_modal_of_possibility_is_the_reporters_guess(modal):
    doc = hand_doc(f"The governor {modal} want to check the figures.", _intention(modal))
    assert found_at(intention.at, doc) == []


def test_an_intention_under_will_is_still_reported():
    doc = hand_doc("The governor will want to check the figures.", _intention("will"))
    assert found_at(intention.at, doc) == [("indirect", "to check the figures", "want")]
