"""A participle-like cue the parser hangs on a thing (``a decision its chair, Mira Oduya, said was
overdue``, ``said`` an ``acl`` of ``decision``): the holder is the name set off before the verb
(``speakers.set_off_name``), not the thing (``suggest.holders.verb_holder``); our own sentences."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.holders import verb_holder
from tests.nlp.hand_docs import hand_doc

_LEVY = "The board rejected the levy on Tuesday, a decision its chair, Mira Oduya, said was overdue."
_ROWS = """
    The       DET   DT   det       1
    board     NOUN  NN   nsubj     2
    rejected  VERB  VBD  ROOT      2 reject
    the       DET   DT   det       4
    levy      NOUN  NN   dobj      2
    on        ADP   IN   prep      2
    Tuesday   PROPN NNP  pobj      5
    ,         PUNCT ,    punct     2
    a         DET   DT   det       9
    decision  NOUN  NN   npadvmod  2
    its       PRON  PRP$ poss      11
    chair     NOUN  NN   appos     9
    ,         PUNCT ,    punct     9
    Mira      PROPN NNP  compound  14
    Oduya     PROPN NNP  appos     9
    ,         PUNCT ,    punct     9
    said      VERB  VBD  acl       9 say
    was       AUX   VBD  ccomp     16 be
    overdue   ADJ   JJ   acomp     17
    .         PUNCT .    punct     2
"""


def test_the_name_set_off_before_the_verb_holds_it():
    doc = hand_doc(_LEVY, _ROWS)
    assert verb_holder(doc[16], Lexicon()).text == "its chair, Mira Oduya"


@pytest.mark.model
def test_the_clause_is_a_pre_label_not_a_suggestion(nlp_model):
    # (since session 38 the quote rules read this parse: ``tests/nlp/quotes/test_contact_apposition.py``)
    doc = nlp_model("The harbour board rejected the ferry levy on Tuesday, a decision its chair, Mira Oduya, "
                    "said was overdue.")
    assert "was overdue" not in {doc.text[s.quote_start:s.quote_end] for s in doc._.suggestions}
    assert "was overdue" in {q.text for q in doc.spans["quotes"]}
