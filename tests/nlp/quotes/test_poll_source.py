"""``In the spring survey, CLAUSE.``: the poll that opens the sentence is the clause's source,
as ``according to`` names one (hand-built parses as the small English model gives them; our own
sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import poll_source
from annotator.nlp.speakers.scan import ACCORDING, VERB, cue_kind
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by

_OPENING = """
    In         ADP   IN  prep       8
    the        DET   DT  det        3
    spring     NOUN  NN  compound   3
    survey     NOUN  NN  pobj       0
    ,          PUNCT ,   punct      8
    most       ADJ   JJS amod       6
    farmers    NOUN  NNS nsubj      8
    here       ADV   RB  advmod     6
    oppose     VERB  VBP ROOT       8
    the        DET   DT  det        10
    dam        NOUN  NN  dobj       8
    .          PUNCT .   punct      8
"""


def test_poll_opening_the_sentence_reports_the_clause():
    doc = hand_doc("In the spring survey, most farmers here oppose the dam.", _OPENING)
    assert found_by(poll_source.find, doc) == [("indirect", "most farmers here oppose the dam", "In")]


def test_poll_inside_the_sentence_is_no_source():
    # "Most farmers voted in the poll, and the dam lost.": the poll is where they voted
    doc = hand_doc("Most farmers voted in the poll, and the dam lost.", """
        Most       ADJ   JJS amod       1
        farmers    NOUN  NNS nsubj      2
        voted      VERB  VBD ROOT       2 vote
        in         ADP   IN  prep       2
        the        DET   DT  det        5
        poll       NOUN  NN  pobj       3
        ,          PUNCT ,   punct      2
        and        CCONJ CC  cc         2
        the        DET   DT  det        9
        dam        NOUN  NN  nsubj      10
        lost       VERB  VBD conj       2 lose
        .          PUNCT .   punct      10
    """)
    assert found_by(poll_source.find, doc) == []


def test_an_interview_is_a_setting_not_a_source():
    doc = hand_doc("In an interview, Ortiz praised the mill.", """
        In         ADP   IN  prep       5
        an         DET   DT  det        2
        interview  NOUN  NN  pobj       0
        ,          PUNCT ,   punct      5
        Ortiz      PROPN NNP nsubj      5
        praised    VERB  VBD ROOT       5 praise
        the        DET   DT  det        7
        mill       NOUN  NN  dobj       5
        .          PUNCT .   punct      5
    """)
    assert found_by(poll_source.find, doc) == []
    assert found_by(poll_source.find, doc, Lexicon(poll_nouns=["interview"])) == [
        ("indirect", "Ortiz praised the mill", "In")]


def test_the_speakers_read_the_cue_as_according_to():
    doc = hand_doc("In the spring survey, most farmers here oppose the dam.", _OPENING)
    assert cue_kind(doc[0:1]) == ACCORDING
    assert cue_kind(doc[8:9]) == VERB


def test_the_whole_pipeline_gives_the_poll_as_speaker(rule_quotes_in):
    found = rule_quotes_in("Ortiz spent the week in Fresno.\n\n"
                           "In the latest poll, the governor leads her rival by nine points.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("the governor leads her rival by nine points", "the latest poll", "In")]
