"""A verb of a feeling caused (``quotes.feeling_caused``, ``speakers.experiencer``): the subject is
what the one who feels reacts to, the object is that one; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.quotes import feeling_caused
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The new zoning plan angered Mayor Ortiz.", "The new zoning plan", "angered", "Ortiz"),
    ("The sudden tariff rattled Brazilian coffee farmers.", "The sudden tariff", "rattled",
     "Brazilian coffee farmers"),
    ("Her surprise win emboldened the Greens.", "Her surprise win", "emboldened", "Greens"),
])
def test_the_cause_is_the_content_and_the_one_who_feels_the_speaker(rule_quotes_in, text, content, cue, speaker):
    quotes = rule_quotes_in(text)
    assert [(q.type, q.text, q.cue, q.speaker) for q in quotes] == [("indirect", content, cue, speaker)]


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The union was angered by the new zoning plan.", "the new zoning plan", "angered", "The union"),
    ("Dairy farmers have been alarmed by the import quota.", "the import quota", "alarmed", "Dairy farmers"),
    ("Bondholders were rattled that the council had skipped a payment.", "the council had skipped a payment",
     "rattled", "Bondholders"),  # the clause's `that` left out (`quotes/leading_that.py`)
])
def test_in_the_passive_the_subject_feels_and_the_cause_is_the_content(rule_quotes_in, text, content, cue, speaker):
    quotes = rule_quotes_in(text)
    assert [(q.type, q.text, q.cue, q.speaker) for q in quotes] == [("indirect", content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The old windows were rattled by the storm.",     # passive: a thing feels nothing
    "The storm rattled the old windows.",             # a thing feels nothing
    "Coffee farmers worried that the tariff would stay.",  # a subject who feels: another rule's
])
def test_no_reaction_of_an_object_who_feels(rule_quotes_in, text):
    assert not [q for q in rule_quotes_in(text) if q.cue in ("angered", "rattled")]
    assert not [q for q in rule_quotes_in(text) if q.speaker in ("the old windows", "that")]


def test_a_relative_pronoun_subject_is_not_read_as_the_cause():
    doc = hand_doc("Voss made a ruling that angered Ortiz.", """
        Voss    PROPN NNP  nsubj  1
        made    VERB  VBD  ROOT   1 make
        a       DET   DT   det    3
        ruling  NOUN  NN   dobj   1
        that    PRON  WDT  nsubj  5
        angered VERB  VBD  relcl  3 anger
        Ortiz   PROPN NNP  dobj   5
        .       PUNCT .    punct  1
    """)
    assert found_at(feeling_caused.at, doc) == []


def test_the_rule_reads_its_own_hand_built_sentence():
    doc = hand_doc("The ruling dismayed Ortiz.", """
        The      DET   DT   det    1
        ruling   NOUN  NN   nsubj  2
        dismayed VERB  VBD  ROOT   2 dismay
        Ortiz    PROPN NNP  dobj   2
        .        PUNCT .    punct  2
    """)
    assert found_at(feeling_caused.at, doc) == [("indirect", "The ruling", "dismayed")]
