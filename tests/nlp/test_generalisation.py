"""Patterns found on the news_dev articles, each checked on sentences written separately from them."""

import pytest
import spacy

from annotator.nlp.paragraphs import dateline_end, dateline_place

pytestmark = pytest.mark.model


def _ents(nlp_model, text):
    return {(e.text, e.label_) for e in nlp_model(text).ents}


def test_paragraphs_dateline_found_only_before_a_dash():
    nlp = spacy.blank("en")
    doc = nlp("PARIS, March 4 (AFP) — Farmers blocked roads.")
    assert dateline_end(doc, 0) == 8 and dateline_place(doc, 0) == (0, 1)
    assert dateline_end(nlp("NATO leaders met today - and agreed."), 0) is None
    assert dateline_end(nlp("The vote - finally."), 0) is None


def test_quotes_dateline_is_not_part_of_the_speaker(quotes_in):
    quotes = quotes_in('BERLIN (dpa) - Chancellor Olaf Weber on Monday praised the deal, saying it would '
                       '"secure jobs for a decade".')
    assert quotes[0].speaker == "Olaf Weber"


def test_quotes_cue_closing_the_previous_paragraph(quotes_in):
    text = ('Addressing supporters in Leeds, party leader Ruth Cole said:\n\n'
            '"We have waited long enough for this moment.\n\n"Now the real work begins."')
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == ["We have waited long enough for this moment", "Now the real work begins"]
    assert {q.speaker for q in quotes} == {"Ruth Cole"}


def test_quotes_participle_opening_sentence_is_not_a_report(quotes_in):
    quotes = quotes_in('Speaking after the match in Turin, the coach said: "We deserved more."')
    assert [q.text for q in quotes] == ["We deserved more"]


def test_quotes_told_someone_somewhere_that(quotes_in):
    quotes = quotes_in("The minister told lawmakers at a hearing on Tuesday that the prison budget would rise.")
    assert [q.text for q in quotes] == ["the prison budget would rise"]
    assert quotes[0].speaker == "The minister"


def test_quotes_quoting_participle_splits_the_report(quotes_in):
    quotes = quotes_in('Union leaders said they would strike again, describing the offer as "an insult to nurses."')
    assert [q.text for q in quotes] == ["they would strike again", "an insult to nurses"]
    assert {q.speaker for q in quotes} == {"Union leaders"}


def test_quotes_according_to_short_figure(quotes_in):
    quotes = quotes_in("Inflation was 3%, according to the National Bureau of Statistics.")
    assert [q.text for q in quotes] == ["Inflation was 3%"]
    assert quotes[0].speaker == "National Bureau of Statistics"


def test_quotes_interview_answers_belong_to_the_interviewee(quotes_in):
    text = ("We met the architect Tomas Varga in his studio.\n\nQ: What comes next?\n\n"
            "A: A school in the mountains, built from local stone.")
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == ["A school in the mountains, built from local stone"]
    assert quotes[0].speaker == "Tomas Varga"


def test_speakers_hyphenated_surname_is_one_mention(quotes_in):
    text = 'Anne-Marie Lefort chairs the board. "We will vote in June," Lefort-Dubois said.'
    assert quotes_in(text)[0].speaker == "Lefort-Dubois"


def test_coref_pronoun_skips_person_of_the_other_gender(quotes_in):
    text = ("Mr Daniel Hart, the mayor, opened the session. The deputy mayor, Mrs Olivia Grant, spoke next. "
            "She said the budget was too small.")
    assert quotes_in(text)[-1].who == "Olivia Grant"


def test_coref_coordinated_speakers_are_not_one_person(quotes_in):
    quotes = quotes_in("Two ministers, Lars Holm and Petra Nilsson, said the talks had stalled.")
    assert quotes[0].who == quotes[0].speaker


def test_coref_name_inside_a_prepositional_phrase_is_someone_else(quotes_in):
    quotes = quotes_in("Economists at Goldman Sachs said the dollar would weaken.")
    assert quotes[0].who == "Economists at Goldman Sachs"


def test_entities_honorific_left_out_and_dateline_is_a_place(nlp_model):
    ents = _ents(nlp_model, 'MADRID (Reuters) - "We are ready," Mrs Carmen Ruiz said.')
    assert ("MADRID", "GPE") in ents
    assert ("Carmen Ruiz", "PERSON") in ents


def test_entities_sentence_initial_the_left_out_of_long_names(nlp_model):
    ents = _ents(nlp_model, "The Environment Agency said the river had burst its banks.")
    assert ("Environment Agency", "ORG") in ents
