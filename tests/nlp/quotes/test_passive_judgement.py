"""The passive-judgement rule on hand-built parses: ``the levy was criticized by the farmers``."""

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteFinder, passive_judgement
from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by
from tests.nlp.test_speaker_rules import said_by


def _criticized(agent: str = "farmers", agent_tag: str = "NNS", lemma: str = "farmer") -> Doc:
    return hand_doc(f"The new levy was sharply criticized by the {agent}.", f"""
    The        DET   DT  det       2
    new        ADJ   JJ  amod      2
    levy       NOUN  NN  nsubjpass 5
    was        AUX   VBD auxpass   5 be
    sharply    ADV   RB  advmod    5
    criticized VERB  VBN ROOT      5 criticize
    by         ADP   IN  agent     5
    the        DET   DT  det       8
    {agent}    NOUN  {agent_tag} pobj 6 {lemma}
    .          PUNCT .   punct     5
""")


def test_the_subject_of_a_passive_judgement_is_the_content_and_the_agent_its_source():
    assert found_by(passive_judgement.find, _criticized()) == [("indirect", "The new levy", "criticized by")]
    QuoteFinder(Lexicon())(doc := _criticized())
    SpeakerFinder()(doc)
    assert said_by(doc) == [("The new levy", "the farmers")]


def test_an_agent_that_cannot_judge_is_no_source():
    assert found_by(passive_judgement.find, _criticized("drought", "NN", "drought")) == []


def test_a_passive_without_its_agent_or_of_another_verb_is_no_attribution():
    doc = hand_doc("The levy was criticized.", """
    The        DET   DT  det       1
    levy       NOUN  NN  nsubjpass 3
    was        AUX   VBD auxpass   3 be
    criticized VERB  VBN ROOT      3 criticize
    .          PUNCT .   punct     3
""")
    assert found_by(passive_judgement.find, doc) == []
    assert found_by(passive_judgement.find, _criticized(), Lexicon(passive_verbs=["praise"])) == []
