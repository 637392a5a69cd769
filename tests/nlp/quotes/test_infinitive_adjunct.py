"""The commitment and intention rules' infinitive ends before the reporter's adverbial clause."""

from annotator.nlp.quotes import commitment, intention
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_participle_after_a_comma_is_what_the_act_did_not_what_was_meant():
    doc = hand_doc("The governor pledged to rebuild the harbor, reversing years of neglect.", """
        The       DET   DT   det    1
        governor  NOUN  NN   nsubj  2
        pledged   VERB  VBD  ROOT   2 pledge
        to        PART  TO   aux    4
        rebuild   VERB  VB   xcomp  2
        the       DET   DT   det    6
        harbor    NOUN  NN   dobj   4
        ,         PUNCT ,    punct  4
        reversing VERB  VBG  advcl  4 reverse
        years     NOUN  NNS  dobj   8 year
        of        ADP   IN   prep   9
        neglect   NOUN  NN   pobj   10
        .         PUNCT .    punct  2
    """)
    assert found_at(commitment.at, doc) == [("indirect", "to rebuild the harbor", "pledged")]


def test_clause_of_time_is_the_reporters():
    doc = hand_doc("The mayor sought to calm the crowd as she toured the flooded streets.", """
        The       DET   DT   det    1
        mayor     NOUN  NN   nsubj  2
        sought    VERB  VBD  ROOT   2 seek
        to        PART  TO   aux    4
        calm      VERB  VB   xcomp  2
        the       DET   DT   det    6
        crowd     NOUN  NN   dobj   4
        as        SCONJ IN   mark   9
        she       PRON  PRP  nsubj  9
        toured    VERB  VBD  advcl  4 tour
        the       DET   DT   det    12
        flooded   ADJ   JJ   amod   12
        streets   NOUN  NNS  dobj   9 street
        .         PUNCT .    punct  2
    """)
    assert found_at(intention.at, doc) == [("indirect", "to calm the crowd", "sought")]


def test_condition_of_the_commitment_stays_in_it():
    doc = hand_doc("The mayor vowed to veto the levy if the council passes it.", """
        The       DET   DT   det    1
        mayor     NOUN  NN   nsubj  2
        vowed     VERB  VBD  ROOT   2 vow
        to        PART  TO   aux    4
        veto      VERB  VB   xcomp  2
        the       DET   DT   det    6
        levy      NOUN  NN   dobj   4
        if        SCONJ IN   mark   10
        the       DET   DT   det    9
        council   NOUN  NN   nsubj  10
        passes    VERB  VBZ  advcl  4 pass
        it        PRON  PRP  dobj   10
        .         PUNCT .    punct  2
    """)
    assert found_at(commitment.at, doc) == [("indirect", "to veto the levy if the council passes it", "vowed")]
