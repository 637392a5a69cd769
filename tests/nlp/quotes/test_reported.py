"""The reported-clause rule on hand-built parses: ``X said (that) CLAUSE``."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _minister(verb: str, lemma: str) -> str:
    return f"""
        The       DET   DT  det    1
        minister  NOUN  NN  nsubj  2
        {verb}    VERB  VBD ROOT   2 {lemma}
        that      SCONJ IN  mark   7
        the       DET   DT  det    5
        plan      NOUN  NN  nsubj  7
        would     AUX   MD  aux    7
        work      VERB  VB  ccomp  2
        .         PUNCT .   punct  2
    """


def test_reported_clause_after_a_speech_verb_without_its_that():
    doc = hand_doc("The minister said that the plan would work.", _minister("said", "say"))
    assert found_at(reported.at, doc) == [("indirect", "the plan would work", "said")]


def test_reported_question_keeps_its_whether():
    """A question's ``whether`` is part of what was asked; a statement's ``that`` is left out."""
    rows = _minister("asked", "ask").replace("that      SCONJ IN  mark", "whether   SCONJ IN  mark")
    doc = hand_doc("The minister asked whether the plan would work.", rows)
    assert found_at(reported.at, doc) == [("indirect", "whether the plan would work", "asked")]


def test_reported_clause_leaves_out_its_that_whatever_the_parser_hangs_it_as():
    """``that`` as a conjunction (IN) opens the clause even where the parser makes it no ``mark``."""
    rows = _minister("said", "say").replace("that      SCONJ IN  mark", "that      SCONJ IN  nsubj")
    doc = hand_doc("The minister said that the plan would work.", rows)
    assert found_at(reported.at, doc) == [("indirect", "the plan would work", "said")]


def test_reported_clause_of_a_verb_added_by_extra_cue_verbs():
    doc = hand_doc("The minister grumbled that the plan would work.", _minister("grumbled", "grumble"))
    assert found_at(reported.at, doc) == []
    assert found_at(reported.at, doc, Lexicon(extra=["grumble"])) == [
        ("indirect", "the plan would work", "grumbled")]


def test_reported_clause_of_a_first_person_speaker_is_not_a_report():
    doc = hand_doc("I think the plan will work.", """
        I     PRON  PRP nsubj  1
        think VERB  VBP ROOT   1
        the   DET   DT  det    3
        plan  NOUN  NN  nsubj  5
        will  AUX   MD  aux    5
        work  VERB  VB  ccomp  1
        .     PUNCT .   punct  1
    """)
    assert found_at(reported.at, doc) == []


@pytest.mark.parametrize("verb, tag, aux, aux_tag, found", [
    ("is", "VBZ", None, None, [("indirect", "the plan is flawed", "believe")]),
    ("be", "VB", "to", "TO", []),  # "believe the plan to be flawed": no tensed verb, no report
])
def test_reported_clause_of_a_cognition_verb_needs_a_tensed_verb(verb, tag, aux, aux_tag, found):
    aux_row = f"{aux} PART {aux_tag} aux 5" if aux else ""
    be = 5 if aux else 4
    rows = f"""
        Analysts NOUN  NNS nsubj  1
        believe  VERB  VBP ROOT   1
        the      DET   DT  det    3
        plan     NOUN  NN  nsubj  {be}
        {aux_row}
        {verb}   AUX   {tag} ccomp 1 be
        flawed   ADJ   JJ  acomp  {be}
        .        PUNCT .   punct  1
    """
    text = f"Analysts believe the plan {aux + ' ' if aux else ''}{verb} flawed."
    doc = hand_doc(text, rows)
    assert found_at(reported.at, doc) == found


def test_reported_clause_of_a_verb_of_another_class_needs_its_lexicon_entry():
    doc = hand_doc("The minister noticed that the plan would work.", _minister("noticed", "notice"))
    assert found_at(reported.at, doc) == [("indirect", "the plan would work", "noticed")]
    assert found_at(reported.at, doc, Lexicon(clause_verbs=[])) == []


def test_reported_clause_of_a_cue_inside_another_verbs_clause_is_left():
    # "The minister wants to say that the plan would work": what is meant to be said, by nobody yet.
    doc = hand_doc("The minister wants to say that the plan would work.", """
        The       DET   DT  det    1
        minister  NOUN  NN  nsubj  2
        wants     VERB  VBZ ROOT   2 want
        to        PART  TO  aux    4
        say       VERB  VB  xcomp  2
        that      SCONJ IN  mark   9
        the       DET   DT  det    7
        plan      NOUN  NN  nsubj  9
        would     AUX   MD  aux    9
        work      VERB  VB  ccomp  4
        .         PUNCT .   punct  2
    """)
    assert found_at(reported.at, doc) == []


def test_pointing_out_reports_its_clause():
    doc = hand_doc("The governor pointed out that the budget was balanced.", """
        The       DET   DT  det      1
        governor  NOUN  NN  nsubj    2
        pointed   VERB  VBD ROOT     2 point
        out       ADP   RP  prt      2
        that      SCONJ IN  mark     8
        the       DET   DT  det      6
        budget    NOUN  NN  nsubjpass 8
        was       AUX   VBD auxpass  8 be
        balanced  VERB  VBN ccomp    2 balance
        .         PUNCT .   punct    2
    """)
    assert found_at(reported.at, doc) == [("indirect", "the budget was balanced", "pointed")]


def test_a_thinking_verb_after_a_preposition_reports_nothing_but_a_speech_verb_does():
    rows = """
        The       DET   DT  det    1
        study     NOUN  NN  nsubj  2
        ended     VERB  VBD ROOT   2 end
        by        ADP   IN  prep   2
        {verb}    VERB  VBG pcomp  3 {lemma}
        that      SCONJ IN  mark   8
        the       DET   DT  det    7
        plan      NOUN  NN  nsubj  8
        failed    VERB  VBD ccomp  4 fail
        .         PUNCT .   punct  2
    """
    doc = hand_doc("The study ended by showing that the plan failed.", rows.format(verb="showing", lemma="show"))
    assert found_at(reported.at, doc) == []
    doc = hand_doc("The mayor ended by saying that the plan failed.",
                   rows.replace("study ", "mayor ").format(verb="saying", lemma="say"))
    assert found_at(reported.at, doc) == [("indirect", "the plan failed", "saying")]


def test_a_report_the_parser_hangs_on_the_clause_after_a_semicolon_is_found(quotes_in):
    found = quotes_in('Many voters said they believe the mayor was born outside the state; 29 percent were unsure.')
    assert [(q.type, q.text, q.speaker) for q in found] == [
        ("indirect", "they believe the mayor was born outside the state", "Many voters")]


def test_a_cue_verb_inside_another_verbs_clause_still_reports_nothing(rule_quotes_in):
    assert rule_quotes_in("The mayor tries to say that the bridge is safe.") == []
