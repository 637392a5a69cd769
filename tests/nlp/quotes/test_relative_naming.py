"""A naming in a relative clause: ``the levy, which Ms. Ortiz called wasteful``: what the thing is
called is the quote, and ``which`` a piece of it (session 12; hand-built parses, our own sentences)."""

from annotator.nlp.quotes import QuoteFinder, naming
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ROWS = """
    Voss       PROPN NNP nsubj      1
    backed     VERB  VBD ROOT       1 back
    the        DET   DT  det        3
    levy       NOUN  NN  dobj       1
    ,          PUNCT ,   punct      3
    which      PRON  WDT dobj       7
    Ortiz      PROPN NNP nsubj      7
    called     VERB  VBD relcl      3 call
    wasteful   ADJ   JJ  oprd       7
    .          PUNCT .   punct      1
"""
_TEXT = "Voss backed the levy, which Ortiz called wasteful."


def _found(doc):
    return sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(doc))


def test_relative_naming_reports_what_the_thing_is_called():
    doc = hand_doc(_TEXT, _ROWS)
    assert found_at(naming.at, doc) == [("indirect", "wasteful", "called")]


def test_relative_naming_adds_which_as_a_piece():
    doc = hand_doc(_TEXT, _ROWS)
    assert ("indirect", "which", "called") in _found(doc)
    assert ("indirect", "wasteful", "called") in _found(doc)


def test_relative_naming_needs_the_pronoun_as_object():
    doc = hand_doc("Voss backed the levy, which Ortiz called on Monday.", """
        Voss       PROPN NNP nsubj      1
        backed     VERB  VBD ROOT       1 back
        the        DET   DT  det        3
        levy       NOUN  NN  dobj       1
        ,          PUNCT ,   punct      3
        which      PRON  WDT dobj       7
        Ortiz      PROPN NNP nsubj      7
        called     VERB  VBD relcl      3 call
        on         ADP   IN  prep       7
        Monday     PROPN NNP pobj       8
        .          PUNCT .   punct      1
    """)
    assert found_at(naming.at, doc) == []


def test_relative_naming_of_a_first_person_speaker_is_not_reported():
    doc = hand_doc("Voss backed the levy, which I called wasteful.", _ROWS.replace(
        "Ortiz      PROPN NNP nsubj      7", "I          PRON  PRP nsubj      7"))
    assert found_at(naming.at, doc) == []
