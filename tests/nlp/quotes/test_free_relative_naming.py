"""A naming in a free relative: ``in what Ms. Ortiz called "a gift"``: what the thing is called is
the quote and ``what`` a piece of it, as ``which`` is in a relative clause (hand-built parse, our own
sentence)."""

from annotator.nlp.quotes import QuoteFinder, naming
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ROWS = """
    Voss       PROPN NNP nsubj      1
    criticized VERB  VBD ROOT       1 criticize
    the        DET   DT  det        3
    levy       NOUN  NN  dobj       1
    ,          PUNCT ,   punct      1
    in         ADP   IN  prep       1
    what       PRON  WP  dobj       8
    Ortiz      PROPN NNP nsubj      8
    called     VERB  VBD pcomp      5 call
    a          DET   DT  det        10
    gift       NOUN  NN  oprd       8
    to         ADP   IN  prep       10
    banks      NOUN  NNS pobj       11 bank
    .          PUNCT .   punct      1
"""
_TEXT = "Voss criticized the levy, in what Ortiz called a gift to banks."


def test_a_free_relative_naming_reports_what_the_thing_is_called_and_what():
    doc = hand_doc(_TEXT, _ROWS)
    assert found_at(naming.at, doc) == [("indirect", "a gift to banks", "called"), ("indirect", "what", "called")]


def test_the_whole_finder_keeps_both_beside_the_outer_report():
    found = sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(hand_doc(_TEXT, _ROWS)))
    assert ("indirect", "a gift to banks", "called") in found and ("indirect", "what", "called") in found


def test_a_free_relative_without_what_is_no_naming():
    doc = hand_doc("Voss criticized the levy, in that Ortiz called a gift to banks.", _ROWS.replace(
        "what       PRON  WP  dobj", "that       SCONJ IN  mark"))
    assert found_at(naming.at, doc) == []


def test_the_pipeline_gives_the_naming_to_its_subject(rule_quotes_in):
    quotes = rule_quotes_in('The mayor criticized the plan, in what Ruiz called "a gift to the banks."')
    assert [(q.text, q.speaker) for q in quotes if q.cue == "called"] == [("what", "Ruiz"), ("a gift to the banks", "Ruiz")]
