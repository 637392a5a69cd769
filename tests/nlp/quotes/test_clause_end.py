"""Where a reported clause ends (``quotes/clause_end.py``), and the clauses around an attribution set
inside a sentence, on sentences written for these tests and the real model's parse."""

import pytest

pytestmark = pytest.mark.model


def _reports(quotes_in, text):
    return [(q.type, q.text, q.speaker) for q in quotes_in(text)]


@pytest.mark.parametrize("text, content", [
    # A non-restrictive relative clause the reporter adds after the last noun.
    ("The governor said she would sign a budget like the one passed last year in Ohio, which will raise "
     "fees on landlords over five years.", "she would sign a budget like the one passed last year in Ohio"),
    # An adverbial phrase after a comma.
    ("The mayor said the bridge would reopen in May, despite the long delays on the tunnel.",
     "the bridge would reopen in May"),
    # An apposition describing the report.
    ("She said the new rules would help small farmers, a claim nobody has checked.",
     "the new rules would help small farmers"),
    # An apposition with ``the`` describing the report's last noun for the reader (session 17).
    ("The mayor said the council would meet next week with Dana Ruiz, the head of the tenants' union.",
     "the council would meet next week with Dana Ruiz"),
    ("Okafor said the new law would hurt small bakeries in Leeds, the city where he grew up.",
     "the new law would hurt small bakeries in Leeds"),
    # A relative clause of place the reporter adds (session 12).
    ("The mayor said the new clinic would open in Dunmore, where the old mill closed in the spring.",
     "the new clinic would open in Dunmore"),
    # A lone dash after the speaker's quoted words: the reporter's aside (session 41: after a report in
    # the reporter's own words the dash goes on with it, ``test_dash_after_report.py``).
    ("The senator said he was \"pleased\" with the deal — a rare moment of agreement in a bitter session.",
     "he was \"pleased\" with the deal"),
])
def test_reporters_addition_after_a_report_is_not_part_of_it(quotes_in, text, content):
    assert [q.text for q in quotes_in(text)] == [content]


def test_trailing_while_clause_with_its_own_report_is_cut_and_reported_apart(quotes_in):
    assert _reports(quotes_in, "Most voters said they would back the measure, while a third said they were unsure.") == [
        ("indirect", "they would back the measure", "Most voters"), ("indirect", "they were unsure", "a third")]


@pytest.mark.parametrize("text, content", [
    # A relative clause closed by a comma is inside the report.
    ("The minister said the plan, which passed in March, would cost less than expected.",
     "the plan, which passed in March, would cost less than expected"),
    # An apposition with ``the`` closed by a comma is inside the report (session 17).
    ("Okafor said the plan, the first in a decade, would pass easily.",
     "the plan, the first in a decade, would pass easily"),
    # A pair of dashes encloses part of the report.
    ("The union said the strike - its third this year - would go ahead on Monday.",
     "the strike - its third this year - would go ahead on Monday"),
    # A concession may be the speaker's own.
    ("The mayor said the bridge would reopen in May, though the tunnel would stay shut.",
     "the bridge would reopen in May, though the tunnel would stay shut"),
    # A hyphen is no dash.
    ("The firm said in a statement that pre-tax profit would fall this year.", "pre-tax profit would fall this year"),
])
def test_what_is_closed_inside_a_report_stays_in_it(quotes_in, text, content):
    assert [q.text for q in quotes_in(text)] == [content]


def test_speakers_next_act_after_and_ends_the_reported_clause(quotes_in):
    assert _reports(quotes_in, "The coach said the season was over and criticized the referees for the late penalty.") \
        == [("indirect", "the season was over", "The coach")]


def test_commitment_stops_before_the_speakers_next_act(quotes_in):
    quotes = _reports(quotes_in, "The mayor vowed to rebuild the pier and thanked the volunteers for their work.")
    assert ("indirect", "to rebuild the pier", "The mayor") in quotes


def test_attribution_before_a_listener_reports_the_clause_before_it(quotes_in):
    assert _reports(quotes_in, "Voters in the suburbs are tired of the fighting, the pollster told reporters on Tuesday.") \
        == [("indirect", "Voters in the suburbs are tired of the fighting", "the pollster")]


def test_adverbial_clause_before_an_attribution_is_no_quote_of_its_own(quotes_in):
    assert _reports(quotes_in, "While not every claim in the ad is true, the analyst said the message works with "
                               "voters.") == [("indirect", "the message works with voters", "the analyst")]


def test_attribution_inside_a_sentence_with_a_that_clause_after_it_reports_both(quotes_in):
    assert _reports(quotes_in, "There is a real danger, several officials said, that the talks will collapse before the "
                               "summer.") == [
        ("indirect", "There is a real danger", "several officials"),
        ("indirect", "the talks will collapse before the summer", "several officials")]


@pytest.mark.parametrize("text, content, speaker", [
    ("The judge ordered that the records be released by Friday.", "the records be released by Friday", "The judge"),
    ("The council demanded that the company repay the grant.", "the company repay the grant", "The council"),
])
def test_subjunctive_that_clause_is_reported(quotes_in, text, content, speaker):
    assert _reports(quotes_in, text) == [("indirect", content, speaker)]


def test_aside_between_dashes_before_that_is_not_the_report(quotes_in):
    assert _reports(quotes_in, "The spokesman said — on the radio, as it happens — that the talks had failed.") == [
        ("indirect", "the talks had failed", "The spokesman")]


def test_adverbial_clause_before_a_report_gives_no_quote_of_its_own(quotes_in):
    quotes = _reports(quotes_in, "Shortly after the senator left the race, the governor said she would run for the seat.")
    assert quotes == [("indirect", "she would run for the seat", "the governor")]


@pytest.mark.parametrize("text, before, after", [
    ("After the court approved the state's law, the lawyer said, most such laws were thought to be safe from "
     "challenge.", "After the court approved the state's law", "most such laws were thought to be safe from challenge"),
    ("At one point, she said, she was considering a run for the seat.", "At one point",
     "she was considering a run for the seat"),
])
def test_attribution_between_commas_reports_the_clause_after_it_and_the_adverbial_before(quotes_in, text, before,
                                                                                         after):
    assert sorted(q.text for q in quotes_in(text)) == sorted([before, after])


def test_report_of_its_own_after_an_attribution_is_not_continued(quotes_in):
    assert _reports(quotes_in, "The deal is dead, she said, adding that talks could resume in May.") == [
        ("indirect", "The deal is dead", "she"), ("indirect", "talks could resume in May", "she")]


@pytest.mark.parametrize("text, before", [
    ('In the poorer counties, he said, "we do not know what the answer will be."', "In the poorer counties"),
    ('Sooner or later, the governor told reporters, "it starts to pay off."', "Sooner or later"),
])
def test_words_before_an_attribution_a_lower_case_quote_goes_on_from_are_reported(quotes_in, text, before):
    assert [q.text for q in quotes_in(text) if q.type == "indirect"] == [before]


def test_words_before_an_attribution_a_quote_of_its_own_follows_are_not(quotes_in):
    assert [q.type for q in quotes_in('Speaking in Ohio, she said, "We will win this state."')] == ["direct"]
