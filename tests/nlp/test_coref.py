"""Who a speaker is: pronouns, surnames, titles and descriptions resolved to the fullest name."""

import pytest

pytestmark = pytest.mark.model


def test_coref_pronoun_speaker_resolved_to_most_recent_person(quotes_in):
    text = ("Health Minister Karen Holt opened the clinic on Friday.\n\n"
            '"Every town deserves one of these," she said.')
    quotes = quotes_in(text)
    assert [(q.speaker, q.who) for q in quotes] == [("she", "Karen Holt")]


def test_coref_pronoun_gender_skips_incompatible_person(quotes_in):
    text = ("Mr. Daniel Osei met Ms. Laura Kent in Accra. Laura Kent signed the deal.\n\n"
            'Later Daniel Osei spoke to the press. "It is a fair deal," she said.')
    assert [q.who for q in quotes_in(text)] == ["Laura Kent"]


def test_coref_pronoun_before_any_name_takes_next_subject(quotes_in):
    text = ('"The talks are over," she said on Tuesday.\n\n'
            "Foreign Minister Ines Duarte left Geneva after the meeting.")
    assert [q.who for q in quotes_in(text)] == ["Ines Duarte"]


def test_coref_surname_speaker_resolved_to_full_name(quotes_in):
    text = ("Chancellor Olaf Brandt arrived late.\n\n"
            '"We need more time," Brandt said.')
    quotes = quotes_in(text)
    assert [(q.speaker, q.who) for q in quotes] == [("Brandt", "Olaf Brandt")]


def test_coref_he_follows_previous_speaker_across_paragraphs(quotes_in):
    text = ('"Today we make decisions," Coach Aaron Webb said.\n\n'
            "Fans cheered as the team left.\n\n"
            '"We will also train harder," he added.')
    assert [q.who for q in quotes_in(text)] == ["Aaron Webb", "Aaron Webb"]


def test_coref_apposition_name_is_who_the_description_is(quotes_in):
    text = "Exports will rise, said the head of the trade office, Nadia Rahim."
    quotes = quotes_in(text)
    assert quotes[0].speaker == "the head of the trade office, Nadia Rahim"
    assert quotes[0].who == "Nadia Rahim"


def test_coref_description_matches_title_given_with_the_name(quotes_in):
    text = ("The company's spokesperson, Julia Marsh, declined to comment on Monday.\n\n"
            "The spokesperson said that the factory would stay open.")
    quotes = quotes_in(text)  # "declined to comment" is a quote too, by the name itself
    assert [(q.speaker, q.who) for q in quotes if q.cue == "said"] == [("The spokesperson", "Julia Marsh")]
