"""A finite main verb the parser left with no subject, having hung the speaker's phrase on the words
before it (an apposition to a preposition's object, a conjunct after a comma): that phrase is the
subject (``speakers/hung_subject.py``; our own sentences, parsed that way by the base model)."""


def test_a_subject_hung_as_a_conjunct_after_an_opening_participle(rule_quotes_in):
    quotes = rule_quotes_in("Shaken by the riots in Ohio, Governor Tom Reyes, the party's leader, said that he "
                            "would call in the guard.")
    assert [(q.text, q.speaker) for q in quotes] == [("he would call in the guard", "Tom Reyes")]


def test_a_subject_hung_as_an_apposition_after_an_opening_phrase(rule_quotes_in):
    quotes = rule_quotes_in("At the hearing in Denver, the agency's chief lawyer, Ruth Kane, argued that the "
                            "rule was lawful.")
    assert [(q.text, q.speaker) for q in quotes] == [("the rule was lawful", "the agency's chief lawyer, Ruth Kane")]


def test_no_subject_from_a_phrase_without_a_comma(rule_quotes_in):
    quotes = rule_quotes_in("Tell the court in Denver that the rule was lawful.")
    assert [q.speaker for q in quotes if q.text == "the rule was lawful"] in ([], [None])
