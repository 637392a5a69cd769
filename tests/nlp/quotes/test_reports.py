"""The reports rule: each cue word tried against the report rules, and direct quotes inside a
report made part of one mixed quote."""

from annotator.nlp.quotes import QuoteFinder, reports
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by


def test_reports_a_quoted_part_makes_the_report_mixed_and_is_not_a_quote_of_its_own():
    doc = hand_doc('The minister said the plan was "a disaster".', """
        The       DET   DT  det    1
        minister  NOUN  NN  nsubj  2
        said      VERB  VBD ROOT   2 say
        the       DET   DT  det    4
        plan      NOUN  NN  nsubj  5
        was       AUX   VBD ccomp  2 be
        "         PUNCT ``  punct  8
        a         DET   DT  det    8
        disaster  NOUN  NN  attr   5
        "         PUNCT ''  punct  8
        .         PUNCT .   punct  2
    """)
    found = QuoteFinder().find(doc)
    assert [(f.quote_type, f.span.text, f.cue.text) for f in found] == [
        ("mixed", 'the plan was "a disaster"', "said")]


def test_reports_every_cue_word_of_the_document_in_order():
    doc = hand_doc("According to the police, the road was closed. The minister said the plan would work.", """
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
        The       DET   DT  det        11
        minister  NOUN  NN  nsubj      12
        said      VERB  VBD ROOT       12 say
        the       DET   DT  det        14
        plan      NOUN  NN  nsubj      16
        would     AUX   MD  aux        16
        work      VERB  VB  ccomp      12
        .         PUNCT .   punct      12
    """)
    assert found_by(reports.find, doc) == [("indirect", "the road was closed", "According to"),
                                           ("indirect", "the plan would work", "said")]


def test_a_report_stopping_inside_quoted_words_goes_on_to_their_closing_mark(nlp_model):
    # The clause ends at the first full stop, but the quoted words it opened go on to a second sentence.
    for text, content in (
            ('He said reform "is a question of when in this country. It is not a question of if."',
             'reform "is a question of when in this country. It is not a question of if."'),
            ('Ms. Diaz told the board that the budget "does not add up. We cannot pass it."',
             'the budget "does not add up. We cannot pass it."')):  # its `that` left out (`leading_that`)
        found = QuoteFinder().find(nlp_model(text))
        assert [(f.quote_type, f.span.text) for f in found] == [("mixed", content)]


def test_a_report_that_closes_its_quoted_words_is_left_as_it_is(nlp_model):
    found = QuoteFinder().find(nlp_model('The mayor said the bridge "will open in May." Nobody believed her.'))
    assert [(f.quote_type, f.span.text) for f in found] == [("mixed", 'the bridge "will open in May."')]
