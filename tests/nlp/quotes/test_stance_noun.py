"""The stance-noun rule on hand-built parses: ``the mayor's support for the levy``, ``Ms. Okafor took
a swipe at the plan``; and the speaker the speaker rules read off the noun or the light verb."""

from spacy.tokens import Doc

from annotator.nlp.cue_words import STANCE_NOUN_PREPOSITIONS
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteFinder, stance_noun
from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by
from tests.nlp.test_speaker_rules import said_by

#: The rule is off unless its nouns are configured: these tests switch on the whole class.
STANCES = Lexicon(stance_nouns=STANCE_NOUN_PREPOSITIONS)


def _support(owner: str = "mayor", owner_tag: str = "NN") -> Doc:
    return hand_doc(f"The {owner}'s support for the levy surprised the council.", f"""
    The       DET   DT  det    1
    {owner}   NOUN  {owner_tag}  poss   3
    's        PART  POS case   1
    support   NOUN  NN  nsubj  7
    for       ADP   IN  prep   3
    the       DET   DT  det    6
    levy      NOUN  NN  pobj   4
    surprised VERB  VBD ROOT   7 surprise
    the       DET   DT  det    9
    council   NOUN  NN  dobj   7
    .         PUNCT .   punct  7
""")


def _swipe(verb: str = "took", lemma: str = "take") -> Doc:
    return hand_doc(f"Okafor {verb} a swipe at the zoning plan.", f"""
    Okafor  PROPN NNP nsubj  1
    {verb}  VERB  VBD ROOT   1 {lemma}
    a       DET   DT  det    3
    swipe   NOUN  NN  dobj   1
    at      ADP   IN  prep   3
    the     DET   DT  det    7
    zoning  NOUN  NN  compound 7
    plan    NOUN  NN  pobj   4
    .       PUNCT .   punct  1
""", ents=((0, 1, "PERSON"),))


def _with_speakers(doc: Doc) -> list[tuple[str, str]]:
    QuoteFinder(STANCES)(doc)
    SpeakerFinder(lexicon=STANCES)(doc)
    return said_by(doc)


def test_a_possessed_stance_noun_reports_what_it_is_about_and_the_possessor_holds_it():
    assert found_by(stance_noun.find, _support(), STANCES) == [("indirect", "the levy", "support")]
    assert _with_speakers(_support()) == [("the levy", "The mayor")]


def test_a_stance_of_a_thing_or_of_the_writer_is_no_attribution():
    assert found_by(stance_noun.find, _support("bill"), STANCES) == []  # a bill holds no stance
    doc = hand_doc("Our support for the levy is firm.", """
    Our     PRON  PRP$ poss   1 our
    support NOUN  NN   nsubj  5
    for     ADP   IN   prep   1
    the     DET   DT   det    4
    levy    NOUN  NN   pobj   2
    is      AUX   VBZ  ROOT   5 be
    firm    ADJ   JJ   acomp  5
    .       PUNCT .    punct  5
""")
    assert found_by(stance_noun.find, doc, STANCES) == []


def test_only_the_nouns_own_prepositions_carry_the_stance():
    doc = hand_doc("Her support in the suburbs grew.", """
    Her     PRON  PRP$ poss   1 her
    support NOUN  NN   nsubj  5
    in      ADP   IN   prep   1
    the     DET   DT   det    4
    suburbs NOUN  NNS  pobj   2 suburb
    grew    VERB  VBD  ROOT   5 grow
    .       PUNCT .    punct  5
""")
    assert found_by(stance_noun.find, doc, STANCES) == []  # support *in* a place is backing, not a stance on it


def test_a_light_verbs_subject_takes_the_stance():
    assert found_by(stance_noun.find, _swipe(), STANCES) == [("indirect", "the zoning plan", "took a swipe at")]
    assert _with_speakers(_swipe()) == [("the zoning plan", "Okafor")]
    # a verb that does not hand the stance to its subject: the swipe is someone else's
    assert found_by(stance_noun.find, _swipe("filmed", "film"), STANCES) == []


def test_stance_nouns_and_light_verbs_come_from_the_lexicon():
    assert found_by(stance_noun.find, _swipe()) == []  # off by default
    assert found_by(stance_noun.find, _swipe(), Lexicon(stance_nouns={"swipe": ["against"]})) == []
    assert found_by(stance_noun.find, _swipe(), Lexicon(stance_nouns={"swipe": ["at"]}, light_verbs=["make"])) == []
    assert found_by(stance_noun.find, _swipe(), Lexicon(stance_nouns={"swipe": ["at"]})) \
        == [("indirect", "the zoning plan", "took a swipe at")]
