"""The prepositional-object rule on hand-built parses: ``X called for new talks``."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import prepositional_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_CALLED = """
    The     DET   DT  det    1
    union   NOUN  NN  nsubj  2
    called  VERB  VBD ROOT   2 call
    for     ADP   IN  prep   2
    new     ADJ   JJ  amod   5
    talks   NOUN  NNS pobj   3
    .       PUNCT .   punct  2
"""


def test_prepositional_object_of_a_verb_of_asking_is_what_was_said():
    doc = hand_doc("The union called for new talks.", _CALLED)
    assert found_at(prepositional_object.at, doc) == [("indirect", "new talks", "called for")]


def test_prepositional_object_needs_the_verbs_own_preposition():
    doc = hand_doc("The union called at new talks.", _CALLED.replace("for     ADP", "at      ADP"))
    assert found_at(prepositional_object.at, doc) == []
    doc = hand_doc("The union called for new talks.", _CALLED)
    assert found_at(prepositional_object.at, doc, Lexicon(prepositional_verbs={"call": ["on"]})) == []


def test_prepositional_object_of_a_thing_or_a_pronoun_is_not_reported():
    thing = hand_doc("The report called for new talks.", _CALLED.replace("union   NOUN", "report  NOUN"))
    assert found_at(prepositional_object.at, thing) == []
    pronoun = hand_doc("The union called for them.", """
        The     DET   DT  det    1
        union   NOUN  NN  nsubj  2
        called  VERB  VBD ROOT   2 call
        for     ADP   IN  prep   2
        them    PRON  PRP pobj   3
        .       PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, pronoun) == []


def test_verb_pointing_at_what_it_speaks_of_reports_the_prepositions_object():
    doc = hand_doc("The union focused on the pay cuts.", """
        The      DET   DT  det    1
        union    NOUN  NN  nsubj  2
        focused  VERB  VBD ROOT   2 focus
        on       ADP   IN  prep   2
        the      DET   DT  det    6
        pay      NOUN  NN  compound 6
        cuts     NOUN  NNS pobj   3
        .        PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the pay cuts", "focused on")]


def test_called_on_someone_to_act_is_the_person_and_the_infinitive():
    doc = hand_doc("The union called on the board to resign.", """
        The     DET   DT  det    1
        union   NOUN  NN  nsubj  2
        called  VERB  VBD ROOT   2 call
        on      ADP   IN  prep   2
        the     DET   DT  det    5
        board   NOUN  NN  pobj   3
        to      PART  TO  aux    7
        resign  VERB  VB  xcomp  2
        .       PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the board to resign", "called on")]



_COMMENTED_ON = """
    The        DET   DT  det    1
    union      NOUN  NN  nsubj  2
    commented  VERB  VBD ROOT   2 comment
    on         ADP   IN  prep   2
    Monday     PROPN NNP pobj   3
    .          PUNCT .   punct  2
"""


def test_a_time_phrase_after_the_preposition_says_when_not_what_about():
    lexicon = Lexicon(prepositional_verbs={"comment": ["on"]})
    when = hand_doc("The union commented on Monday.", _COMMENTED_ON, ents=((4, 5, "DATE"),))
    assert found_at(prepositional_object.at, when, lexicon) == []
    what = hand_doc("The union commented on Monday.", _COMMENTED_ON)
    assert found_at(prepositional_object.at, what, lexicon) == [("indirect", "Monday", "commented on")]


def test_a_time_phrase_asked_for_is_what_was_asked():
    doc = hand_doc("The prosecutor asked for ten years.", """
        The      DET   DT  det    1
        prosecutor NOUN NN nsubj  2
        asked    VERB  VBD ROOT   2 ask
        for      ADP   IN  prep   2
        ten      NUM   CD  nummod 5
        years    NOUN  NNS pobj   3
        .        PUNCT .   punct  2
    """, ents=((4, 6, "DATE"),))
    assert found_at(prepositional_object.at, doc, Lexicon(prepositional_verbs={"ask": ["for"]})) == [
        ("indirect", "ten years", "asked for")]
