"""``According to X, CLAUSE``: the source phrase ends at its comma when the parser hangs the comma,
or the clause's subject, on the source (hand-built parses as the small English model gives them;
our own sentences)."""

from annotator.nlp.quotes import according_to
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_comma_hung_on_the_source():
    doc = hand_doc("According to the memo, the clerk shredded the files.", """
        According  VERB  VBG prep       7 accord
        to         ADP   IN  prep       0
        the        DET   DT  det        3
        memo       NOUN  NN  pobj       1
        ,          PUNCT ,   punct      3
        the        DET   DT  det        6
        clerk      NOUN  NN  nsubj      7
        shredded   VERB  VBD ROOT       7 shred
        the        DET   DT  det        9
        files      NOUN  NNS dobj       7
        .          PUNCT .   punct      7
    """)
    assert found_at(according_to.at, doc) == [("indirect", "the clerk shredded the files", "According to")]


def test_subject_read_as_the_sources_apposition():
    # "Ruiz and her deputy" hangs on "memo" as an apposition: "asked" has no subject of its own
    doc = hand_doc("According to the city memo, Ruiz and her deputy ordered the clerk to shred the files.", """
        According  VERB  VBG prep       10 accord
        to         ADP   IN  prep       0
        the        DET   DT  det        4
        city       NOUN  NN  compound   4
        memo       NOUN  NN  pobj       1
        ,          PUNCT ,   punct      4
        Ruiz       PROPN NNP appos      4
        and        CCONJ CC  cc         6
        her        PRON  PRP$ poss      9
        deputy     NOUN  NN  conj       6
        ordered    VERB  VBD ROOT       10 order
        the        DET   DT  det        12
        clerk      NOUN  NN  dobj       10
        to         PART  TO  aux        14
        shred      VERB  VB  xcomp      10
        the        DET   DT  det        16
        files      NOUN  NNS dobj       14
        .          PUNCT .   punct      10
    """)
    assert found_at(according_to.at, doc) == [
        ("indirect", "Ruiz and her deputy ordered the clerk to shred the files", "According to")]


def test_a_source_with_its_own_comma_stays_whole_when_the_verb_has_a_subject():
    # "According to Diaz, the treasurer, the fund is empty.": "is" has its subject, so the cut
    # stays at the comma after the whole source
    doc = hand_doc("According to Diaz, the treasurer, the fund is empty.", """
        According  VERB  VBG prep       9 accord
        to         ADP   IN  prep       0
        Diaz       PROPN NNP pobj       1
        ,          PUNCT ,   punct      2
        the        DET   DT  det        5
        treasurer  NOUN  NN  appos      2
        ,          PUNCT ,   punct      2
        the        DET   DT  det        8
        fund       NOUN  NN  nsubj      9
        is         AUX   VBZ ROOT       9 be
        empty      ADJ   JJ  acomp      9
        .          PUNCT .   punct      9
    """)
    assert found_at(according_to.at, doc) == [("indirect", "the fund is empty", "According to")]
