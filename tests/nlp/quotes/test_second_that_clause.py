"""``Ms. Voss said the levy would pass, but that she would not vote for it``: a second clause with
its own ``that``, hung by the parser on the reporting verb, is a part of what was said (session 12)."""

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_TEXT = "Voss said the levy would pass, but that she would not vote."


def _rows(second_mark: str = "that    SCONJ IN  mark   12") -> str:
    return f"""
        Voss    PROPN NNP nsubj  1
        said    VERB  VBD ROOT   1 say
        the     DET   DT  det    3
        levy    NOUN  NN  nsubj  5
        would   AUX   MD  aux    5
        pass    VERB  VB  ccomp  1
        ,       PUNCT ,   punct  1
        but     CCONJ CC  cc     1
        {second_mark}
        she     PRON  PRP nsubj  12
        would   AUX   MD  aux    12
        not     PART  RB  neg    12
        vote    VERB  VB  conj   1
        .       PUNCT .   punct  1
    """


def test_second_that_clause_on_the_reporting_verb_is_part_of_the_report():
    doc = hand_doc(_TEXT, _rows())
    assert found_at(reported.at, doc) == [("indirect", "the levy would pass, but that she would not vote", "said")]


def test_coordinated_clause_without_its_own_that_stays_out():
    doc = hand_doc("Voss said the levy would pass, but then she would not vote.",
                   _rows("then    ADV   RB  advmod 12"))
    assert found_at(reported.at, doc) == [("indirect", "the levy would pass", "said")]
