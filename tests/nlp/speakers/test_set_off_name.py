"""A contact or ``which`` clause whose speaker is a noun with a name set off after it
(``speakers/set_off_name.py``): the speaker is the noun's phrase through the name, not the noun the
clause hangs on, which the parser makes the cue's subject. Hand-built parses as the small English model
gives them, sentences of our own."""

import pytest

from annotator.nlp.speakers.set_off_name import set_off_name
from tests.nlp.hand_docs import hand_doc

#: ``a decision`` the subject of ``said``, ``its chair`` and the name its appositions.
_VERDICT_TEXT = "The council dropped the toll on Friday, a verdict its clerk, Tomas Wirth, said was late."
_VERDICT = """
    The      DET   DT   det      1
    council  NOUN  NN   nsubj    2
    dropped  VERB  VBD  ROOT     2 drop
    the      DET   DT   det      4
    toll     NOUN  NN   dobj     2
    on       ADP   IN   prep     2
    Friday   PROPN NNP  pobj     5
    ,        PUNCT ,    punct    2
    a        DET   DT   det      9
    verdict  NOUN  NN   nsubj    16
    its      PRON  PRP$ poss     11
    clerk    NOUN  NN   appos    9
    ,        PUNCT ,    punct    9
    Tomas    PROPN NNP  compound 14
    Wirth    PROPN NNP  appos    9
    ,        PUNCT ,    punct    9
    said     VERB  VBD  conj     2 say
    was      AUX   VBD  ccomp    16 be
    late     ADJ   JJ   acomp    17
    .        PUNCT .    punct    16
"""


def test_the_speaker_is_the_noun_with_its_name_not_the_noun_the_clause_hangs_on():
    doc = hand_doc(_VERDICT_TEXT, _VERDICT, ents=((13, 15, "PERSON"),))
    assert set_off_name(doc[16]).text == "its clerk, Tomas Wirth"


def test_a_which_before_the_speaker_is_no_speaker_either():
    doc = hand_doc("The council dropped the toll, which its clerk, Tomas Wirth, said was late.", """
        The      DET   DT   det      1
        council  NOUN  NN   nsubj    2
        dropped  VERB  VBD  ccomp    13 drop
        the      DET   DT   det      4
        toll     NOUN  NN   dobj     2
        ,        PUNCT ,    punct    4
        which    PRON  WDT  nsubj    8
        its      PRON  PRP$ poss     8
        clerk    NOUN  NN   relcl    4
        ,        PUNCT ,    punct    8
        Tomas    PROPN NNP  compound 11
        Wirth    PROPN NNP  nsubj    13
        ,        PUNCT ,    punct    4
        said     VERB  VBD  ROOT     13 say
        was      AUX   VBD  ccomp    13 be
        late     ADJ   JJ   acomp    14
        .        PUNCT .    punct    13
    """, ents=((10, 12, "PERSON"),))
    assert set_off_name(doc[13]).text == "its clerk, Tomas Wirth"


def test_a_speaker_opening_its_sentence_is_left_to_the_subject_rule():
    # ``The council's clerk, Tomas Wirth, said …``: no contact clause, the subject rule reads the whole mention
    doc = hand_doc("The council's clerk, Tomas Wirth, said the toll was late.", """
        The      DET   DT   det      1
        council  NOUN  NN   poss     3
        's       PART  POS  case     1
        clerk    NOUN  NN   nsubj    8
        ,        PUNCT ,    punct    3
        Tomas    PROPN NNP  compound 6
        Wirth    PROPN NNP  appos    3
        ,        PUNCT ,    punct    3
        said     VERB  VBD  ROOT     8 say
        the      DET   DT   det      10
        toll     NOUN  NN   nsubj    11
        was      AUX   VBD  ccomp    8 be
        late     ADJ   JJ   acomp    11
        .        PUNCT .    punct    8
    """, ents=((5, 7, "PERSON"),))
    assert set_off_name(doc[8]) is None


@pytest.mark.model
def test_both_pieces_of_the_contact_clause_name_the_set_off_speaker(quotes_in):
    found = {q.text: q.speaker for q in quotes_in("The council dropped the ferry toll on Friday, "
                                                   "a verdict its clerk, Tomas Wirth, said was late.")}
    assert found["was late"] == "its clerk, Tomas Wirth"
    assert found.get("a verdict") in (None, "its clerk, Tomas Wirth")
