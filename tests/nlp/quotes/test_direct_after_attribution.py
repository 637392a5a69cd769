"""``"We are ready for the storm," the mayor said. "Fully ready."``: the attribution that closes one
quote introduces the words that go on in the next sentence, however short."""

from annotator.nlp.quotes import direct
from tests.nlp.quotes.helpers import found_by


def test_a_short_quote_after_a_closed_attribution_is_kept_with_its_cue(nlp_model):
    doc = nlp_model('"We are ready for the storm," the mayor said. "Fully ready."')
    assert found_by(direct.find, doc) == [("direct", "We are ready for the storm", "said"),
                                          ("direct", "Fully ready", "said")]


def test_the_whole_pipeline_gives_both_quotes_the_speaker(quotes_in):
    found = quotes_in('"We are ready for the storm," the mayor said. "Fully ready."')
    assert [(q.text, q.speaker) for q in found] == [("We are ready for the storm", "the mayor"),
                                                    ("Fully ready", "the mayor")]


def test_a_verb_that_says_its_own_clause_does_not_introduce_the_next_quote(nlp_model):
    doc = nlp_model('The mayor said the city was ready. "Fully ready."')
    assert found_by(direct.find, doc) == []
