"""Finding quotes and cues with the real model: direct, split, headline, indirect, mixed."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, content, speaker", [
    ('"We will not back down," said Angela Merkel.', "We will not back down", "Angela Merkel"),
    ('"Prices will keep rising," the economist warned.', "Prices will keep rising", "the economist"),
    ("“The bridge reopens in May,” Mayor Jane Porter told reporters.", "The bridge reopens in May", "Jane Porter"),
    ('Dr. Ruth Adler said: "The vaccine is safe for children."', "The vaccine is safe for children", "Ruth Adler"),
    ("«Nous ne céderons pas», a déclaré le ministre Paul Martin.", "Nous ne céderons pas", None),
])
def test_quotes_direct_with_attribution_after_or_before(rule_quotes_in, text, content, speaker):
    # (the rules' quotes: the full pipeline suggests the one with no speaker instead, its demotion score
    # being under the direct threshold)
    quotes = rule_quotes_in(text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].type == "direct"
    if speaker:
        assert quotes[0].speaker == speaker


def test_quotes_split_by_attribution_share_speaker(quotes_in):
    quotes = quotes_in('"The numbers are clear," Finance Minister Lena Berg said, "and they are getting worse."')
    assert [q.text for q in quotes] == ["The numbers are clear", "and they are getting worse"]
    assert {q.speaker for q in quotes} == {"Lena Berg"}


def test_quotes_multi_sentence_direct_quote_is_one_span(quotes_in):
    quotes = quotes_in('"We lost. We know why... We will be back next season," coach Tim Ruiz said.')
    assert [q.text for q in quotes] == ["We lost. We know why... We will be back next season"]
    assert quotes[0].speaker == "Tim Ruiz"


def test_quotes_paragraph_continuation_takes_same_speaker(quotes_in):
    text = ('Senator Mark Jones spoke first. "This bill is a mistake," Jones said.\n\n'
            '"Nobody has read it. We should start over.\n\n"And we should do it in public."')
    quotes = quotes_in(text)
    assert [q.text for q in quotes] == ["This bill is a mistake", "Nobody has read it. We should start over",
                                        "And we should do it in public"]
    assert {q.who for q in quotes} == {"Mark Jones"}


def test_quotes_headline_name_colon(quotes_in):
    quotes = quotes_in("Macron: France will not send troops to Ukraine\n\nThe president spoke in Paris.")
    assert quotes and quotes[0].text == "France will not send troops to Ukraine"
    assert (quotes[0].speaker, quotes[0].cue, quotes[0].type) == ("Macron", ":", "indirect")


@pytest.mark.parametrize("text, words, speaker, kind", [
    ('Mayor Lin: "We will rebuild the pier"\n\nThe storm hit last week.', "We will rebuild the pier", "Mayor Lin",
     "direct"),
    ('Teachers union: district budget "shortchanges every classroom"\n\nThe board met on Thursday.',
     'district budget "shortchanges every classroom"', "Teachers union", "mixed"),
    ("Poll: Mayor Lin leads her challenger by six points\n\nThe race tightened in May.",
     "Mayor Lin leads her challenger by six points", "Poll", "indirect"),
    ('EXCLUSIVE – Dana Whitfield: union will "fight every cut"\n\nThe board met on Thursday.',
     'union will "fight every cut"', "Dana Whitfield", "mixed"),
])
def test_quotes_headline_type_follows_its_marks_and_a_source_noun_speaks(quotes_in, text, words, speaker, kind):
    quotes = quotes_in(text)
    assert [(q.text, q.speaker, q.cue, q.type) for q in quotes] == [(words, speaker, ":", kind)]


def test_quotes_line_labels_with_colon_are_not_headlines(quotes_in):
    assert quotes_in("Update: The story has been corrected to fix a date.") == []
    assert quotes_in("Read more: Markets fall as oil prices rise") == []


@pytest.mark.parametrize("text, clause, cue, speaker", [
    ("Tim Cook told reporters on Monday that Apple would build a campus in Texas.",
     "Apple would build a campus in Texas", "told", "Tim Cook"),
    ("The central bank warned that inflation could rise again next year.",
     "inflation could rise again next year", "warned", "The central bank"),
    ("Peter Brown denied that he had taken the money.", "he had taken the money", "denied", "Peter Brown"),
    ("Officials believe the fire was started deliberately.", "the fire was started deliberately",
     "believe", "Officials"),
])
def test_quotes_indirect_speech_verb_with_reported_clause(quotes_in, text, clause, cue, speaker):
    quotes = quotes_in(text)
    assert [(q.type, q.text, q.cue, q.speaker) for q in quotes] == [("indirect", clause, cue, speaker)]


def test_quotes_according_to_before_and_after(quotes_in):
    before = quotes_in("According to the police, the suspect fled on foot.")
    after = quotes_in("The suspect fled on foot after the robbery, according to police spokesman Tom Hale.")
    assert [(q.text, q.cue, q.speaker) for q in before] == [("the suspect fled on foot", "According to", "the police")]
    assert [(q.text, q.cue, q.speaker) for q in after] == [
        ("The suspect fled on foot after the robbery", "according to", "Tom Hale")]


def test_quotes_inverted_report_without_marks(quotes_in):
    quotes = quotes_in("Inflation will fall below two percent by spring, said the governor of the bank, "
                       "Andrew Bailey.")
    assert [(q.type, q.text, q.cue) for q in quotes] == [
        ("indirect", "Inflation will fall below two percent by spring", "said")]
    assert quotes[0].speaker == "the governor of the bank, Andrew Bailey"
    assert quotes[0].who == "Andrew Bailey"


def test_quotes_partly_quoted_paraphrase_is_mixed(quotes_in):
    quotes = quotes_in('Union leader Sara Lind said the offer was "an insult to every nurse".')
    assert [(q.type, q.speaker) for q in quotes] == [("mixed", "Sara Lind")]
    assert quotes[0].text.startswith("the offer was")


def test_quotes_negated_or_first_person_verbs_are_not_reports(rule_quotes_in):
    assert rule_quotes_in("The minister did not say that the plan had failed.") == []
    assert rule_quotes_in("We believe the plan will work.") == []


def test_quotes_scare_quotes_and_titles_are_not_quotes(quotes_in):
    assert quotes_in('The so-called "special military operation" began in February.') == []
    assert quotes_in('She reviewed the film "Gone with the Wind" for the paper.') == []


def test_quotes_unbalanced_mark_does_not_swallow_rest(quotes_in):
    text = ('The crowd chanted "no more and marched on.\n\n'
            'Later, Mayor Ann Lee said the march was peaceful. "It went well," she said.')
    quotes = quotes_in(text)
    assert ("It went well", "Ann Lee") in [(q.text, q.who) for q in quotes]
    assert all("\n" not in q.text for q in quotes)


def test_quotes_verbs_inside_a_quote_are_not_cues(quotes_in):
    quotes = quotes_in('"Do you really think that we would agree to this?" the envoy asked.')
    assert [(q.type, q.cue) for q in quotes] == [("direct", "asked")]



def test_quotes_headline_types_direct_types_every_headline_quote_direct(nlp_model):
    from annotator.nlp.quotes import QuoteFinder

    doc = nlp_model("Poll: Mayor Lin leads her challenger by six points\n\nThe race tightened in May.")
    kinds = {setting: [(f.span.text, f.quote_type) for f in QuoteFinder(headline_types=setting).find(doc)]
             for setting in ("marks", "direct")}
    assert kinds == {"marks": [("Mayor Lin leads her challenger by six points", "indirect")],
                     "direct": [("Mayor Lin leads her challenger by six points", "direct")]}


def test_quotes_headline_types_is_checked_where_the_pipeline_is_built():
    import spacy

    assert spacy.blank("en").add_pipe("annotator_quotes", config={"headline_types": "direct"}).headline_types == "direct"
    with pytest.raises(ValueError, match="headline_types"):
        spacy.blank("en").add_pipe("annotator_quotes", config={"headline_types": "quoted"})
