"""A promoted quote without a speaker cued by a content noun on a verb's preposition (``stirred anger
with an assertion that …``) takes the verb's subject as speaker (``suggest.holders.content_holder``,
``suggest.promote``); not a preposition before its verb (``Despite complaints that …, the board voted``).
Our own sentences."""

from __future__ import annotations

import pytest

from annotator.core.records import SAID_BY
from annotator.nlp.convert import doc_to_task
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.holders import content_holder
from tests.nlp.hand_docs import hand_doc

_ASSERTION = "The mayor stirred anger with an assertion that the levy was illegal."
_ASSERTION_ROWS = """
    The        DET    DT    det     1
    mayor      NOUN   NN    nsubj   2
    stirred    VERB   VBD   ROOT    2 stir
    anger      NOUN   NN    dobj    2
    with       ADP    IN    prep    2
    an         DET    DT    det     6
    assertion  NOUN   NN    pobj    4
    that       SCONJ  IN    mark    10
    the        DET    DT    det     9
    levy       NOUN   NN    nsubj   10
    was        AUX    VBD   acl     6 be
    illegal    ADJ    JJ    acomp   10
    .          PUNCT  .     punct   2
"""

_DESPITE = "Despite complaints that the levy is unfair, the board voted for it."
_DESPITE_ROWS = """
    Despite     ADP    IN    prep    10
    complaints  NOUN   NNS   pobj    0 complaint
    that        SCONJ  IN    mark    5
    the         DET    DT    det     4
    levy        NOUN   NN    nsubj   5
    is          AUX    VBZ   acl     1 be
    unfair      ADJ    JJ    acomp   5
    ,           PUNCT  ,     punct   10
    the         DET    DT    det     9
    board       NOUN   NN    nsubj   10
    voted       VERB   VBD   ROOT    10 vote
    for         ADP    IN    prep    10
    it          PRON   PRP   pobj    11
    .           PUNCT  .     punct   10
"""


def test_the_subject_of_the_verb_holds_the_noun_on_its_preposition():
    doc = hand_doc(_ASSERTION, _ASSERTION_ROWS)
    assert content_holder(doc[6:7], Lexicon()).text == "The mayor"


def test_a_preposition_before_its_verb_names_nobody():
    doc = hand_doc(_DESPITE, _DESPITE_ROWS)
    assert content_holder(doc[1:2], Lexicon()) is None


def test_an_object_noun_is_not_read_here():
    # (a verb's object is ``noun_holder``'s for the suggestions' own speakers, not a promoted quote's)
    doc = hand_doc(_ASSERTION, _ASSERTION_ROWS)
    assert content_holder(doc[3:4], Lexicon()) is None


@pytest.mark.model
def test_the_promoted_quote_has_the_verb_subject_as_speaker(nlp_model):
    doc = nlp_model("Last June the mayor stirred anger with an assertion that the ferry levy was illegal.")
    task = doc_to_task(doc)
    said = {task.span_text(r.head_span): task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY}
    assert said.get("the ferry levy was illegal") == "the mayor"
