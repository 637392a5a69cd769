"""Quoted words that are part of a paraphrase after their cue become one mixed quote with it."""

from annotator.nlp.quotes import direct
from tests.nlp.quotes.helpers import found_by


def test_quoted_words_inside_the_cues_clause_make_it_a_mixed_quote(nlp_model):
    doc = nlp_model('The win led her to declare that the nomination was "within reach."')
    assert found_by(direct.find, doc) == [("mixed", 'the nomination was "within reach."', "declare")]


def test_a_complement_all_in_quotation_marks_stays_a_direct_quote(nlp_model):
    doc = nlp_model('The coach told reporters on Monday "we will win the final this year."')
    assert found_by(direct.find, doc) == [("direct", "we will win the final this year", "told")]


def test_a_that_clause_all_in_quotation_marks_stays_a_direct_quote(nlp_model):
    """The clause's ``that`` is not the reporter's words: the quote is the words between the marks."""
    doc = nlp_model('The coach told reporters that "we will win the final this year."')
    assert found_by(direct.find, doc) == [("direct", "we will win the final this year", "told")]


def test_the_whole_pipeline_reports_the_paraphrase_once(quotes_in):
    found = quotes_in('The win led her to declare that the nomination was "within reach."')
    assert [(q.type, q.text, q.cue) for q in found] == [
        ("mixed", 'the nomination was "within reach."', "declare")]


def test_quoted_words_in_a_clause_of_their_own_after_the_cue_are_not_its_report(nlp_model):
    # The participle's clause stands between "said" and the quoted words.
    doc = nlp_model('Union leaders said they would strike again, describing the offer as "an insult to nurses."')
    assert [quote_type for quote_type, _, _ in found_by(direct.find, doc)] == ["direct"]


def test_a_prepositions_object_all_in_quotation_marks_stays_direct(nlp_model):
    doc = nlp_model('The governor warned of "a lost decade for the young" in his speech.')
    assert found_by(direct.find, doc) == [("direct", "a lost decade for the young", "warned")]


def test_the_cue_above_quoted_words_is_found_however_far_before_them(quotes_in):
    found = quotes_in('On Monday, Ms. Park insisted that council members who refused to rule out a new tax - as '
                      'some of her rivals have - were "reckless."')
    assert [(q.type, q.speaker, q.cue) for q in found] == [("mixed", "Park", "insisted")]
    assert found[0].text.startswith("council members") and found[0].text.endswith('"reckless."')
