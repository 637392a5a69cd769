"""A cue participle after a preposition (``by saying``, ``after adding``) speaks for the subject of the
verb the preposition hangs from, the preposition being no step of its own (our own sentences)."""


def test_by_saying_speaks_for_the_subject_two_verbs_up(rule_quotes_in):
    quotes = rule_quotes_in('The governor appeared to defend his plans by saying, “We are trying to keep '
                            'people safe. We cannot wait any longer.”')
    assert [(q.cue, q.speaker) for q in quotes] == [("saying", "The governor")]


def test_a_participle_after_a_preposition_under_the_main_verb_keeps_its_subject(rule_quotes_in):
    quotes = rule_quotes_in('The mayor closed the meeting after saying that the budget would pass.')
    assert [(q.text, q.speaker) for q in quotes] == [("the budget would pass", "The mayor")]


def test_a_participle_after_a_preposition_on_the_verbs_object_speaks_for_the_verbs_subject(rule_quotes_in):
    # ``for`` hangs from the object (``criticism``), which has no subject: the verb's subject speaks
    quotes = rule_quotes_in("The senator drew sharp criticism for telling voters that the war was over.")
    assert [(q.text, q.speaker) for q in quotes] == [("the war was over", "The senator")]
    quotes = rule_quotes_in("The mayor made a point of saying that the park would stay open.")
    assert [(q.text, q.speaker) for q in quotes] == [("the park would stay open", "The mayor")]


def test_a_participle_after_a_preposition_on_a_prepositions_object_speaks_for_the_main_verbs_subject(rule_quotes_in):
    quotes = rule_quotes_in("In addition to stating that the tax was fair, the mayor vowed to cut fees.")
    assert ("the tax was fair", "the mayor") in [(q.text, q.speaker) for q in quotes]
