"""A finite main verb the parser left with no subject, having hung the speaker's phrase on the words
before it (an apposition to a preposition's object, a conjunct after a comma): that phrase is the
subject (``speakers/hung_subject.py``; our own sentences, parsed that way by the base model)."""

import pytest

HUNG = [
    # a conjunct of the opening participle's object ("Ohio, Governor Tom Reyes")
    ("Shaken by the riots in Ohio, Governor Tom Reyes, the party's leader, said that he would call in the guard.",
     "he would call in the guard", "Tom Reyes"),
    # an apposition to the opening preposition's object ("Denver, the agency's chief lawyer")
    ("At the hearing in Denver, the agency's chief lawyer, Ruth Kane, argued that the rule was lawful.",
     "the rule was lawful", "the agency's chief lawyer, Ruth Kane"),
]


@pytest.mark.parametrize("text, content, speaker", HUNG)
def test_the_phrase_hung_before_a_subjectless_verb_is_its_subject(rule_quotes_in, text, content, speaker):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, speaker)]


def test_no_subject_from_a_phrase_without_a_comma(rule_quotes_in):
    quotes = rule_quotes_in("Tell the court in Denver that the rule was lawful.")
    assert [q.speaker for q in quotes if q.text == "the rule was lawful"] in ([], [None])
