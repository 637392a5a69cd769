"""The speaker's next act inside a report (``said the levy was fair, hinting that …``): the
participle is a second report by the same speaker, so the first stops before its comma and the
second is kept (our own sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import outermost
from annotator.nlp.quotes.scan import QuoteScan
from tests.nlp.hand_docs import hand_doc

_TEXT = "Ruiz said the levy was fair, hinting that the vote would pass."
_PARSE = """
    Ruiz       PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    the        DET   DT  det        3
    levy       NOUN  NN  nsubj      4
    was        AUX   VBD ccomp      1 be
    fair       ADJ   JJ  acomp      4
    ,          PUNCT ,   punct      4
    hinting    VERB  VBG advcl      4 hint
    that       SCONJ IN  mark       12
    the        DET   DT  det        10
    vote       NOUN  NN  nsubj      12
    would      AUX   MD  aux        12
    pass       VERB  VB  ccomp      7 pass
    .          PUNCT .   punct      1
"""


def _found(text: str = _TEXT, parse: str = _PARSE):
    doc = hand_doc(text, parse)
    outer = FoundQuote(doc[2:13], "indirect", doc[1:2])
    inner = FoundQuote(doc[9:13], "indirect", doc[7:8])
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


_NO_COMMA = """
    Ruiz       PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    the        DET   DT  det        3
    levy       NOUN  NN  nsubj      4
    was        AUX   VBD ccomp      1 be
    fair       ADJ   JJ  acomp      4
    hinting    VERB  VBG advcl      4 hint
    that       SCONJ IN  mark       11
    the        DET   DT  det        9
    vote       NOUN  NN  nsubj      11
    would      AUX   MD  aux        11
    pass       VERB  VB  ccomp      6 pass
    .          PUNCT .   punct      1
"""

_OWN_SUBJECT = """
    Ruiz       PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    the        DET   DT  det        3
    levy       NOUN  NN  nsubj      4
    was        AUX   VBD ccomp      1 be
    fair       ADJ   JJ  acomp      4
    ,          PUNCT ,   punct      4
    aides      NOUN  NNS nsubj      8
    hinting    VERB  VBG advcl      4 hint
    that       SCONJ IN  mark       13
    the        DET   DT  det        11
    vote       NOUN  NN  nsubj      13
    would      AUX   MD  aux        13
    pass       VERB  VB  ccomp      8 pass
    .          PUNCT .   punct      1
"""


def test_a_participle_without_a_comma_goes_on_with_the_report():
    doc = hand_doc("Ruiz said the levy was fair hinting that the vote would pass.", _NO_COMMA)
    outer = FoundQuote(doc[2:12], "indirect", doc[1:2])
    inner = FoundQuote(doc[8:12], "indirect", doc[6:7])
    assert outermost([outer, inner], QuoteScan.of(doc, Lexicon())) == [outer]


def test_a_participle_with_a_subject_of_its_own_goes_on_with_the_report():
    doc = hand_doc("Ruiz said the levy was fair, aides hinting that the vote would pass.", _OWN_SUBJECT)
    outer = FoundQuote(doc[2:14], "indirect", doc[1:2])
    inner = FoundQuote(doc[10:14], "indirect", doc[8:9])
    assert outermost([outer, inner], QuoteScan.of(doc, Lexicon())) == [outer]


def test_the_whole_pipeline_gives_both_reports_to_the_speaker(rule_quotes_in):
    quotes = rule_quotes_in("Ruiz said the levy was fair, believing that the vote would pass in May.")
    assert [(q.text, q.speaker) for q in quotes] == [("the levy was fair", "Ruiz"), ("the vote would pass in May", "Ruiz")]
