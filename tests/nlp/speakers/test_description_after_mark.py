"""A description right after a quote's closing mark, then a speech verb the parser read as a noun or
hung on the description: the description spoke (our own sentences)."""


def test_the_editorial_read(rule_quotes_in):
    quotes = rule_quotes_in('“If the mayor wants to lead, he should come to the harbour and see it,” the '
                            'editorial read.')
    assert [q.speaker for q in quotes] == ["the editorial"]


def test_an_age_as_the_description(rule_quotes_in):
    quotes = rule_quotes_in('“What if the mayor had taken a boat to work?” the 52-year-old asked in the '
                            'video’s caption.')
    assert [q.speaker for q in quotes] == ["the 52-year-old"]


def test_a_verb_read_as_a_plural_noun_after_a_prepositional_phrase(rule_quotes_in):
    quotes = rule_quotes_in('“They know the levy is the only way to pay for the wall,” a voice-over in the video '
                            'states.')
    assert [q.speaker for q in quotes] == ["a voice-over"]


def test_a_sentence_of_the_writer_after_the_quote_names_no_one(rule_quotes_in):
    quotes = rule_quotes_in('“We will not close the port,” he said. “Never.” The harbour stays open in winter.')
    assert all(q.speaker == "he" for q in quotes)
