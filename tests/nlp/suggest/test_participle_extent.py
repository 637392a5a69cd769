"""``extent:participle``: a report that runs on over a participle after a comma (``…, throwing the
party into turmoil``) is offered the extent that stops before the comma (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.clause_end import trailing_participle_cut
from annotator.nlp.suggest.extents import EXTENT_SCORES, PARTICIPLE, extents
from tests.nlp.hand_docs import hand_doc

_TEXT = "Ruiz said the city would back the levy, raising its cost."
_ROWS = """
    Ruiz    PROPN NNP nsubj  1
    said    VERB  VBD ROOT   1 say
    the     DET   DT  det    3
    city    NOUN  NN  nsubj  5
    would   AUX   MD  aux    5
    back    VERB  VB  ccomp  1
    the     DET   DT  det    7
    levy    NOUN  NN  dobj   5
    ,       PUNCT ,   punct  5
    raising VERB  VBG advcl  5 raise
    its     PRON  PRP$ poss  11
    cost    NOUN  NN  dobj   9
    .       PUNCT .   punct  1
"""


def test_a_participle_running_to_the_end_is_cut_at_its_comma():
    doc = hand_doc(_TEXT, _ROWS)
    assert trailing_participle_cut(doc, 2, 12) == 8


def test_a_participle_closed_by_a_comma_before_the_report_goes_on_is_kept():
    text = "Ruiz said the city, raising its cost, would back the levy."
    rows = """
        Ruiz    PROPN NNP nsubj  1
        said    VERB  VBD ROOT   1 say
        the     DET   DT  det    3
        city    NOUN  NN  nsubj  10
        ,       PUNCT ,   punct  3
        raising VERB  VBG acl    3 raise
        its     PRON  PRP$ poss  7
        cost    NOUN  NN  dobj   5
        ,       PUNCT ,   punct  3
        would   AUX   MD  aux    10
        back    VERB  VB  ccomp  1
        the     DET   DT  det    12
        levy    NOUN  NN  dobj   10
        .       PUNCT .   punct  1
    """
    doc = hand_doc(text, rows)
    assert trailing_participle_cut(doc, 2, 13) == 13


@pytest.mark.model
def test_a_report_running_on_over_a_participle_is_offered_the_extent_before_it(nlp_model):
    doc = nlp_model("The speaker declared that he cannot support the nominee, throwing the party into turmoil "
                    "before the convention.")
    assert [q.text for q in doc.spans["quotes"]] == [
        "he cannot support the nominee, throwing the party into turmoil before the convention"]
    assert [(e.source, e.span.text) for e in extents(doc, Lexicon(), {PARTICIPLE})] == [
        (PARTICIPLE, "he cannot support the nominee")]
    assert [(s.source, s.score) for s in doc._.suggestions] == [(PARTICIPLE, EXTENT_SCORES[PARTICIPLE][1])]  # five words: 4-8
