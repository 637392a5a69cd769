"""``Ruiz said the levy was fair, hinting that …``: the participle the parser hangs on the reported
clause is the speaker's next act, and its subject is the report's speaker (our own sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.mentions import subject_of
from tests.nlp.quotes.next_act_docs import levy_doc


def _hinting(comma: bool):
    doc = levy_doc(comma=comma)
    return next(t for t in doc if t.text == "hinting")


def test_a_participle_after_a_comma_on_the_reported_clause_is_the_speakers():
    assert subject_of(_hinting(comma=True), Lexicon()).text == "Ruiz"


def test_a_participle_without_a_comma_is_the_clause_subjects():
    assert subject_of(_hinting(comma=False), Lexicon()).text == "levy"
