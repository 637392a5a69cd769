"""``--order uncertain`` reads how unsure a document's pre-labels look off the task alone."""

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
