"""The speaker's next act inside a report (``said the levy was fair, hinting that …``): the
participle is a second report by the same speaker, so the first stops before its comma and the
second is kept (our own sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import outermost
from annotator.nlp.quotes.scan import QuoteScan
from tests.nlp.quotes.next_act_docs import levy_doc


def _found(*, comma: bool = True, own_subject: bool = False):
    doc = levy_doc(comma=comma, own_subject=own_subject)
    hinting = next(t.i for t in doc if t.text == "hinting")
    outer = FoundQuote(doc[2:len(doc) - 1], "indirect", doc[1:2])
    inner = FoundQuote(doc[hinting + 2:len(doc) - 1], "indirect", doc[hinting:hinting + 1])
    return QuoteScan.of(doc, Lexicon()), outer, inner


def _texts(found):
    return sorted((f.span.text, f.cue.text) for f in found)


def test_a_participle_after_a_comma_is_the_speakers_next_report():
    scan, outer, inner = _found()
    assert _texts(outermost([outer, inner], scan)) == [("the levy was fair", "said"),
                                                        ("the vote would pass", "hinting")]


def test_without_a_scan_every_nested_report_is_dropped():
    _, outer, inner = _found()
    assert outermost([outer, inner]) == [outer]


def test_a_participle_without_a_comma_goes_on_with_the_report():
    scan, outer, inner = _found(comma=False)
    assert outermost([outer, inner], scan) == [outer]


def test_a_participle_with_a_subject_of_its_own_goes_on_with_the_report():
    scan, outer, inner = _found(own_subject=True)
    assert outermost([outer, inner], scan) == [outer]


def test_the_whole_pipeline_gives_both_reports_to_the_speaker(rule_quotes_in):
    quotes = rule_quotes_in("Ruiz said the levy was fair, believing that the vote would pass in May.")
    assert [(q.text, q.speaker) for q in quotes] == [("the levy was fair", "Ruiz"), ("the vote would pass in May", "Ruiz")]


def test_a_verb_after_and_is_the_speakers_next_report_too(rule_quotes_in):
    # (a verb in the reporting verb's own form, ``said X and warned that Y``, ``reported`` already cuts)
    quotes = rule_quotes_in("Ruiz has said the levy is fair and will argue that the vote should pass.")
    assert [(q.text, q.cue, q.speaker) for q in quotes] == [("the levy is fair", "said", "Ruiz"),
                                                           ("the vote should pass", "argue", "Ruiz")]
