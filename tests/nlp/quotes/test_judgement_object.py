"""Objects of verbs of judging on hand-built parses: a name alone is what was judged (``praised Ms.
Ode``), a pronoun with the phrase saying why (``blamed them for the delay``) is what was said; what
a speaker did not mention is the report's content, a name alone included."""

import pytest

from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _name_object(verb: str, lemma: str) -> str:
    return f"""
        The     DET   DT  det      1
        mayor   NOUN  NN  nsubj    2
        {verb}  VERB  VBD ROOT     2 {lemma}
        Ms.     PROPN NNP compound 4
        Ode     PROPN NNP dobj     2
        .       PUNCT .   punct    2
    """


def test_a_name_alone_is_what_a_verb_of_judging_judges():
    doc = hand_doc("The mayor praised Ms. Ode.", _name_object("praised", "praise"))
    assert found_at(object_of_cue.at, doc) == [("indirect", "Ms. Ode", "praised")]


def test_a_name_alone_after_a_verb_of_thanking_is_whom_the_act_was_for():
    doc = hand_doc("The mayor thanked Ms. Ode.", _name_object("thanked", "thank"))
    assert found_at(object_of_cue.at, doc) == []


def _pronoun_object(tail_rows: str) -> str:
    return f"""
        The     DET   DT  det    1
        mayor   NOUN  NN  nsubj  2
        blamed  VERB  VBD ROOT   2 blame
        them    PRON  PRP dobj   2 they
        {tail_rows}
    """


def test_a_pronoun_with_the_phrase_saying_why_is_what_was_said():
    doc = hand_doc("The mayor blamed them for the long delay.", _pronoun_object("""
        for     ADP   IN  prep   2
        the     DET   DT  det    8
        long    ADJ   JJ  amod   8
        delay   NOUN  NN  pobj   4
        .       PUNCT .   punct  2
    """))
    assert found_at(object_of_cue.at, doc) == [("indirect", "them for the long delay", "blamed")]


def test_a_pronoun_alone_names_nothing():
    doc = hand_doc("The mayor blamed them on Friday.", _pronoun_object("""
        on      ADP   IN  prep   2
        Friday  PROPN NNP pobj   4
        .       PUNCT .   punct  2
    """))
    assert found_at(object_of_cue.at, doc) == []


def test_the_verbs_of_judging_are_the_lexicons():
    from annotator.nlp.lexicon import Lexicon

    doc = hand_doc("The mayor praised Ms. Ode.", _name_object("praised", "praise"))
    assert found_at(object_of_cue.at, doc, Lexicon(judgement_verbs=())) == []


def test_what_a_speaker_did_not_mention_is_still_the_reports_content():
    doc = hand_doc("The mayor did not mention the levy.", """
        The      DET   DT  det    1
        mayor    NOUN  NN  nsubj  4
        did      AUX   VBD aux    4 do
        not      PART  RB  neg    4
        mention  VERB  VB  ROOT   4
        the      DET   DT  det    6
        levy     NOUN  NN  dobj   4
        .        PUNCT .   punct  4
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the levy", "mention")]


def test_a_name_a_speaker_did_not_mention_is_the_content():
    # ``mention`` is no verb of judging: the name alone counts because it went unmentioned
    assert found_at(object_of_cue.at, hand_doc("The mayor did not mention Ode.", """
        The      DET   DT  det    1
        mayor    NOUN  NN  nsubj  4
        did      AUX   VBD aux    4 do
        not      PART  RB  neg    4
        mention  VERB  VB  ROOT   4
        Ode      PROPN NNP dobj   4
        .        PUNCT .   punct  4
    """)) == [("indirect", "Ode", "mention")]


@pytest.mark.parametrize("text", ["The governor did not mention it.", "The governor did not mention anything."])
def test_an_unmentioned_pronoun_names_nothing(nlp_model, text):
    assert found_at(object_of_cue.at, nlp_model(text)) == []


def test_the_whole_pipeline_gives_the_unmentioned_its_speaker(quotes_in):
    found = quotes_in("The governor did not mention the new levy in her speech.")
    assert [(q.type, q.text, q.speaker) for q in found] == [("indirect", "the new levy", "The governor")]


def _headline(verb_pos: str, verb_tag: str) -> str:
    return f"""
        Tenants  NOUN  NNS nsubj  1 tenant
        blasts   {verb_pos} {verb_tag} ROOT 1 blast
        landlord NOUN  NN  dobj   1
        for      ADP   IN  prep   1
        skipping VERB  VBG pcomp  3 skip
        hearing  NOUN  NN  dobj   4
        .        PUNCT .   punct  1
    """


def test_a_headline_verb_the_tagger_took_for_a_plural_noun_still_reports_its_object():
    text = "Tenants blasts landlord for skipping hearing."
    expected = [("indirect", "landlord for skipping hearing", "blasts")]
    assert found_at(object_of_cue.at, hand_doc(text, _headline("VERB", "VBZ"))) == expected
    assert found_at(object_of_cue.at, hand_doc(text, _headline("NOUN", "NNS"))) == expected


def test_a_plural_noun_heading_a_fragment_is_no_verb():
    doc = hand_doc("Landlord blasts and rent rises.", """
        Landlord NOUN  NN  compound 1 landlord
        blasts   NOUN  NNS ROOT     1 blast
        and      CCONJ CC  cc       1
        rent     NOUN  NN  compound 4
        rises    NOUN  NNS conj     1 rise
        .        PUNCT .   punct    1
    """)
    assert found_at(object_of_cue.at, doc) == []


def test_a_noun_heading_its_sentence_is_among_the_possible_cues():
    from annotator.nlp.lexicon import Lexicon

    doc = hand_doc("Tenants blasts landlord for skipping hearing.", _headline("NOUN", "NNS"))
    assert 1 in Lexicon().possible_cues(doc)
    assert 2 not in Lexicon().possible_cues(doc)  # a noun object is not
