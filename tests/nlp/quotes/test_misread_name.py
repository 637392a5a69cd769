"""``calling it "a disgrace"``: a name in quotation marks that the parser reads as a second object
or an apposition to the object is still what the naming verb calls it (``quotes/naming.py``)."""

from annotator.nlp.quotes import naming
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_SECOND = 'Ortiz left early, calling it "a disgrace to this chamber."'
_SECOND_ROWS = """
    Ortiz    PROPN NNP nsubj  1
    left     VERB  VBD ROOT   1 leave
    early    ADV   RB  advmod 1
    ,        PUNCT ,   punct  1
    calling  VERB  VBG advcl  1 call
    it       PRON  PRP dobj   4
    "        PUNCT ``  punct  4
    a        DET   DT  det    8
    disgrace NOUN  NN  dobj   4
    to       ADP   IN  prep   8
    this     DET   DT  det    11
    chamber  NOUN  NN  pobj   9
    .        PUNCT .   punct  1
    "        PUNCT ''  punct  1
"""


def test_a_quoted_name_read_as_a_second_object_is_what_was_called():
    assert found_at(naming.at, hand_doc(_SECOND, _SECOND_ROWS)) == [
        ("mixed", 'it "a disgrace to this chamber."', "calling")]


def test_a_quoted_name_read_as_an_apposition_is_what_was_called():
    rows = _SECOND_ROWS.replace("disgrace NOUN  NN  dobj   4", "disgrace NOUN  NN  appos  5")
    assert found_at(naming.at, hand_doc(_SECOND, rows)) == [("mixed", 'it "a disgrace to this chamber."', "calling")]


_TIME = "Ortiz called the clinic Friday morning."
_TIME_ROWS = """
    Ortiz   PROPN NNP nsubj    1
    called  VERB  VBD ROOT     1 call
    the     DET   DT  det      3
    clinic  NOUN  NN  dobj     1
    Friday  PROPN NNP compound 5
    morning NOUN  NN  npadvmod 1
    .       PUNCT .   punct    1
"""


def test_an_unquoted_second_object_is_no_name():
    assert found_at(naming.at, hand_doc(_TIME, _TIME_ROWS)) == []


_FOLDED = "Ruth Almeida called the walkout irresponsible."
#: The parser's reading: ``the walkout`` hung on the name as a compound, no object.
_FOLDED_ROWS = """
    Ruth          PROPN NNP compound 1
    Almeida       PROPN NNP nsubj    2
    called        VERB  VBD ROOT     2 call
    the           DET   DT  det      5
    walkout       NOUN  NN  compound 5
    irresponsible ADJ   JJ  oprd     2
    .             PUNCT .   punct    2
"""


def test_an_object_folded_into_the_name_is_what_was_called():
    assert found_at(naming.at, hand_doc(_FOLDED, _FOLDED_ROWS)) == [
        ("indirect", "the walkout irresponsible", "called")]


def test_two_names_read_for_an_object_and_its_name_are_what_was_called():
    rows = _FOLDED_ROWS.replace("walkout       NOUN  NN  compound 5", "walkout       NOUN  NN  oprd     2") \
        .replace("the           DET   DT  det      5", "the           DET   DT  det      4")
    assert found_at(naming.at, hand_doc(_FOLDED, rows)) == [("indirect", "the walkout irresponsible", "called")]


def test_a_name_alone_with_nothing_named_is_no_quote():
    rows = """
        Almeida       PROPN NNP nsubj    1
        called        VERB  VBD ROOT     1 call
        early         ADJ   JJ  oprd     1
        .             PUNCT .   punct    1
    """
    assert found_at(naming.at, hand_doc("Almeida called early.", rows)) == []
