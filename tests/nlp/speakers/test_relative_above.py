"""A cue verb sharing the subject of a relative clause (coordinated with its verb, or a participle
under it) speaks through the relative pronoun, as a cue in the relative clause itself does (our
own sentences)."""


def test_a_coordinated_verb_in_a_relative_clause(rule_quotes_in):
    quotes = rule_quotes_in('Senator McAdam, who has both backed the mayor and criticized his port plan, '
                            'spoke on Tuesday.')
    assert [(q.cue, q.speaker, q.who) for q in quotes] == [
        ("backed", "who", "McAdam"), ("criticized", "who", "McAdam")]


def test_a_participle_after_a_preposition_in_a_relative_clause(rule_quotes_in):
    quotes = rule_quotes_in('They met Senator Paul Ruiz, who a week ago surprised the mayor by declaring he '
                            'could not yet support the plan.')
    assert [(q.cue, q.speaker, q.who) for q in quotes] == [("declaring", "who", "Paul Ruiz")]


def test_a_main_clause_verb_keeps_its_named_subject(rule_quotes_in):
    quotes = rule_quotes_in('Senator Ruiz, who chairs the board, criticized the port plan and said it would '
                            'fail.')
    assert all(q.speaker == "Senator Ruiz" or q.speaker == "Ruiz" for q in quotes) and quotes
