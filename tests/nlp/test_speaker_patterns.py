"""Speakers of direct quotes in their own paragraph that the parse hides: two subjects for one cue,
a name the tagger mistook after an inverted ``said``, an attribution verb that is not a listed cue,
a colon introduction without a cue. Hand-built parses of sentences written for these tests."""

from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.test_speaker_rules import said_by, with_quotes


def speakers_of(doc) -> list[tuple[str, str]]:
    SpeakerFinder()(doc)
    return said_by(doc)


def test_speaker_of_two_subjects_is_not_the_quoted_one():
    doc = hand_doc('"The plan," he said.', """
        "     PUNCT ``  punct  6
        The   DET   DT  det    2
        plan  NOUN  NN  nsubj  6
        ,     PUNCT ,   punct  6
        "     PUNCT ''  punct  6
        he    PRON  PRP nsubj  6
        said  VERB  VBD ROOT   6 say
        .     PUNCT .   punct  6
    """)
    assert speakers_of(with_quotes(doc, (1, 3, 6, "direct"))) == [("The plan", "he")]


def test_speaker_of_two_subjects_is_the_one_with_no_quote_before_the_verb():
    doc = hand_doc('Her verdict: "Fine," she said.', """
        Her      PRON  PRP$ poss   1
        verdict  NOUN  NN   nsubj  8
        :        PUNCT :    punct  8
        "        PUNCT ``   punct  8
        Fine     ADJ   JJ   acomp  8
        ,        PUNCT ,    punct  8
        "        PUNCT ''   punct  8
        she      PRON  PRP  nsubj  8
        said     VERB  VBD  ROOT   8 say
        .        PUNCT .    punct  8
    """)
    assert speakers_of(with_quotes(doc, (4, 5, 8, "direct"))) == [("Fine", "she")]


def test_speaker_after_inverted_said_that_the_tagger_mistook():
    doc = hand_doc('"We will win," said Marlow, smiling.', """
        "        PUNCT ``  punct  6
        We       PRON  PRP nsubj  3
        will     AUX   MD  aux    3
        win      VERB  VB  ccomp  6
        ,        PUNCT ,   punct  6
        "        PUNCT ''  punct  6
        said     VERB  VBD ROOT   6 say
        Marlow   ADV   RB  advmod 6
        ,        PUNCT ,   punct  6
        smiling  VERB  VBG advcl  6 smile
        .        PUNCT .   punct  6
    """)
    assert speakers_of(with_quotes(doc, (1, 4, 6, "direct"))) == [("We will win", "Marlow")]


def test_speaker_after_inverted_said_behind_a_title_the_parser_broke():
    doc = hand_doc('"It works," said party chair Ines Walde.', """
        "      PUNCT ``  punct    5
        It     PRON  PRP nsubj    2
        works  VERB  VBZ ccomp    5 work
        ,      PUNCT ,   punct    5
        "      PUNCT ''  punct    5
        said   VERB  VBD ROOT     5 say
        party  NOUN  NN  npadvmod 7
        chair  VERB  VBP ccomp    5
        Ines   PROPN NNP compound 9
        Walde  PROPN NNP dobj     7
        .      PUNCT .   punct    5
    """, ents=((8, 10, "PERSON"),))
    assert speakers_of(with_quotes(doc, (1, 3, 5, "direct"))) == [("It works", "Ines Walde")]


def test_speaker_after_inverted_said_is_never_a_date():
    doc = hand_doc('"It works," said Tuesday.', """
        "        PUNCT ``  punct    5
        It       PRON  PRP nsubj    2
        works    VERB  VBZ ccomp    5 work
        ,        PUNCT ,   punct    5
        "        PUNCT ''  punct    5
        said     VERB  VBD ROOT     5 say
        Tuesday  PROPN NNP advmod   5
        .        PUNCT .   punct    5
    """, ents=((6, 7, "DATE"),))
    assert speakers_of(with_quotes(doc, (1, 3, 5, "direct"))) == []


_SHOT_BACK = """
    "       PUNCT ``  punct  6
    Sit     VERB  VB  ccomp  6
    down    ADP   RP  prt    1
    ,       PUNCT ,   punct  6
    "       PUNCT ''  punct  6
    Ralston PROPN NNP nsubj  6
    shot    VERB  VBD ROOT   6 shoot
    back    ADV   RB  advmod 6
    .       PUNCT .   punct  6
"""


def test_speaker_of_a_quote_without_cue_is_the_subject_of_the_verb_after_its_closing_mark():
    doc = with_quotes(hand_doc('"Sit down," Ralston shot back.', _SHOT_BACK), (1, 3, None, "direct"))
    assert speakers_of(doc) == [("Sit down", "Ralston")]


def test_speaker_after_a_quote_that_ends_its_sentence_only_with_a_cue_verb():
    cheered = hand_doc('"It is over." The crowd cheered.', """
        "        PUNCT ``  punct  2
        It       PRON  PRP nsubj  2
        is       AUX   VBZ ROOT   2 be
        over     ADV   RB  advmod 2
        .        PUNCT .   punct  2
        "        PUNCT ''  punct  2
        The      DET   DT  det    7
        crowd    NOUN  NN  nsubj  8
        cheered  VERB  VBD ROOT   8 cheer
        .        PUNCT .   punct  8
    """)
    assert speakers_of(with_quotes(cheered, (1, 4, None, "direct"))) == []
    said = hand_doc('"It is over." Ralston said.', """
        "        PUNCT ``  punct  2
        It       PRON  PRP nsubj  2
        is       AUX   VBZ ROOT   2 be
        over     ADV   RB  advmod 2
        .        PUNCT .   punct  2
        "        PUNCT ''  punct  2
        Ralston  PROPN NNP nsubj  7
        said     VERB  VBD ROOT   7 say
        .        PUNCT .   punct  7
    """)
    assert speakers_of(with_quotes(said, (1, 4, None, "direct"))) == [("It is over", "Ralston")]


def test_speaker_of_a_quote_without_cue_after_a_colon_is_the_name_before_it():
    doc = hand_doc('Pollster Dana Weir: "Turnout will rise."', """
        Pollster PROPN NNP compound 2
        Dana     PROPN NNP compound 2
        Weir     PROPN NNP ROOT     2
        :        PUNCT :   punct    2
        "        PUNCT ``  punct    7
        Turnout  NOUN  NN  nsubj    7
        will     AUX   MD  aux      7
        rise     VERB  VB  appos    2
        .        PUNCT .   punct    7
        "        PUNCT ''  punct    7
    """, ents=((1, 3, "PERSON"),))
    assert speakers_of(with_quotes(doc, (5, 8, None, "direct"))) == [("Turnout will rise", "Pollster Dana Weir")]


def test_speaker_after_a_colon_is_not_a_label():
    doc = hand_doc('The bottom line: "Nobody wins."', """
        The     DET   DT  det    2
        bottom  ADJ   JJ  amod   2
        line    NOUN  NN  ROOT   2
        :       PUNCT :   punct  2
        "       PUNCT ``  punct  6
        Nobody  PRON  NN  nsubj  6
        wins    VERB  VBZ appos  2 win
        .       PUNCT .   punct  6
        "       PUNCT ''  punct  6
    """)
    assert speakers_of(with_quotes(doc, (5, 7, None, "direct"))) == []


def test_speaker_after_a_colon_ending_a_sentence_is_its_subject():
    doc = hand_doc('She turned to the crowd once more: "Go home."', """
        She     PRON  PRP nsubj  1
        turned  VERB  VBD ROOT   1 turn
        to      ADP   IN  prep   1
        the     DET   DT  det    4
        crowd   NOUN  NN  pobj   2
        once    ADV   RB  advmod 6
        more    ADV   RBR advmod 1
        :       PUNCT :   punct  1
        "       PUNCT ``  punct  9
        Go      VERB  VB  parataxis 1 go
        home    ADV   RB  advmod 9
        .       PUNCT .   punct  9
        "       PUNCT ''  punct  9
    """)
    assert speakers_of(with_quotes(doc, (9, 11, None, "direct"))) == [("Go home", "She")]
