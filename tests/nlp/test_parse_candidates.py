"""The spans the parse proposes as quote contents, for a span classifier to choose among."""

import pytest

from annotator.nlp.parse_candidates import attribution_candidates, parse_candidates
from annotator.nlp.pipeline import COMPONENTS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def proposed(nlp_model):
    def texts(text: str) -> set[str]:
        with nlp_model.select_pipes(disable=list(COMPONENTS)):
            doc = nlp_model(text)
        return {doc[start:end].text for start, end in parse_candidates(doc)}
    return texts


def test_a_complement_clause_is_proposed_without_its_that(proposed):
    assert "the ferry would run all winter" in proposed("Nadia Quell insisted that the ferry would run all winter.")


def test_what_follows_a_colon_is_proposed(proposed):
    found = proposed("The mayor gave her answer: the library stays open on Sundays.")
    assert "the library stays open on Sundays" in found


def test_the_words_inside_quotation_marks_are_proposed(proposed):
    found = proposed('"We will rebuild the pier by June," the harbour master told the crowd.')
    assert "We will rebuild the pier by June" in found
    # And what comes before an inverted attribution's comma.
    assert any(text.startswith('"We will rebuild') for text in found)


def test_an_object_and_an_infinitive_complement_are_proposed(proposed):
    assert "a fresh look at the tram fares" in proposed("The council promised a fresh look at the tram fares.")
    assert "to close the quarry" in proposed("The owners are expected to close the quarry.")


def test_speaker_and_cue_candidates_include_short_spans(nlp_model):
    doc = nlp_model("Nadia Quell insisted that the ferry would run.")
    texts = {doc[s:e].text for s, e in attribution_candidates(doc)}
    assert {"Nadia Quell", "insisted", "the ferry would run"} <= texts
    # Nothing over a paragraph break.
    doc = nlp_model("The ferry is late\n\nand nobody said why.")
    assert all("\n" not in doc[s:e].text for s, e in attribution_candidates(doc))


def test_speakers_and_cues_come_from_the_parse_not_from_every_run_of_words(nlp_model):
    from annotator.nlp.parse_candidates import _View, _word_runs, speaker_and_cue_candidates

    doc = nlp_model("A spokeswoman for the harbour authority has repeatedly said that the ferry would run, "
                    "and according to the captain it will.")
    found = {doc[s:e].text for s, e in speaker_and_cue_candidates(doc)}
    # A speaker with its prepositional phrase, verb groups with their auxiliaries and adverbs, a
    # cue word with its preposition, and every single word.
    assert {"A spokeswoman for the harbour authority", "the captain", "has repeatedly said", "said",
            "according to", "ferry"} <= found
    # Runs that are neither a phrase nor a verb group are not proposed.
    assert "authority has repeatedly" not in found and "would run ," not in found
    assert len(found) < len(_word_runs(_View(doc), 3))
