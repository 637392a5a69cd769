"""A quote that continues one whose speaker is a relative pronoun, in a sentence of its own, takes
the noun the pronoun stands for (our own sentences)."""


def test_a_continued_quote_takes_the_name_not_who(rule_quotes_in):
    quotes = rule_quotes_in("''Sales are up a little,'' said Mr. Okafor, who noted that prices had fallen "
                            "by half. ''Things are moving the right way, but slowly.''")
    last = quotes[-1]
    assert last.text == "Things are moving the right way, but slowly"
    assert last.speaker == "Mr. Okafor" or last.speaker == "Okafor"
