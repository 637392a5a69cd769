"""A speaker's relative clause the parser read as a clause of the cue verb, leaving the verb with no
subject: the noun the ``who`` follows spoke (our own sentences)."""


def test_the_noun_before_who_speaks_when_the_verb_lost_its_subject(rule_quotes_in):
    quotes = rule_quotes_in('One delegate, who like most of the others spoke without giving a name, said the mood '
                            'was that "this will not end in March."')
    assert [q.speaker for q in quotes] == ["One delegate"]


def test_a_name_an_adverb_and_who(rule_quotes_in):
    quotes = rule_quotes_in('Lee, meanwhile, who has no such ties, said the gap makes plain '
                            'which of the two is "ready to take on the old guard."')
    assert [q.speaker for q in quotes] == ["Lee"]


def test_the_inverted_speaker_with_a_relative_clause(rule_quotes_in):
    quotes = rule_quotes_in('"Somebody came in and said we should close the road," said the clerk, who like '
                            'many in the village did not want to be named.')
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Somebody came in and said we should close the road", "the clerk")]


def test_a_verb_with_its_own_subject_keeps_it(rule_quotes_in):
    quotes = rule_quotes_in('The mayor, who spoke after the clerk, said the road would close in May.')
    assert [q.speaker for q in quotes] == ["The mayor"]
