"""A quote found without a cue, introduced by a comma or a dash after a clause, is the words of that
clause's subject when it names a source (our own sentences)."""


def test_a_statement_issued_then_quoted_after_a_comma(rule_quotes_in):
    quotes = rule_quotes_in('Right after the vote, Reyes issued a statement, “Last night our city made a choice. '
                            'It was the wrong choice for the port.”')
    assert [q.speaker for q in quotes] == ["Reyes"]


def test_a_dash_after_the_clause_the_parser_hung_on_the_quote(rule_quotes_in):
    quotes = rule_quotes_in('Ortiz also backed the new levy -- "I think the levy is small next to what the '
                            'floods cost us."')
    assert [q.speaker for q in quotes] == ["Ortiz"]


def test_a_clause_whose_subject_is_a_thing_gives_no_speaker(rule_quotes_in):
    quotes = rule_quotes_in('The storm closed the harbour road, “We have never seen water this high on the '
                            'quay in forty years of fishing here.”')
    assert all(q.speaker is None for q in quotes)


def test_a_passive_clause_before_the_comma_gives_its_by_agent(rule_quotes_in):
    quotes = rule_quotes_in('At the town hall, Lee was pressed by host Ann Moss, “Now, you said in the first '
                            'debate that the port would close. Has that changed?”')
    assert [q.speaker for q in quotes] == ["Ann Moss"]
