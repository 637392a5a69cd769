"""Who a speaker is: names inside quotes, two people sharing a surname, descriptions by nationality
or organisation, unnamed sources and titles; sentences written for these tests."""

import pytest

pytestmark = pytest.mark.model


def test_coref_pronoun_skips_names_inside_quotes(quotes_in):
    quotes = quotes_in('Helen Baird runs the bakery on Mill Street. She opened it in 1998.\n\n'
                       '"My mother taught me everything, and Mum never once complained," she said.')
    assert quotes[0].speaker == "she" and quotes[0].who == "Helen Baird"


def test_coref_full_name_resolves_to_itself_not_a_namesake(quotes_in):
    quotes = quotes_in("David Oduya said the school would reopen. His daughter, Margaret Oduya, said she "
                       "was relieved. Oduya added that the roof had been fixed.")
    who = {q.text: q.who for q in quotes}
    assert who["the school would reopen"] == "David Oduya"
    assert who["she was relieved"] == "Margaret Oduya"
    assert who["the roof had been fixed"] == "Margaret Oduya"  # the Oduya named last


def test_coref_nationality_description_is_the_last_named_subject(quotes_in):
    quotes = quotes_in('Lars Eriksen crossed the line first on Sunday.\n\n'
                       '"I had nothing left at the end," the Dane said.')
    assert quotes[0].speaker == "the Dane" and quotes[0].who == "Lars Eriksen"


def test_coref_organisation_description_never_resolves_to_a_person(quotes_in):
    quotes = quotes_in("Sofia Brandt was named chief executive of Lumen Holdings in May. The company said "
                       "revenue had fallen sharply.")
    said = next(q for q in quotes if q.text == "revenue had fallen sharply")  # (the naming: a quote without a source)
    assert said.speaker == "The company" and said.who == "The company"
    quotes = quotes_in("Officials at the Foreign Ministry met Anna Kovac on Monday. The ministry said talks "
                       "would continue.")
    assert next(q for q in quotes if q.text == "talks would continue").who == "Foreign Ministry"


def test_coref_unnamed_sources_stay_unresolved(quotes_in):
    quotes = quotes_in("Ryan Cole founded Skyline Air in 2004. The airline will cut 300 jobs, according to "
                       "two people familiar with the matter.")
    assert quotes[-1].speaker == "two people familiar with the matter"
    assert quotes[-1].who == quotes[-1].speaker


def test_coref_title_is_not_part_of_the_name(quotes_in, nlp_model):
    text = "The plan was approved, said Councillor Mark Ellison. Ellison said the work would start in spring."
    quotes = quotes_in(text)
    assert [q.who for q in quotes] == ["Mark Ellison", "Mark Ellison"]
    assert ("Mark Ellison", "PERSON") in {(e.text, e.label_) for e in nlp_model(text).ents}


def test_speakers_dateline_does_not_take_the_first_name(quotes_in, nlp_model):
    text = "LONDON - Maya Lindqvist said the plan was sound."
    assert quotes_in(text)[0].speaker == "Maya Lindqvist"
    assert {(e.text, e.label_) for e in nlp_model(text).ents} == {("LONDON", "GPE"), ("Maya Lindqvist", "PERSON")}


def test_coref_organisation_named_in_apposition_or_as_subject_of_its_report(quotes_in):
    quotes = quotes_in("The nurses' union, Unison Health, said it would ballot members.")
    assert quotes[0].who == "Unison Health"
    quotes = quotes_in("Halvorsen Shipping Ltd will close two yards, the company said on Monday.")
    assert quotes[0].who == "Halvorsen Shipping Ltd"


def test_coref_description_brought_in_unnamed_is_not_the_last_named_person(quotes_in):
    quotes = quotes_in("The board hired a consultant to study the fares. Tomas Reyes, who runs a bakery, "
                       "argued that a pass would cost too much.\n\nAccording to the consultant, the ferry "
                       "lost money every year.")
    said = next(q for q in quotes if q.text.startswith("the ferry lost money"))
    assert said.speaker == "the consultant" and said.who == "the consultant"
    quotes = quotes_in('Lars Eriksen crossed the line first on Sunday. A rider from Bergen was second.\n\n'
                       '"I had nothing left at the end," the Dane said.')
    assert quotes[0].who == "Lars Eriksen"  # (no Dane brought in unnamed: the last named subject)


def test_coref_a_fuller_description_still_finds_the_last_named_subject(quotes_in):
    quotes = quotes_in("The county hired a governor's aide last year. Mara Quist won the race on Tuesday.\n\n"
                       '"We start tomorrow," the new governor said.')
    assert quotes[0].who == "Mara Quist"
