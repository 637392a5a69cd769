"""A quote found without a cue whose words are the direct object of a verb before them, with no
comma or colon between (``Mayor Ruiz welcomed "…"``), is that verb's subject's (our own sentences)."""


def test_the_subject_of_the_verb_the_quote_is_the_object_of_speaks(rule_quotes_in):
    quotes = rule_quotes_in('Mayor Ruiz welcomed "a fair and open vote on the future of the port."')
    assert [(q.text, q.speaker) for q in quotes] == [("a fair and open vote on the future of the port", "Mayor Ruiz")]


def test_a_thing_as_subject_speaks_for_no_one(rule_quotes_in):
    quotes = rule_quotes_in('The storm brought "a fair and open vote on the future of the port."')
    assert all(q.speaker is None for q in quotes)


def test_a_quote_the_parser_hung_beside_a_naming_verbs_object(rule_quotes_in):
    quotes = rule_quotes_in('Senator Ann Lowe, for her part, is labeling the bill “a reckless grab for power.”')
    # (since session 28 the naming rule reads the quoted name with the object: one mixed quote)
    assert [(q.text, q.speaker) for q in quotes] == [("the bill “a reckless grab for power.”", "Ann Lowe")]
