"""``When asked by a reporter whether X``: a question put by a named asker is that asker's report
(the ``passive_agent`` speaker rule names them); with no asker named it stays nobody's
(``reported._asker_named``). Our own sentences, parsed by the real model."""


def test_a_question_asked_by_someone_named_is_theirs(rule_quotes_in):
    found = rule_quotes_in("When asked by a reporter whether the levy would pass, Ruiz said she did not know.")
    assert [(q.text, q.speaker, q.cue) for q in found if q.cue == "asked"] == [
        ("whether the levy would pass", "a reporter", "asked")]


def test_a_question_put_to_the_subject_by_nobody_named_is_no_quote(rule_quotes_in):
    found = rule_quotes_in("Asked whether the levy would pass, Ruiz said she did not know.")
    assert [q.text for q in found] == ["she did not know"]


def test_a_participle_of_asking_read_as_a_past_tense_is_no_quote(rule_quotes_in):
    found = rule_quotes_in("Later asked whether the ferry toll was fair, Ostrova said it was.")
    assert [(q.text, q.speaker) for q in found] == [("it was", "Ostrova")]


def test_a_past_tense_with_its_own_subject_still_reports(rule_quotes_in):
    found = rule_quotes_in("After Ostrova asked whether the levy would pass, Berg said he was hopeful.")
    assert ("whether the levy would pass", "Ostrova") in [(q.text, q.speaker) for q in found]
