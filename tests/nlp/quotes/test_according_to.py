"""The according-to rule on hand-built parses."""

from annotator.nlp.quotes import according_to
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_according_to_before_the_clause_reports_the_clause():
    doc = hand_doc("According to the police, the road was closed.", """
        According VERB  VBG prep       8 accord
        to        ADP   IN  prep       0
        the       DET   DT  det        3
        police    NOUN  NNS pobj       1
        ,         PUNCT ,   punct      8
        the       DET   DT  det        6
        road      NOUN  NN  nsubjpass  8
        was       AUX   VBD auxpass    8 be
        closed    VERB  VBN ROOT       8 close
        .         PUNCT .   punct      8
    """)
    assert found_at(according_to.at, doc) == [("indirect", "the road was closed", "According to")]


def test_according_to_after_the_clause_reports_the_clause():
    doc = hand_doc("The road was closed, according to the police.", """
        The       DET   DT  det        1
        road      NOUN  NN  nsubjpass  3
        was       AUX   VBD auxpass    3 be
        closed    VERB  VBN ROOT       3 close
        ,         PUNCT ,   punct      3
        according VERB  VBG prep       3 accord
        to        ADP   IN  prep       5
        the       DET   DT  det        8
        police    NOUN  NNS pobj       6
        .         PUNCT .   punct      3
    """)
    assert found_at(according_to.at, doc) == [("indirect", "The road was closed", "according to")]


def test_according_to_inside_quotation_marks_is_part_of_the_quote():
    doc = hand_doc('"According to the police, the road was closed," he said.', """
        "         PUNCT ``  punct      9
        According VERB  VBG prep       9 accord
        to        ADP   IN  prep       1
        the       DET   DT  det        4
        police    NOUN  NNS pobj       2
        ,         PUNCT ,   punct      9
        the       DET   DT  det        7
        road      NOUN  NN  nsubjpass  9
        was       AUX   VBD auxpass    9 be
        closed    VERB  VBN ccomp      13 close
        ,         PUNCT ,   punct      13
        "         PUNCT ''  punct      13
        he        PRON  PRP nsubj      13
        said      VERB  VBD ROOT       13 say
        .         PUNCT .   punct      13
    """)
    assert found_at(according_to.at, doc) == []


def test_according_to_a_whole_quote_and_its_speaker_reports_both():
    doc = hand_doc('"It will close," Lee said, according to the memo.', """
        "         PUNCT ``  punct      3
        It        PRON  PRP nsubj      3
        will      AUX   MD  aux        3
        close     VERB  VB  ccomp      7
        ,         PUNCT ,   punct      7
        "         PUNCT ''  punct      7
        Lee       PROPN NNP nsubj      7
        said      VERB  VBD ROOT       7 say
        ,         PUNCT ,   punct      7
        according VERB  VBG prep       7 accord
        to        ADP   IN  prep       9
        the       DET   DT  det        12
        memo      NOUN  NN  pobj       10
        .         PUNCT .   punct      7
    """)
    assert found_at(according_to.at, doc) == [("mixed", '"It will close," Lee said', "according to")]


def test_according_to_after_a_quote_of_two_sentences_reports_it_from_its_opening_mark():
    doc = hand_doc('"It is late. It will close," Lee said, according to the memo.', """
        "         PUNCT ``  punct      2
        It        PRON  PRP nsubj      2
        is        AUX   VBZ ROOT       2 be
        late      ADJ   JJ  acomp      2
        .         PUNCT .   punct      2
        It        PRON  PRP nsubj      7
        will      AUX   MD  aux        7
        close     VERB  VB  ccomp      11
        ,         PUNCT ,   punct      11
        "         PUNCT ''  punct      11
        Lee       PROPN NNP nsubj      11
        said      VERB  VBD ROOT       11 say
        ,         PUNCT ,   punct      11
        according VERB  VBG prep       11 accord
        to        ADP   IN  prep       13
        the       DET   DT  det        16
        memo      NOUN  NN  pobj       14
        .         PUNCT .   punct      11
    """)
    assert found_at(according_to.at, doc) == [("mixed", '"It is late. It will close," Lee said', "according to")]
