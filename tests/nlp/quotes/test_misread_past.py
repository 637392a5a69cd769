"""``CLAUSE, the paper reported.``: a clause whose verb the tagger reads as a past participle
(``soured`` as VBN) with a subject of its own and no auxiliary still has a tense, so the inverted
report takes it (``found.misread_past``). Our own sentences, parsed by the real model."""

from annotator.nlp.quotes import inverted
from annotator.nlp.quotes.found import misread_past
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_an_inverted_report_of_a_misread_past(nlp_model):
    text = "Members of the city council long ago soured on the plan, the paper reported."
    assert found_at(inverted.at, nlp_model(text)) == [
        ("indirect", "Members of the city council long ago soured on the plan", "reported")]


def test_misread_past_needs_a_subject_and_no_auxiliary():
    doc = hand_doc("Farmers soured on it. It was soured by rain.", """
        Farmers  NOUN  NNS nsubj     1 farmer
        soured   VERB  VBN ROOT      1 sour
        on       ADP   IN  prep      1
        it       PRON  PRP pobj      2
        .        PUNCT .   punct     1
        It       PRON  PRP nsubjpass 7
        was      AUX   VBD auxpass   7 be
        soured   VERB  VBN ROOT      7 sour
        by       ADP   IN  agent     7
        rain     NOUN  NN  pobj      8
        .        PUNCT .   punct     7
    """)
    assert misread_past(doc[1]) and not misread_past(doc[7])
