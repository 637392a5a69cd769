"""The intention rule on hand-built parses: ``the governor plans to run``, and where it stays quiet."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import commitment, intention
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _main_infinitive(subject: str, verb: str, tag: str, lemma: str) -> str:
    return f"""
        The       DET   DT  det    1
        {subject} NOUN  NN  nsubj  2
        {verb}    VERB  {tag} ROOT 2 {lemma}
        to        PART  TO  aux    4
        run       VERB  VB  xcomp  2
        again     ADV   RB  advmod 4
        .         PUNCT .   punct  2
    """


def test_intention_in_the_speakers_own_sentence_is_reported():
    doc = hand_doc("The governor plans to run again.", _main_infinitive("governor", "plans", "VBZ", "plan"))
    assert found_at(intention.at, doc) == [("indirect", "to run again", "plans")]


def test_intention_reads_the_lexicons_lemma_over_a_wrong_tagger_lemma():
    doc = hand_doc("The governor hoped to run again.", _main_infinitive("governor", "hoped", "VBD", "hop"))
    assert found_at(intention.at, doc) == [("indirect", "to run again", "hoped")]


def test_intention_of_a_thing_is_no_attribution():
    doc = hand_doc("The measure aims to run again.", _main_infinitive("measure", "aims", "VBZ", "aim"))
    assert found_at(intention.at, doc) == []


def test_intention_below_another_clause_is_left_alone():
    doc = hand_doc("She said the governor plans to run.", """
        She      PRON  PRP nsubj  1
        said     VERB  VBD ROOT   1 say
        the      DET   DT  det    3
        governor NOUN  NN  nsubj  4
        plans    VERB  VBZ ccomp  1 plan
        to       PART  TO  aux    6
        run      VERB  VB  xcomp  4
        .        PUNCT .   punct  1
    """)
    assert found_at(intention.at, doc) == []


def test_intention_verbs_come_from_the_lexicon():
    doc = hand_doc("The governor plans to run again.", _main_infinitive("governor", "plans", "VBZ", "plan"))
    assert found_at(intention.at, doc, Lexicon(intention_verbs=["aim"])) == []
    # and the commitment rule keeps to its own list
    assert found_at(commitment.at, doc) == []
