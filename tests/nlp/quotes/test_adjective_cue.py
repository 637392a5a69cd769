"""The adjective rule on hand-built parses: ``X is confident that CLAUSE``."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import adjective_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _senator(adjective: str, tensed: bool = True) -> str:
    head = 8 if tensed else 7
    will = "will AUX MD aux 8" if tensed else ""
    return f"""
        The       DET   DT  det    1
        senator   NOUN  NN  nsubj  2
        is        AUX   VBZ ROOT   2 be
        {adjective} ADJ JJ  acomp  2
        that      SCONJ IN  mark   {head}
        the       DET   DT  det    6
        bill      NOUN  NN  nsubj  {head}
        {will}
        pass      VERB  VB  ccomp  3
        .         PUNCT .   punct  2
    """


def test_adjective_of_belief_reports_its_clause_with_the_copula_as_cue():
    doc = hand_doc("The senator is confident that the bill will pass.", _senator("confident"))
    assert found_at(adjective_cue.at, doc) == [("indirect", "the bill will pass", "is confident")]


def test_adjective_rule_reads_its_adjectives_from_the_lexicon():
    doc = hand_doc("The senator is confident that the bill will pass.", _senator("confident"))
    assert found_at(adjective_cue.at, doc, Lexicon(adjectives=["sure"])) == []


def test_adjective_outside_the_list_or_without_a_tensed_clause_reports_nothing():
    doc = hand_doc("The senator is tall that the bill will pass.", _senator("tall"))
    assert found_at(adjective_cue.at, doc) == []
    untensed = hand_doc("The senator is eager that the bill pass.", _senator("eager", tensed=False))
    assert found_at(adjective_cue.at, untensed) == []
