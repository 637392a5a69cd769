"""The direct rule on hand-built parses: the words between marks and the cue next to them."""

from annotator.nlp.quotes import direct
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by


def test_direct_quote_takes_the_cue_after_its_closing_mark():
    doc = hand_doc('"We will not back down," said Merkel.', """
        "       PUNCT ``  punct  4
        We      PRON  PRP nsubj  4
        will    AUX   MD  aux    4
        not     PART  RB  neg    4
        back    VERB  VB  ccomp  8
        down    ADP   RP  prt    4
        ,       PUNCT ,   punct  8
        "       PUNCT ''  punct  8
        said    VERB  VBD ROOT   8 say
        Merkel  PROPN NNP nsubj  8
        .       PUNCT .   punct  8
    """)
    assert found_by(direct.find, doc) == [("direct", "We will not back down", "said")]


def test_direct_quote_takes_the_cue_closing_the_paragraph_before():
    doc = hand_doc('Kebede said:\n"We will strike next week."', """
        Kebede  PROPN NNP nsubj    1
        said    VERB  VBD ROOT     1 say
        :       PUNCT :   punct    1
        \\n     SPACE _SP dep      1
        "       PUNCT ``  punct    7
        We      PRON  PRP nsubj    7
        will    AUX   MD  aux      7
        strike  VERB  VB  ROOT     7
        next    ADJ   JJ  amod     9
        week    NOUN  NN  npadvmod 7
        .       PUNCT .   punct    7
        "       PUNCT ''  punct    7
    """)
    assert found_by(direct.find, doc) == [("direct", "We will strike next week", "said")]


def test_direct_short_scare_quote_without_cue_is_not_a_quote():
    doc = hand_doc('The "red line" held firm.', """
        The    DET   DT  det    3
        "      PUNCT ``  punct  3
        red    ADJ   JJ  amod   3
        line   NOUN  NN  nsubj  5
        "      PUNCT ''  punct  3
        held   VERB  VBD ROOT   5 hold
        firm   ADJ   JJ  acomp  5
        .      PUNCT .   punct  5
    """)
    assert found_by(direct.find, doc) == []


def test_a_few_quoted_words_inside_a_paraphrase_are_no_direct_quote(quotes_in):
    # The sentence runs into the quoted words and goes on after them: the reporter's paraphrase.
    found = quotes_in('The coach told the Courier he was "not ready yet" to pick a captain.')
    assert [(q.type, q.text) for q in found] == [("mixed", 'he was "not ready yet" to pick a captain')]
    found = quotes_in('After a long night of talks, the mayor "looked exhausted," Ms. Reyes said.')
    assert all(q.type != "direct" for q in found)


def test_quoted_words_that_end_the_sentence_or_follow_the_cue_stay_direct(quotes_in):
    assert [(q.type, q.text) for q in quotes_in('She said "we will win this race" and walked off the stage.')] \
        == [("direct", "we will win this race")]
    assert [(q.type, q.text) for q in quotes_in('"We will win this race," she said.')] \
        == [("direct", "We will win this race")]


def test_the_direct_rule_reads_longer_quoted_words_inside_a_sentence_with_their_clause(nlp_model):
    short = nlp_model('He said the plan was "a bad deal" and left the room.')
    assert found_by(direct.find, short) == []
    long = nlp_model('He said the plan was "the worst deal this city has signed in forty years" and left.')
    assert found_by(direct.find, long) == [
        ("mixed", 'the plan was "the worst deal this city has signed in forty years"', "said")]


def test_a_title_after_a_common_noun_and_its_comma_is_a_name(quotes_in, rule_quotes_in):
    # the rules' convention (a topic preposition's object may still be promoted from the suggestions,
    # title and all, when the learned scorer is sure of it)
    found = rule_quotes_in('The senator wrote about her childhood in her new book, "Rivers Of Home," which came out '
                           'in May.')
    assert found == []
    found = quotes_in('The mayor, a contestant on the cooking show, "Kitchen Wars," said she had no regrets.')
    assert [(q.type, q.text) for q in found] == [("indirect", "she had no regrets")]
    # after a statement's noun the words are what was said
    assert [(q.type, q.text) for q in quotes_in('The governor said in a statement, "Thank You Ohio."')] \
        == [("direct", "Thank You Ohio")]


def test_a_speech_verb_closing_the_sentence_before_introduces_the_quote(quotes_in):
    found = quotes_in('Dana Ruiz, the spokeswoman for the county party said in a statement. "There are no ballots '
                      'to count again. The vote was a one-time event."')
    assert [(q.type, q.speaker, q.cue) for q in found] == [("direct", "Dana Ruiz", "said")]


def test_a_speech_verb_that_says_something_of_its_own_introduces_nothing_after_it(nlp_model):
    doc = nlp_model('The clerk said the count was over. "Nobody expected a tie in this town."')
    assert [cue for _, _, cue in found_by(direct.find, doc)] == [None]
