"""The object rule on hand-built parses: ``X criticized the ruling``, ``X described Y as Z``."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_CRITICIZED = """
    The        DET   DT  det    1
    mayor      NOUN  NN  nsubj  2
    criticized VERB  VBD ROOT   2 criticize
    the        DET   DT  det    4
    ruling     NOUN  NN  dobj   2
    .          PUNCT .   punct  2
"""


def test_object_of_a_verb_of_judging_is_what_was_said():
    doc = hand_doc("The mayor criticized the ruling.", _CRITICIZED)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the ruling", "criticized")]


def test_object_rule_reads_its_verbs_from_the_lexicon():
    doc = hand_doc("The mayor criticized the ruling.", _CRITICIZED)
    assert found_at(object_of_cue.at, doc, Lexicon(object_verbs=["praise"])) == []


def test_object_goes_on_with_as_and_for_phrases():
    doc = hand_doc("Ms. Ode described the budget as cruel and blamed the council for the cuts.", """
        Ms.       PROPN NNP compound 1
        Ode       PROPN NNP nsubj    2
        described VERB  VBD ROOT     2 describe
        the       DET   DT  det      4
        budget    NOUN  NN  dobj     2
        as        ADP   IN  prep     2
        cruel     ADJ   JJ  pobj     5
        and       CCONJ CC  cc       2
        blamed    VERB  VBD conj     2 blame
        the       DET   DT  det      10
        council   NOUN  NN  dobj     8
        for       ADP   IN  prep     8
        the       DET   DT  det      13
        cuts      NOUN  NNS pobj     11
        .         PUNCT .   punct    2
    """)
    assert found_at(object_of_cue.at, doc) == [
        ("indirect", "the budget as cruel", "described"), ("indirect", "the council for the cuts", "blamed")]


def test_object_of_a_passive_participle_or_infinitive_is_not_said():
    # "the ruling criticized by the mayor": a participle naming a thing, nobody speaking.
    participle = hand_doc("The ruling criticized by the mayor stands.", """
        The        DET   DT  det    1
        ruling     NOUN  NN  nsubj  6
        criticized VERB  VBN acl    1 criticize
        by         ADP   IN  agent  2
        the        DET   DT  det    5
        mayor      NOUN  NN  pobj   3
        stands     VERB  VBZ ROOT   6 stand
        .          PUNCT .   punct  6
    """)
    assert found_at(object_of_cue.at, participle) == []
    # "refused to criticize the ruling": an act refused, not one done (the commitment rule's).
    infinitive = hand_doc("The mayor refused to criticize the ruling.", """
        The        DET   DT  det    1
        mayor      NOUN  NN  nsubj  2
        refused    VERB  VBD ROOT   2 refuse
        to         PART  TO  aux    4
        criticize  VERB  VB  xcomp  2 criticize
        the        DET   DT  det    6
        ruling     NOUN  NN  dobj   4
        .          PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, infinitive) == []


def test_object_that_is_a_pronoun_or_a_bare_name_is_not_what_was_said():
    pronoun = hand_doc("The mayor criticized it.", """
        The        DET   DT  det    1
        mayor      NOUN  NN  nsubj  2
        criticized VERB  VBD ROOT   2 criticize
        it         PRON  PRP dobj   2
        .          PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, pronoun) == []
    name = hand_doc("The mayor thanked Ms. Ode.", """
        The     DET   DT  det      1
        mayor   NOUN  NN  nsubj    2
        thanked VERB  VBD ROOT     2 thank
        Ms.     PROPN NNP compound 4
        Ode     PROPN NNP dobj     2
        .       PUNCT .   punct    2
    """)
    assert found_at(object_of_cue.at, name) == []


def test_object_of_a_thing_or_a_first_person_subject_is_not_reported():
    thing = hand_doc("The research criticized the ruling.", _CRITICIZED.replace("mayor      NOUN", "research   NOUN"))
    assert found_at(object_of_cue.at, thing) == []
    first = hand_doc("We criticized the ruling.", """
        We         PRON  PRP nsubj  1
        criticized VERB  VBD ROOT   1 criticize
        the        DET   DT  det    3
        ruling     NOUN  NN  dobj   1
        .          PUNCT .   punct  1
    """)
    assert found_at(object_of_cue.at, first) == []


@pytest.mark.parametrize("noun, lemma", [("critics", "critic"), ("analysts", "analyst"), ("friends", "friend"),
                                         ("sources", "source"), ("advocates", "advocate")])
def test_object_of_a_subject_named_by_a_noun_for_people_is_reported(noun, lemma):
    """Nouns for people that end in none of the person suffixes (``critic``, ``analyst``) can speak."""
    doc = hand_doc(f"Her {noun} criticized the ruling.", f"""
        Her        PRON  PRP$ poss   1
        {noun}     NOUN  NNS  nsubj  2 {lemma}
        criticized VERB  VBD  ROOT   2 criticize
        the        DET   DT   det    4
        ruling     NOUN  NN   dobj   2
        .          PUNCT .    punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the ruling", "criticized")]


@pytest.mark.parametrize("thing", ["report", "lawsuit", "poll", "letter"])
def test_object_of_a_text_that_reports_is_reported(thing):
    """``the lawsuit criticized the ruling``: a text or a measure is a source of its own (``REPORTING_THINGS``)."""
    doc = hand_doc(f"The {thing} criticized the ruling.", _CRITICIZED.replace("mayor      NOUN", f"{thing:<10} NOUN"))
    assert found_at(object_of_cue.at, doc) == [("indirect", "the ruling", "criticized")]


def test_object_of_a_share_of_a_group_is_reported():
    doc = hand_doc("Most of the voters criticized the ruling.", """
        Most       ADJ   JJS nsubj  4
        of         ADP   IN  prep   0
        the        DET   DT  det    3
        voters     NOUN  NNS pobj   1 voter
        criticized VERB  VBD ROOT   4 criticize
        the        DET   DT  det    6
        ruling     NOUN  NN  dobj   4
        .          PUNCT .   punct  4
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the ruling", "criticized")]


def test_object_with_a_quoted_part_is_mixed_and_one_all_in_marks_is_left_to_the_direct_rule():
    doc = hand_doc('The mayor criticized the "reckless" ruling.', """
        The        DET   DT  det    1
        mayor      NOUN  NN  nsubj  2
        criticized VERB  VBD ROOT   2 criticize
        the        DET   DT  det    7
        "          PUNCT ``  punct  5
        reckless   ADJ   JJ  amod   7
        "          PUNCT ''  punct  5
        ruling     NOUN  NN  dobj   2
        .          PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("mixed", 'the "reckless" ruling', "criticized")]


def test_object_of_a_participle_after_a_reported_clause_is_left_to_the_direct_rule():
    # "Ms. Ode said talks had failed, describing the offer as cruel": the participle hangs on the
    # reported clause, whose subject is not who described the offer.
    doc = hand_doc("Ms. Ode said talks had failed, describing the offer as cruel.", """
        Ms.        PROPN NNP compound 1
        Ode        PROPN NNP nsubj    2
        said       VERB  VBD ROOT     2 say
        talks      NOUN  NNS nsubj    5
        had        AUX   VBD aux      5
        failed     VERB  VBN ccomp    2 fail
        ,          PUNCT ,   punct    5
        describing VERB  VBG advcl    5 describe
        the        DET   DT  det      9
        offer      NOUN  NN  dobj     7
        as         ADP   IN  prep     7
        cruel      ADJ   JJ  pobj     10
        .          PUNCT .   punct    2
    """)
    assert found_at(object_of_cue.at, doc) == []


def test_stance_verb_in_a_speakers_main_clause_reports_its_object():
    doc = hand_doc("The senator opposes the merger of two banks.", """
        The       DET   DT  det    1
        senator   NOUN  NN  nsubj  2
        opposes   VERB  VBZ ROOT   2 oppose
        the       DET   DT  det    4
        merger    NOUN  NN  dobj   2
        of        ADP   IN  prep   4
        two       NUM   CD  nummod 7
        banks     NOUN  NNS pobj   5
        .         PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the merger of two banks", "opposes")]


@pytest.mark.parametrize("subject, verb, lemma, thing", [
    ("court", "ordered", "order", "recount"),
    ("firm", "reported", "report", "loss"),
])
def test_object_of_an_order_or_a_report_is_what_was_said(subject, verb, lemma, thing):
    doc = hand_doc(f"The {subject} {verb} a {thing}.", f"""
        The       DET   DT  det    1
        {subject} NOUN  NN  nsubj  2
        {verb}    VERB  VBD ROOT   2 {lemma}
        a         DET   DT  det    4
        {thing}   NOUN  NN  dobj   2
        .         PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", f"a {thing}", verb)]


@pytest.mark.parametrize("verb, lemma, thing", [
    ("listed", "list", "demands"),
    ("identified", "identify", "priorities"),
])
def test_object_of_a_verb_of_setting_out_words_is_what_was_said(verb, lemma, thing):
    # ``the union listed its demands``, ``identified its priorities``: the items set out or named are
    # what was said (session 47).
    doc = hand_doc(f"The union {verb} its {thing} on Monday.", f"""
        The       DET   DT   det   1
        union     NOUN  NN   nsubj 2
        {verb}    VERB  VBD  ROOT  2 {lemma}
        its       PRON  PRP$ poss  4
        {thing}   NOUN  NNS  dobj  2
        on        ADP   IN   prep  2
        Monday    PROPN NNP  pobj  5
        .         PUNCT .    punct 2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", f"its {thing}", verb)]


@pytest.mark.parametrize("verb, lemma, particle", [
    ("spelled", "spell", "out"),
    ("ticked", "tick", "off"),
])
def test_object_of_a_verb_of_setting_out_words_after_its_particle(verb, lemma, particle):
    # ``the union spelled out its demands``, ``ticked off its demands``: the items set out one by one
    # are what was said (session 47).
    doc = hand_doc(f"The union {verb} {particle} its demands.", f"""
        The        DET   DT   det   1
        union      NOUN  NN   nsubj 2
        {verb}     VERB  VBD  ROOT  2 {lemma}
        {particle} ADP   RP   prt   2
        its        PRON  PRP$ poss  5
        demands    NOUN  NNS  dobj  2 demand
        .          PUNCT .    punct 2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "its demands", verb)]


def test_a_gerund_complement_is_the_object_said():
    doc = hand_doc("The senator proposed taxing carbon.", """
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        proposed VERB  VBD ROOT   2 propose
        taxing   VERB  VBG xcomp  2 tax
        carbon   NOUN  NN  dobj   3
        .        PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "taxing carbon", "proposed")]
    # "proposed to tax carbon" is an infinitive, not a gerund: not this rule's
    doc = hand_doc("The senator proposed to tax carbon.", """
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        proposed VERB  VBD ROOT   2 propose
        to       PART  TO  aux    4
        tax      VERB  VB  xcomp  2
        carbon   NOUN  NN  dobj   4
        .        PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == []


_BY_NAME = """
    The        DET   DT  det    1
    mayor      NOUN  NN  nsubj  4
    had        AUX   VBD aux    4 have
    not        PART  RB  neg    4
    mentioned  VERB  VBN ROOT   4 mention
    the        DET   DT  det    6
    toll       NOUN  NN  dobj   4
    by         ADP   IN  prep   4
    name       NOUN  NN  pobj   7
    .          PUNCT .   punct  4
"""


def test_object_goes_on_with_by_name_right_after_it():
    # ``by name`` says how it was (not) named: part of the content (session 35)
    doc = hand_doc("The mayor had not mentioned the toll by name.", _BY_NAME)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the toll by name", "mentioned")]


def test_object_does_not_take_another_by_phrase():
    doc = hand_doc("The mayor had not mentioned the toll by then.", _BY_NAME.replace("name       NOUN  NN  pobj",
                                                                                    "then       ADV   RB  pcomp"))
    assert found_at(object_of_cue.at, doc) == [("indirect", "the toll", "mentioned")]
