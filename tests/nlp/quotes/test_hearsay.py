"""The hearsay rule (``quotes/hearsay.py``) on hand-built parses: a clause whose verb carries an adverb
of hearsay is a report that names nobody, cut in two around the adverb, pre-labeled without a speaker."""

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteFinder, hearsay
from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by
from tests.nlp.test_speaker_rules import said_by


def _cancelled(adverb: str = "reportedly") -> Doc:
    return hand_doc(f"The ferry company has {adverb} cancelled its winter timetable.", f"""
    The        DET   DT  det      2
    ferry      NOUN  NN  compound 2
    company    NOUN  NN  nsubj    5
    has        AUX   VBZ aux      5 have
    {adverb}   ADV   RB  advmod   5
    cancelled  VERB  VBN ROOT     5 cancel
    its        PRON  PRP$ poss    8
    winter     NOUN  NN  compound 8
    timetable  NOUN  NN  dobj     5
    .          PUNCT .   punct    5
""")


def test_a_hearsay_adverb_cuts_its_clause_into_subject_and_predicate():
    assert found_by(hearsay.find, _cancelled()) == [
        ("indirect", "The ferry company has", "reportedly"), ("indirect", "cancelled its winter timetable", "reportedly")]


def test_an_adverb_of_manner_is_no_hearsay():
    assert found_by(hearsay.find, _cancelled("quietly")) == []


def test_the_subject_of_a_hearsay_clause_is_not_its_speaker():
    QuoteFinder(Lexicon())(doc := _cancelled())
    SpeakerFinder()(doc)
    assert [s.text for s in doc.spans["quotes"]] == ["The ferry company has", "cancelled its winter timetable"]
    assert said_by(doc) == []


def test_a_speech_verb_with_a_hearsay_adverb_names_its_own_source():
    doc = hand_doc("The mayor reportedly said no.", """
    The        DET   DT  det      1
    mayor      NOUN  NN  nsubj    3
    reportedly ADV   RB  advmod   3
    said       VERB  VBD ROOT     3 say
    no         INTJ  UH  dobj     3
    .          PUNCT .   punct    3
""")
    assert found_by(hearsay.find, doc) == []


def test_a_fronted_hearsay_adverb_gives_one_piece():
    doc = hand_doc("Reportedly, the mayor of Dunmore wants a bridge.", """
    Reportedly ADV   RB  advmod   6
    ,          PUNCT ,   punct    6
    the        DET   DT  det      3
    mayor      NOUN  NN  nsubj    6
    of         ADP   IN  prep     3
    Dunmore    PROPN NNP pobj     4
    wants      VERB  VBZ ROOT     6 want
    a          DET   DT  det      8
    bridge     NOUN  NN  dobj     6
    .          PUNCT .   punct    6
""")
    assert found_by(hearsay.find, doc) == [("indirect", "the mayor of Dunmore wants a bridge", "Reportedly")]


def test_an_adverb_of_accusation_or_doubt_is_left_to_the_suggestions():
    """``allegedly`` (an accusation) and ``supposedly`` (often the writer's doubt) name no report."""
    assert found_by(hearsay.find, _cancelled("allegedly")) == []
    assert found_by(hearsay.find, _cancelled("supposedly")) == []
