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


#: ``wants the council to approve the budget`` as the parser often reads it: a clause with its own
#: subject and an infinitive, not an object and a complement.
_CLAUSE_OF_ITS_OWN = """
    The      DET   DT  det    1
    mayor    NOUN  NN  nsubj  2
    wants    VERB  VBZ ROOT   2 want
    the      DET   DT  det    4
    council  NOUN  NN  nsubj  6
    to       PART  TO  aux    6
    approve  VERB  VB  ccomp  2
    the      DET   DT  det    8
    budget   NOUN  NN  dobj   6
    .        PUNCT .   punct  2
"""


def test_intention_for_someone_else_read_as_a_clause_is_the_whole_clause():
    doc = hand_doc("The mayor wants the council to approve the budget.", _CLAUSE_OF_ITS_OWN)
    assert found_at(intention.at, doc) == [("indirect", "the council to approve the budget", "wants")]


def test_a_finite_clause_is_not_read_as_an_intention():
    doc = hand_doc("The mayor wants the council will approve the budget.", """
        The      DET   DT  det    1
        mayor    NOUN  NN  nsubj  2
        wants    VERB  VBZ ROOT   2 want
        the      DET   DT  det    4
        council  NOUN  NN  nsubj  6
        will     AUX   MD  aux    6
        approve  VERB  VB  ccomp  2
        the      DET   DT  det    8
        budget   NOUN  NN  dobj   6
        .        PUNCT .   punct  2
    """)
    assert found_at(intention.at, doc) == []


def test_an_infinitive_clause_without_its_own_subject_after_the_verb_is_not_read():
    # (a subject before the verb belongs to another clause; the parser's ccomp alone is not enough)
    doc = hand_doc("The mayor wants to approve the budget.", """
        The      DET   DT  det    1
        mayor    NOUN  NN  nsubj  2
        wants    VERB  VBZ ROOT   2 want
        to       PART  TO  aux    4
        approve  VERB  VB  ccomp  2
        the      DET   DT  det    6
        budget   NOUN  NN  dobj   4
        .        PUNCT .   punct  2
    """)
    assert found_at(intention.at, doc) == []


def _adverbial_intention(subject: str, mark: str = "as") -> str:
    return f"""
        The       DET   DT  det    1
        pier      NOUN  NN  nsubj  2
        closed    VERB  VBD ROOT   2 close
        {mark}    SCONJ IN  mark   6
        the       DET   DT  det    5
        {subject} NOUN  NN  nsubj  6
        sought    VERB  VBD advcl  2 seek
        to        PART  TO  aux    8
        reopen    VERB  VB  xcomp  6
        the       DET   DT  det    10
        ferry     NOUN  NN  dobj   8
        .         PUNCT .   punct  2
    """


def test_intention_in_an_adverbial_clause_with_its_own_subject_is_reported():
    doc = hand_doc("The pier closed as the mayor sought to reopen the ferry.", _adverbial_intention("mayor"))
    assert found_at(intention.at, doc) == [("indirect", "to reopen the ferry", "sought")]


def test_intention_in_an_adverbial_clause_of_a_thing_is_no_attribution():
    doc = hand_doc("The pier closed as the levy sought to reopen the ferry.", _adverbial_intention("levy"))
    assert found_at(intention.at, doc) == []


def test_intention_in_an_adverbial_clause_without_a_subject_of_its_own_is_left_alone():
    doc = hand_doc("The mayor closed the pier to reopen the ferry.", """
        The      DET   DT  det    1
        mayor    NOUN  NN  nsubj  2
        closed   VERB  VBD ROOT   2 close
        the      DET   DT  det    4
        pier     NOUN  NN  dobj   2
        to       PART  TO  aux    6
        reopen   VERB  VB  advcl  2
        the      DET   DT  det    8
        ferry    NOUN  NN  dobj   6
        .        PUNCT .   punct  2
    """)
    assert found_at(intention.at, doc) == []
