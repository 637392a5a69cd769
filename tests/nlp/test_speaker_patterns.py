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


def test_speaker_of_a_quote_without_cue_introduced_by_a_comma_is_the_verbs_subject():
    doc = hand_doc('Ms. Arden cracked, "We get things done."', """
        Ms.     PROPN NNP compound 1
        Arden   PROPN NNP nsubj    2
        cracked VERB  VBD ROOT     2 crack
        ,       PUNCT ,   punct    2
        "       PUNCT ``  punct    2
        We      PRON  PRP nsubj    6
        get     VERB  VBP ccomp    2
        things  NOUN  NNS dobj     6
        done    VERB  VBN oprd     6 do
        .       PUNCT .   punct    2
        "       PUNCT ''  punct    2
    """, ents=((1, 2, "PERSON"),))
    assert speakers_of(with_quotes(doc, (5, 9, None, "direct"))) == [("We get things done", "Arden")]


def test_speaker_of_a_quote_without_cue_named_by_a_relative_clause():
    doc = hand_doc('It ran on what Mr. Hedge called "the old model."', """
        It      PRON  PRP nsubj    1
        ran     VERB  VBD ROOT     1 run
        on      ADP   IN  prep     1
        what    PRON  WP  dobj     6
        Mr.     PROPN NNP compound 5
        Hedge   PROPN NNP nsubj    6
        called  VERB  VBD pcomp    2 call
        "       PUNCT ``  punct    6
        the     DET   DT  det      10
        old     ADJ   JJ  amod     10
        model   NOUN  NN  oprd     6
        .       PUNCT .   punct    1
        "       PUNCT ''  punct    1
    """, ents=((5, 6, "PERSON"),))
    assert speakers_of(with_quotes(doc, (8, 11, None, "direct"))) == [("the old model", "Hedge")]


def test_speaker_of_a_scare_quote_or_a_title_is_nobody():
    scare = hand_doc('She slammed the plan as "reckless."', """
        She      PRON  PRP nsubj  1
        slammed  VERB  VBD ROOT   1 slam
        the      DET   DT  det    3
        plan     NOUN  NN  dobj   1
        as       ADP   IN  prep   1
        "        PUNCT ``  punct  6
        reckless ADJ   JJ  pobj   4
        .        PUNCT .   punct  1
        "        PUNCT ''  punct  1
    """)
    assert speakers_of(with_quotes(scare, (6, 7, None, "direct"))) == []
    title = hand_doc('He hosts a show, "Late Night Live."', """
        He     PRON  PRP nsubj  1
        hosts  VERB  VBZ ROOT   1 host
        a      DET   DT  det    3
        show   NOUN  NN  dobj   1
        ,      PUNCT ,   punct  1
        "      PUNCT ``  punct  8
        Late   PROPN NNP compound 8
        Night  PROPN NNP compound 8
        Live   PROPN NNP ccomp  1
        .      PUNCT .   punct  1
        "      PUNCT ''  punct  1
    """)
    assert speakers_of(with_quotes(title, (6, 9, None, "direct"))) == []


def test_speaker_of_a_quote_without_cue_behind_a_long_apposition():
    doc = hand_doc('"We won," Ada Pike, a retired teacher from Dayton, said.', """
        "        PUNCT ``  punct    14
        We       PRON  PRP nsubj    2
        won      VERB  VBD ccomp    14 win
        ,        PUNCT ,   punct    14
        "        PUNCT ''  punct    14
        Ada      PROPN NNP compound 6
        Pike     PROPN NNP nsubj    14
        ,        PUNCT ,   punct    6
        a        DET   DT  det      10
        retired  ADJ   JJ  amod     10
        teacher  NOUN  NN  appos    6
        from     ADP   IN  prep     10
        Dayton   PROPN NNP pobj     11
        ,        PUNCT ,   punct    6
        said     VERB  VBD ROOT     14 say
        .        PUNCT .   punct    14
    """, ents=((5, 7, "PERSON"), (12, 13, "GPE")))
    assert speakers_of(with_quotes(doc, (1, 3, None, "direct"))) == [("We won", "Ada Pike")]
