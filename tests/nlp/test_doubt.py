"""``--order uncertain`` reads how unsure a document's pre-labels look off the task alone."""

import msgspec
import pytest

from annotator.nlp.doubt import doubt
from tests.formats.records_by_hand import make_task


def test_an_attributed_direct_quote_leaves_no_doubt():
    task = make_task('"We will rebuild the bridge," said Ana Lopez.',
                     [("QUOTE:direct", "We will rebuild the bridge,"), ("SPEAKER", "Ana Lopez"), ("CUE", "said")],
                     [(0, 1, "SAID_BY"), (0, 2, "CUE")])
    assert doubt(task).score == 0


def test_a_quote_without_speaker_or_cue_of_a_weak_kind_counts_each_sign():
    task = make_task("Officials warned that the dam could fail.", [("QUOTE:indirect", "the dam could fail")])
    signs = doubt(task).signs
    assert signs["no speaker"] == 1 and signs["no cue"] == 1 and signs["weak kind"] == 1
    # "warned" cues no quote here (no CUE span): a possible miss too.
    assert signs["cue word without quote"] == 1
    assert doubt(task).score == 3.0


def test_a_speech_verb_and_quoted_words_nobody_labeled_are_possible_misses():
    unlabeled = make_task('Ben Ortiz told us the plan failed. "It was never going to work out," he added.')
    labeled = make_task("Ben Ortiz walked to the station. The train was late.")
    assert doubt(unlabeled).signs["cue word without quote"] == 1  # "told" ("added" is too often not speech)
    assert doubt(unlabeled).signs["quoted words without quote"] == 1
    assert doubt(unlabeled).score > doubt(labeled).score == 0


def test_suggestions_near_even_odds_weigh_more_than_sure_ones():
    from tests.nlp.suggested_tasks import hunches

    even, sure, unlikely = doubt(hunches(0.5)).score, doubt(hunches(0.95)).score, doubt(hunches(0.05)).score
    assert even == 2.0  # one bit each
    assert sure == pytest.approx(unlikely) and sure < 0.6  # both near certain: 0.29 bits each
    assert doubt(hunches(None)).score == even  # no score: as unsure as can be


def test_a_cue_word_a_suggestion_offers_counts_through_its_score_not_as_a_miss():
    from tests.nlp.suggested_tasks import suggested

    text = "Neighbours claimed the lake was drying up."
    blind = doubt(make_task(text)).signs
    offered = doubt(suggested(text, [("the lake was drying up", "claimed", "Neighbours", 0.9)])).signs
    assert blind["cue word without quote"] == 1 and offered["cue word without quote"] == 0
    assert 0.46 < offered["suggestion entropy"] < 0.47


def test_a_pre_labeled_quote_with_a_models_score_adds_its_entropy():
    task = make_task("Farmers said the harvest was late.", [("QUOTE:indirect", "the harvest was late")])
    unsure = task.copy()
    unsure.spans[0] = msgspec.structs.replace(task.spans[0], score=0.5)
    assert doubt(unsure).score - doubt(task).score == 1.0


def test_density_reads_the_signs_per_thousand_characters_so_length_alone_adds_no_doubt():
    one = "Officials warned that the dam could fail. " + "The river rose all week. " * 40
    twice = one + "Farmers claimed the fields were lost. " + "The river rose all week. " * 40
    short, long = doubt(make_task(one)), doubt(make_task(twice))
    assert long.score == 2 * short.score and long.density == pytest.approx(short.density, rel=0.05)
    # a document under 1,000 characters counts as 1,000 long
    assert doubt(make_task("Officials warned that the dam could fail.")).density == pytest.approx(1.0)
