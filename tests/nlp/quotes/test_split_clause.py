"""``The new schedule, said Ruiz, a clerk, will fail.``: an attribution with its verb first inside a
clause, parsed with the speaker as the subject of the clause's rest, reports both pieces of the clause
for the speaker (``quotes/split_clause.py``, ``fronted_subject.misplaced_speaker``). Our own sentences,
parsed by the real model."""


def test_both_pieces_of_a_thing_subjects_clause_go_to_the_speaker_after_the_verb(rule_quotes_in):
    found = rule_quotes_in("The new ferry schedule, said Ruiz, a member of the board, will fail by June.")
    assert [(q.text, q.speaker) for q in found] == [
        ("The new ferry schedule", "Ruiz"), ("will fail by June", "Ruiz")]


def test_someone_before_the_verb_still_reports_the_clause_after_it(rule_quotes_in):
    found = rule_quotes_in("The mayor, who leads the board, said Ruiz, a clerk, would resign.")
    assert [(q.text, q.speaker) for q in found] == [("Ruiz, a clerk, would resign", "The mayor")]
