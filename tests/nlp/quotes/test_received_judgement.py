"""The received-judgement rule on hand-built parses: ``the toll plan drew criticism from the
mayors``, ``the nurse won the backing of the union``; the ``from``/``of`` object is the source."""

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteFinder, received_judgement
from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by
from tests.nlp.test_speaker_rules import said_by


def _drew(noun: str = "criticism", source: str = "mayors", source_lemma: str = "mayor") -> Doc:
    return hand_doc(f"The toll plan drew sharp {noun} from the {source}.", f"""
    The      DET   DT  det    2
    toll     NOUN  NN  compound 2
    plan     NOUN  NN  nsubj  3
    drew     VERB  VBD ROOT   3 draw
    sharp    ADJ   JJ  amod   5
    {noun}   NOUN  NN  dobj   3 {noun}
    from     ADP   IN  prep   3
    the      DET   DT  det    8
    {source} NOUN  NNS pobj   6 {source_lemma}
    .        PUNCT .   punct  3
""")


def test_what_drew_a_judgement_is_the_content_and_the_from_object_its_source():
    assert found_by(received_judgement.find, _drew()) == [("indirect", "The toll plan", "drew sharp criticism from")]
    QuoteFinder(Lexicon())(doc := _drew())
    SpeakerFinder()(doc)
    assert said_by(doc) == [("The toll plan", "the mayors")]


def test_the_backing_of_a_union_won_is_the_unions_judgement():
    doc = hand_doc("The nurse won the backing of the union.", """
    The     DET   DT  det    1
    nurse   NOUN  NN  nsubj  2
    won     VERB  VBD ROOT   2 win
    the     DET   DT  det    4
    backing NOUN  NN  dobj   2 backing
    of      ADP   IN  prep   4
    the     DET   DT  det    7
    union   NOUN  NN  pobj   5 union
    .       PUNCT .   punct  2
""")
    assert found_by(received_judgement.find, doc) == [("indirect", "The nurse", "won the backing of")]
    QuoteFinder(Lexicon())(doc)
    SpeakerFinder()(doc)
    assert said_by(doc) == [("The nurse", "the union")]


def test_what_is_drawn_from_a_thing_or_no_judgement_is_no_attribution():
    assert found_by(received_judgement.find, _drew(source="suburbs", source_lemma="suburb")) == []
    assert found_by(received_judgement.find, _drew(noun="crowds")) == []
    assert found_by(received_judgement.find, _drew(), Lexicon(received_verbs=["earn"])) == []


def test_the_support_a_plan_has_is_its_holders_judgement():
    doc = hand_doc("The levy has the support of the growers.", """
    The     DET   DT  det    1
    levy    NOUN  NN  nsubj  2
    has     VERB  VBZ ROOT   2 have
    the     DET   DT  det    4
    support NOUN  NN  dobj   2 support
    of      ADP   IN  prep   4
    the     DET   DT  det    7
    growers NOUN  NNS pobj   5 grower
    .       PUNCT .   punct  2
""")
    assert found_by(received_judgement.find, doc) == [("indirect", "The levy", "has the support of")]
