"""The commitment rule on hand-built parses: ``vowed to repeal the law`` and configured intentions."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import commitment
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _infinitive(subject: str, verb: str, lemma: str) -> str:
    return f"""
        The       DET   DT  det    1
        {subject} NOUN  NN  nsubj  2
        {verb}    VERB  VBD ROOT   2 {lemma}
        to        PART  TO  aux    4
        cut       VERB  VB  xcomp  2
        taxes     NOUN  NNS dobj   4
        .         PUNCT .   punct  2
    """


def test_commitment_infinitive_is_what_was_said():
    doc = hand_doc("The mayor vowed to cut taxes.", _infinitive("mayor", "vowed", "vow"))
    assert found_at(commitment.at, doc) == [("indirect", "to cut taxes", "vowed")]


def test_intention_verbs_count_only_when_configured():
    doc = hand_doc("The mayor planned to cut taxes.", _infinitive("mayor", "planned", "plan"))
    assert found_at(commitment.at, doc) == []
    assert found_at(commitment.at, doc, Lexicon(infinitive_verbs=["plan"])) == [("indirect", "to cut taxes", "planned")]


def test_configured_intention_of_a_thing_is_no_attribution():
    # "The bill aimed to cut taxes": a bill means nothing; a commitment verb keeps its old reading.
    doc = hand_doc("The bill aimed to cut taxes.", _infinitive("bill", "aimed", "aim"))
    assert found_at(commitment.at, doc, Lexicon(infinitive_verbs=["aim"])) == []


def test_agreement_reports_its_infinitive_only_when_configured():
    doc = hand_doc("The senator agreed to cut taxes.", _infinitive("senator", "agreed", "agree"))
    assert found_at(commitment.at, doc) == []
    assert found_at(commitment.at, doc, Lexicon(infinitive_verbs=["agree"])) == [("indirect", "to cut taxes", "agreed")]


def test_infinitive_rule_reads_the_lexicons_lemma_over_a_wrong_tagger_lemma():
    doc = hand_doc("The senator hoping to cut taxes.", _infinitive("senator", "hoping", "hop"))
    assert found_at(commitment.at, doc, Lexicon(infinitive_verbs=["hope"])) == [("indirect", "to cut taxes", "hoping")]


def test_commitment_in_a_relative_clause_describes_the_people_it_names():
    doc = hand_doc("Delegates who pledged to back Okafor left.", """
        Delegates NOUN  NNS nsubj  6
        who       PRON  WP  nsubj  2
        pledged   VERB  VBD relcl  0 pledge
        to        PART  TO  aux    4
        back      VERB  VB  xcomp  2
        Okafor    PROPN NNP dobj   4
        left      VERB  VBD ROOT   6 leave
        .         PUNCT .   punct  6
    """)
    assert found_at(commitment.at, doc) == []


def test_quoted_words_in_a_relative_clauses_commitment_are_someones():
    doc = hand_doc('Delegates who pledged to "stand firm" left.', """
        Delegates NOUN  NNS nsubj  8
        who       PRON  WP  nsubj  2
        pledged   VERB  VBD relcl  0 pledge
        to        PART  TO  aux    5
        "         PUNCT ``  punct  5
        stand     VERB  VB  xcomp  2
        firm      ADV   RB  advmod 5
        "         PUNCT ''  punct  5
        left      VERB  VBD ROOT   8 leave
        .         PUNCT .   punct  8
    """)
    assert [kind for kind, _, _ in found_at(commitment.at, doc)] == ["mixed"]


def _request(verb: str, lemma: str, subject: str = "mayor") -> str:
    return f"""
        The       DET   DT  det    1
        {subject} NOUN  NN  nsubj  2
        {verb}    VERB  VBD ROOT   2 {lemma}
        residents NOUN  NNS dobj   2
        to        PART  TO  aux    5
        conserve  VERB  VB  xcomp  2
        water     NOUN  NN  dobj   5
        .         PUNCT .   punct  2
    """


def test_a_request_is_the_person_asked_and_the_infinitive():
    doc = hand_doc("The mayor asked residents to conserve water.", _request("asked", "ask"))
    assert found_at(commitment.at, doc) == [("indirect", "residents to conserve water", "asked")]
    doc = hand_doc("The mayor ordered residents to conserve water.", _request("ordered", "order"))
    assert found_at(commitment.at, doc) == [("indirect", "residents to conserve water", "ordered")]


def test_a_request_by_a_thing_or_a_listener_verb_is_left_alone():
    # A sign asks nothing a person said; "told residents to" is left out by measurement (0.4 right).
    doc = hand_doc("The sign asked residents to conserve water.", _request("asked", "ask", subject="sign"))
    assert found_at(commitment.at, doc) == []
    doc = hand_doc("The mayor told residents to conserve water.", _request("told", "tell"))
    assert found_at(commitment.at, doc) == []


def test_a_request_inside_another_report_is_that_reports_content():
    doc = hand_doc("Aides said the mayor asked residents to conserve water.", """
        Aides     NOUN  NNS nsubj  1
        said      VERB  VBD ROOT   1 say
        the       DET   DT  det    3
        mayor     NOUN  NN  nsubj  4
        asked     VERB  VBD ccomp  1 ask
        residents NOUN  NNS dobj   4
        to        PART  TO  aux    7
        conserve  VERB  VB  xcomp  4
        water     NOUN  NN  dobj   7
        .         PUNCT .   punct  1
    """)
    assert found_at(commitment.at, doc) == []
