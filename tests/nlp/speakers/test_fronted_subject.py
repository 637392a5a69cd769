"""A dateline or a fronted time or place that the parser reads as a second subject of the verb is
not who spoke: the subject right before the verb is (``speakers/fronted_subject.py``); sentences
of our own, hand-built Docs for the shapes and the real model for two datelines."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.speakers.fronted_subject import nearest_subject


_VOCAB = spacy.blank("en").vocab


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps)


def subjects(doc: Doc, verb: int) -> tuple[str, str]:
    first = next(t for t in doc[verb].lefts if t.dep_ == "nsubj")
    return first.text, nearest_subject(doc[verb], first).text


def test_a_dateline_read_as_a_subject_gives_way_to_the_speaker():
    # DENVER – Ruth Kane said …
    doc = parsed(["DENVER", "–", "Ruth", "Kane", "said", "it"], [4, 0, 3, 4, 4, 4],
                 ["nsubj", "punct", "compound", "nsubj", "ROOT", "dobj"])
    assert subjects(doc, 4) == ("DENVER", "Kane")


def test_a_fronted_time_set_off_by_a_comma_gives_way_to_the_speaker():
    # The night before , Kane was blunt
    doc = parsed(["The", "night", "before", ",", "Kane", "was", "blunt"], [1, 5, 1, 5, 5, 5, 5],
                 ["det", "nsubj", "advmod", "punct", "nsubj", "ROOT", "acomp"])
    assert subjects(doc, 5) == ("night", "Kane")


def test_a_relative_pronoun_read_as_a_first_subject_gives_way_to_the_cues_own():
    # the toll , which Hale argued helps …
    doc = parsed(["the", "toll", ",", "which", "Hale", "argued", "helps"], [1, 1, 1, 5, 5, 1, 5],
                 ["det", "ROOT", "punct", "nsubj", "nsubj", "relcl", "xcomp"])
    doc[3].tag_ = "WDT"
    doc[4].tag_ = "NNP"
    assert subjects(doc, 5) == ("which", "Hale")


@pytest.mark.parametrize("words, heads, deps", [
    # Kane , Ruiz and Park said: a list
    (["Kane", ",", "Ruiz", "and", "Park", "said"], [5, 0, 5, 2, 2, 5],
     ["nsubj", "punct", "nsubj", "cc", "conj", "ROOT"]),
    # Kane , the chair , said: an apposition set off before the verb (the comma on the verb)
    (["Kane", ",", "the", "chair", ",", "said"], [5, 0, 3, 5, 5, 5],
     ["nsubj", "punct", "det", "nsubj", "punct", "ROOT"]),
    # The trustees – all of them – both said: a floating quantifier
    (["The", "trustees", "–", "all", "of", "them", "–", "both", "said"], [1, 8, 1, 1, 3, 4, 1, 8, 8],
     ["det", "nsubj", "punct", "appos", "prep", "pobj", "punct", "nsubj", "ROOT"]),
    # Kane Ruiz said: nothing sets the first off
    (["Kane", "Ruiz", "said"], [2, 2, 2], ["nsubj", "nsubj", "ROOT"]),
])
def test_the_first_subject_stays_when_no_dateline_is_set_off(words, heads, deps):
    doc = parsed(words, heads, deps)
    verb = deps.index("ROOT")
    first, nearest = subjects(doc, verb)
    assert nearest == first


@pytest.mark.model
@pytest.mark.parametrize("text, speaker", [
    ("Boston (Reuters) – Senator Mark Hale has criticized the new toll plan, saying that it would hurt every "
     "commuter on the coast.", "Mark Hale"),
    ("Leeds (AFP) – Council leader Ann Pike has taken a swipe at the bus company, saying that late buses cost "
     "the city dearly.", "Ann Pike"),
])
def test_the_speaker_after_a_dateline_and_agency(rule_quotes_in, text, speaker):
    speakers = [q.speaker for q in rule_quotes_in(text)]
    assert speakers and set(speakers) == {speaker}


def test_an_inverted_attribution_inside_a_clause_has_the_subject_after_its_verb():
    # The plan , said Ruiz , will fail  (the parser hangs both subjects on said)
    doc = parsed(["The", "plan", ",", "said", "Ruiz", ",", "will", "fail"], [1, 3, 1, 7, 3, 3, 7, 7],
                 ["det", "nsubj", "punct", "parataxis", "nsubj", "punct", "aux", "ROOT"])
    assert subjects(doc, 3) == ("plan", "Ruiz")


def test_a_clause_subject_hung_on_the_verb_after_it_is_not_the_speaker():
    # Ruiz , a clerk , said fares -- old ones -- rise  (no comma or end after fares)
    doc = parsed(["Ruiz", ",", "a", "clerk", ",", "said", "fares", "--", "old", "ones", "--", "rise"],
                 [5, 0, 3, 0, 0, 5, 5, 6, 9, 6, 6, 5],
                 ["nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj", "punct", "amod", "appos", "punct", "ccomp"])
    assert subjects(doc, 5) == ("Ruiz", "Ruiz")


def test_a_clause_split_by_an_inverted_attribution_gives_both_pieces_to_the_speaker(rule_quotes_in):
    found = rule_quotes_in("The plan, said Ruiz, will fail by June.")
    assert [(q.text, q.speaker) for q in found] == [("The plan", "Ruiz"), ("will fail by June", "Ruiz")]
