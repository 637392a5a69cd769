"""The speaker's next act coordinated further down a chain of verbs inside the report (``says she
would meet the mayor and ask him for help and tells voters …``): the parser hangs each verb of a
coordination on the one before, so the third hangs on the second, not on the clause's own verb;
it is still the speaker's next act, and the report stops before its ``and``."""

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_TEXT = "Now Lee says she would meet the mayor and ask him for help and tells voters the plan will work."
_ROWS = """
    Now    ADV   RB  advmod 2
    Lee    PROPN NNP nsubj  2
    says   VERB  VBZ ROOT   2 say
    she    PRON  PRP nsubj  5
    would  AUX   MD  aux    5
    meet   VERB  VB  ccomp  2
    the    DET   DT  det    7
    mayor  NOUN  NN  dobj   5
    and    CCONJ CC  cc     5
    ask    VERB  VB  conj   5
    him    PRON  PRP dobj   9
    for    ADP   IN  prep   9
    help   NOUN  NN  pobj   11
    and    CCONJ CC  cc     9
    tells  VERB  VBZ conj   9 tell
    voters NOUN  NNS dative 14
    the    DET   DT  det    17
    plan   NOUN  NN  nsubj  19
    will   AUX   MD  aux    19
    work   VERB  VB  ccomp  14
    .      PUNCT .   punct  2
"""


def test_a_cue_verb_third_in_the_chain_ends_the_report():
    found = found_at(reported.at, hand_doc(_TEXT, _ROWS))
    assert found[0] == ("indirect", "she would meet the mayor and ask him for help", "says")


def test_a_second_verb_of_the_chain_in_another_form_goes_on_with_the_report():
    """``ask`` (the reported clause's own form, not the reporting verb's) is part of what was said."""
    found = found_at(reported.at, hand_doc(_TEXT, _ROWS))
    assert "ask him for help" in found[0][1]
