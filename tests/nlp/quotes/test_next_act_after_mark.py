"""The speaker's next act after a quoted part that ends the report (``said the levy was "a
disgrace," adding that …``): the comma stands inside the closing mark, and the report still stops
there, the mark kept with its quoted part (``clause_end.comma_cut``)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import reported
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import outermost
from annotator.nlp.quotes.scan import QuoteScan
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_TEXT = 'Ruiz said the levy was "a disgrace," adding that the vote would fail.'
_ROWS = """
    Ruiz     PROPN NNP nsubj  1
    said     VERB  VBD ROOT   1 say
    the      DET   DT  det    3
    levy     NOUN  NN  nsubj  4
    was      AUX   VBD ccomp  1 be
    "        PUNCT ``  punct  4
    a        DET   DT  det    7
    disgrace NOUN  NN  attr   4
    ,        PUNCT ,   punct  4
    "        PUNCT ''  punct  4
    adding   VERB  VBG advcl  4 add
    that     SCONJ IN  mark   15
    the      DET   DT  det    13
    vote     NOUN  NN  nsubj  15
    would    AUX   MD  aux    15
    fail     VERB  VB  ccomp  10
    .        PUNCT .   punct  1
"""


def test_the_report_stops_after_the_closing_mark_before_the_participle():
    assert found_at(reported.at, hand_doc(_TEXT, _ROWS)) == [
        ("mixed", 'the levy was "a disgrace,"', "said"), ("indirect", "the vote would fail", "adding")]


def test_a_report_holding_the_next_act_is_cut_after_the_mark_and_both_kept():
    doc = hand_doc(_TEXT, _ROWS)
    outer = FoundQuote(doc[2:16], "mixed", doc[1:2])
    inner = FoundQuote(doc[12:16], "indirect", doc[10:11])
    kept = outermost([outer, inner], QuoteScan.of(doc, Lexicon()))
    assert sorted((f.span.text, f.cue.text) for f in kept) == [
        ('the levy was "a disgrace,"', "said"), ("the vote would fail", "adding")]


def test_the_whole_pipeline_gives_both_reports_to_the_speaker(rule_quotes_in):
    quotes = rule_quotes_in('Ruiz said the levy was "a disgrace," adding that the vote would fail in May.')
    assert [(q.text, q.speaker) for q in quotes] == [('the levy was "a disgrace,"', "Ruiz"),
                                                     ("the vote would fail in May", "Ruiz")]
