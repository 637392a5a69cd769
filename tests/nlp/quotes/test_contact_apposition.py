"""A contact or ``which`` clause whose speaker is named in an apposition set off by commas
(``quotes/contact_apposition.py``): the main clause the parser hangs on the cue is no report; the
noun the clause hangs on (or its ``which``) is a piece of it. Hand-built parses as the small English
model gives them, our own sentences."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import reported
from annotator.nlp.speakers import subject_of
from annotator.nlp.speakers.set_off_name import set_off_speaker
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

#: ``said`` the sentence's head, the main clause its complement before it, the name its subject.
_DECISION_TEXT = "The harbour board rejected the plan, a decision its chair, Mira Oduya, said would cost the port dearly."
_DECISION = """
    The      DET   DT   det      2
    harbour  NOUN  NN   compound 2
    board    NOUN  NN   nsubj    3
    rejected VERB  VBD  ccomp    15 reject
    the      DET   DT   det      5
    plan     NOUN  NN   dobj     3
    ,        PUNCT ,    punct    5
    a        DET   DT   det      8
    decision NOUN  NN   appos    5
    its      PRON  PRP$ poss     10
    chair    NOUN  NN   appos    8
    ,        PUNCT ,    punct    15
    Mira     PROPN NNP  compound 13
    Oduya    PROPN NNP  nsubj    15
    ,        PUNCT ,    punct    13
    said     VERB  VBD  ROOT     15 say
    would    AUX   MD   aux      17
    cost     VERB  VB   ccomp    15
    the      DET   DT   det      19
    port     NOUN  NN   dobj     17
    dearly   ADV   RB   advmod   17
    .        PUNCT .    punct    15
"""


def test_the_speaker_set_off_after_a_noun_names_that_noun():
    doc = hand_doc(_DECISION_TEXT, _DECISION, ents=((12, 14, "PERSON"),))
    assert set_off_speaker(doc[15]).text == "chair"


def test_the_main_clause_is_no_report_and_the_noun_is_a_piece():
    doc = hand_doc(_DECISION_TEXT, _DECISION, ents=((12, 14, "PERSON"),))
    assert sorted(found_at(reported.at, doc)) == [("indirect", "a decision", "said"),
                                                  ("indirect", "would cost the port dearly", "said")]


def test_a_which_before_the_speaker_is_the_piece():
    doc = hand_doc("The board rejected the plan, which its chair, Mira Oduya, said would cost the port dearly.", """
        The      DET   DT   det      1
        board    NOUN  NN   nsubj    2
        rejected VERB  VBD  ccomp    13 reject
        the      DET   DT   det      4
        plan     NOUN  NN   dobj     2
        ,        PUNCT ,    punct    4
        which    PRON  WDT  nsubj    8
        its      PRON  PRP$ poss     8
        chair    NOUN  NN   relcl    4
        ,        PUNCT ,    punct    8
        Mira     PROPN NNP  compound 11
        Oduya    PROPN NNP  nsubj    13
        ,        PUNCT ,    punct    4
        said     VERB  VBD  ROOT     13 say
        would    AUX   MD   aux      15
        cost     VERB  VB   ccomp    13
        the      DET   DT   det      17
        port     NOUN  NN   dobj     15
        dearly   ADV   RB   advmod   15
        .        PUNCT .    punct    13
    """, ents=((10, 12, "PERSON"),))
    assert sorted(found_at(reported.at, doc)) == [("indirect", "which", "said"),
                                                  ("indirect", "would cost the port dearly", "said")]


#: ``said`` an ``acl`` of ``decision``, the speaker's words the noun's appositions.
_ACL_TEXT = "The port board dropped the quay toll on Monday, a decision its chair, Lena Marsh, said was overdue."
_ACL = """
    The       DET   DT   det       2
    port      NOUN  NN   compound  2
    board     NOUN  NN   nsubj     3
    dropped   VERB  VBD  ROOT      3 drop
    the       DET   DT   det       6
    quay      NOUN  NN   compound  6
    toll      NOUN  NN   dobj      3
    on        ADP   IN   prep      3
    Monday    PROPN NNP  pobj      7
    ,         PUNCT ,    punct     3
    a         DET   DT   det       11
    decision  NOUN  NN   npadvmod  3
    its       PRON  PRP$ poss      13
    chair     NOUN  NN   appos     11
    ,         PUNCT ,    punct     11
    Lena      PROPN NNP  compound  16
    Marsh     PROPN NNP  appos     11
    ,         PUNCT ,    punct     11
    said      VERB  VBD  acl       11 say
    was       AUX   VBD  ccomp     18 be
    overdue   ADJ   JJ   acomp     19
    .         PUNCT .    punct     3
"""


def test_a_cue_hung_on_the_noun_has_the_set_off_noun_as_subject():
    doc = hand_doc(_ACL_TEXT, _ACL, ents=((15, 17, "PERSON"),))
    assert subject_of(doc[18], Lexicon()).text == "chair"


def test_a_cue_hung_on_the_noun_reports_its_clause_and_the_noun_is_a_piece():
    doc = hand_doc(_ACL_TEXT, _ACL, ents=((15, 17, "PERSON"),))
    assert sorted(found_at(reported.at, doc)) == [("indirect", "a decision", "said"),
                                                  ("indirect", "was overdue", "said")]


def test_an_attribution_set_inside_its_sentence_is_not_an_apposition():
    # ``…, the chair, Ana Pell, said, that …``: a comma after the verb, the set-off attribution's
    doc = hand_doc("There is a risk, the chair, Ana Pell, said, that the port will close.", """
        There  PRON  EX   expl     1
        is     VERB  VBZ  ccomp    11 be
        a      DET   DT   det      3
        risk   NOUN  NN   attr     1
        ,      PUNCT ,    punct    3
        the    DET   DT   det      6
        chair  NOUN  NN   appos    3
        ,      PUNCT ,    punct    6
        Ana    PROPN NNP  compound 9
        Pell   PROPN NNP  nsubj    11
        ,      PUNCT ,    punct    9
        said   VERB  VBD  ROOT     11 say
        ,      PUNCT ,    punct    11
        that   SCONJ IN   mark     17
        the    DET   DT   det      16
        port   NOUN  NN   nsubj    17
        will   AUX   MD   aux      17
        close  VERB  VB   ccomp    11
        .      PUNCT .    punct    11
    """, ents=((8, 10, "PERSON"),))
    assert set_off_speaker(doc[11]) is None


@pytest.mark.model
def test_contact_clause_with_a_named_speaker_with_the_model(quotes_in):
    found = [(q.text, q.speaker) for q in quotes_in(_DECISION_TEXT)]
    # the speaker with its apposition, as PolNeAR marks one (``speakers/set_off_name.py``)
    assert ("would cost the port dearly", "its chair, Mira Oduya") in found
    assert not any(text.startswith("The harbour board") for text, _ in found)


@pytest.mark.model
def test_a_cue_hung_on_the_noun_with_the_model(quotes_in):
    found = [(q.text, q.speaker) for q in quotes_in(
        "The harbour board rejected the ferry levy on Tuesday, a decision its chair, Mira Oduya, said was overdue.")]
    assert ("was overdue", "its chair, Mira Oduya") in found
