"""A headline in title case: the capitalised words before the capitalised cue verb, from the start of
the line, are the speaker (our own sentences)."""


def test_a_name_before_says_in_a_title_case_headline(rule_quotes_in):
    quotes = rule_quotes_in('Mayor Ruiz Says He Never Promised To Close The Port.\n\n'
                            'The mayor said on Monday that he never promised it.')
    assert [(q.cue, q.speaker) for q in quotes][0] == ("Says", "Mayor Ruiz")


def test_a_group_before_another_cue_verb(rule_quotes_in):
    quotes = rule_quotes_in('Flood Survivors Explain Why They Back The New Levy\n\nThe survivors said so.')
    assert [(q.cue, q.speaker) for q in quotes][0] == ("Explain", "Flood Survivors")


def test_a_sentence_case_line_is_left_to_the_parse(rule_quotes_in):
    quotes = rule_quotes_in('The harbour board says the port plan will pass in May.')
    assert [q.speaker for q in quotes] == ["The harbour board"]
