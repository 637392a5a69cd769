"""``"…," Mary Stone, a lawyer then working for the firm, wrote in an email``: a speaker's apposition
longer than the cue window still lets the cue after it introduce the quote."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteScan, direct
from tests.nlp.quotes.helpers import found_by

LONG = ('"I had breakfast with him. He will see you at the lunch," Mary Stone, a Ukrainian-American then '
        'working for the State Department, wrote in a June 2012 email to the senator.')


def test_the_cue_after_a_long_apposition_introduces_the_quote(nlp_model):
    assert found_by(direct.find, nlp_model(LONG)) == [
        ("direct", "I had breakfast with him. He will see you at the lunch", "wrote")]


def test_the_whole_pipeline_gives_the_named_speaker(quotes_in):
    assert [q.speaker for q in quotes_in(LONG)] == ["Mary Stone"]


def test_only_a_name_opens_an_apposition(nlp_model):
    doc = nlp_model('"It will pass," the clerk, a lawyer who has worked for the county council for many years '
                    'now, later told the committee.')
    scan = QuoteScan.of(doc, Lexicon())
    first = next(t.i for t in doc if t.text == "the")
    assert direct._after_apposition(scan, first, len(scan.text)) is None
