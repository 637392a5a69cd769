"""A report whose words stop inside a quoted part it opened runs on to that part's closing mark
(``quotes/open_part.py``; our own sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes.component import QuoteFinder
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.open_part import to_closing_marks
from annotator.nlp.quotes.scan import QuoteScan
from tests.nlp.hand_docs import hand_doc

_TEXT = 'Quill said the budget pays for "a new school, an end to the toll and a park."'
# the parse ends the reported clause at the comma between the marks
_ROWS = """
    Quill   PROPN NNP nsubj    1
    said    VERB  VBD ROOT     1 say
    the     DET   DT  det      3
    budget  NOUN  NN  nsubj    4
    pays    VERB  VBZ ccomp    1 pay
    for     ADP   IN  prep     4
    "       PUNCT ``  punct    8
    a       DET   DT  det      8
    new     ADJ   JJ  amod     9
    school  NOUN  NN  pobj     5
    ,       PUNCT ,   punct    1
    an      DET   DT  det      12
    end     NOUN  NN  npadvmod 1
    to      ADP   IN  prep     12
    the     DET   DT  det      15
    toll    NOUN  NN  pobj     13
    and     CCONJ CC  cc       12
    a       DET   DT  det      18
    park    NOUN  NN  conj     12
    .       PUNCT .   punct    1
    "       PUNCT ''  punct    1
"""


def _extended(found_spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = hand_doc(_TEXT, _ROWS)
    scan = QuoteScan.of(doc, Lexicon())
    found = [FoundQuote(doc[a:b], kind, doc[1:2]) for a, b, kind in found_spans]
    return [(f.quote_type, f.span.text) for f in to_closing_marks(found, scan)]


def test_a_report_ending_inside_its_quoted_part_runs_on_to_the_closing_mark():
    assert _extended([(2, 10, "indirect")]) == [
        ("mixed", 'the budget pays for "a new school, an end to the toll and a park."')]


def test_the_rules_give_the_whole_quoted_part():
    found = QuoteFinder().find(hand_doc(_TEXT, _ROWS))
    assert [(f.quote_type, f.span.text) for f in found] == [
        ("mixed", 'the budget pays for "a new school, an end to the toll and a park."')]


def test_a_direct_quote_and_a_report_that_opens_inside_the_marks_stay():
    assert _extended([(7, 10, "direct")]) == [("direct", "a new school")]
    assert _extended([(8, 10, "indirect")]) == [("indirect", "new school")]


def test_another_quote_in_the_words_taken_in_stops_it():
    assert _extended([(2, 10, "indirect"), (15, 19, "indirect")]) == [
        ("indirect", 'the budget pays for "a new school'), ("indirect", "toll and a park")]


def test_a_report_ending_outside_marks_stays():
    assert _extended([(2, 5, "indirect")]) == [("indirect", "the budget pays")]


_STARTS_INSIDE = '"Towns are short. They have no choice" but to ask for help, Ruiz said.'
# the parse starts a sentence between the marks
_STARTS_INSIDE_ROWS = """
    "       PUNCT ``  punct    3
    Towns   NOUN  NNS nsubj    2
    are     AUX   VBP ROOT     2 be
    short   ADJ   JJ  acomp    2
    .       PUNCT .   punct    2
    They    PRON  PRP nsubj    6
    have    VERB  VBP ccomp    16 have
    no      DET   DT  det      8
    choice  NOUN  NN  dobj     6
    "       PUNCT ''  punct    6
    but     CCONJ CC  cc       8
    to      PART  TO  aux      12
    ask     VERB  VB  relcl    8 ask
    for     ADP   IN  prep     12
    help    NOUN  NN  pobj     13
    ,       PUNCT ,   punct    16
    Ruiz    PROPN NNP nsubj    16
    said    VERB  VBD ROOT     16 say
    .       PUNCT .   punct    16
"""


def test_a_report_starting_inside_a_quoted_part_it_closes_starts_at_the_opening_mark():
    doc = hand_doc(_STARTS_INSIDE, _STARTS_INSIDE_ROWS)
    scan = QuoteScan.of(doc, Lexicon())
    direct = FoundQuote(doc[1:9], "direct", doc[17:18])
    report = FoundQuote(doc[5:15], "indirect", doc[17:18])
    assert [(f.quote_type, f.span.text) for f in to_closing_marks([direct, report], scan)] == [
        ("mixed", '"Towns are short. They have no choice" but to ask for help')]


def test_a_report_inside_a_quoted_part_it_does_not_close_stays():
    doc = hand_doc(_STARTS_INSIDE, _STARTS_INSIDE_ROWS)
    scan = QuoteScan.of(doc, Lexicon())
    report = FoundQuote(doc[5:9], "indirect", doc[17:18])
    assert [(f.quote_type, f.span.text) for f in to_closing_marks([report], scan)] == [
        ("indirect", "They have no choice")]
