"""``caused_speaker``: a thing that leaves or leads people to say or wonder something is no speaker;
the people it leaves or leads are (``The drought has left residents saying …``, ``The toll has led many
to argue …``). Sentences of our own, parsed by the model."""

import pytest

from annotator.nlp.speakers.caused_speaker import caused_object

pytestmark = pytest.mark.model


def _caused(nlp_model, text: str, cue: str):
    doc = nlp_model(text)
    found = caused_object(next(t for t in doc if t.text == cue))
    return found.text if found is not None else None


def test_the_people_a_thing_leaves_saying_speak(rule_quotes_in):
    quotes = rule_quotes_in("The long drought has left residents of Dunmore saying that the reservoir was badly planned.")
    assert [q.speaker for q in quotes] == ["residents of Dunmore"]


def test_the_people_a_thing_leaves_wondering_speak(nlp_model):
    assert _caused(nlp_model, "The sudden closure has left many farmers, including his neighbours, wondering what "
                   "the mayor really wants.", "wondering") == "farmers"


def test_the_many_a_thing_leads_to_argue_speak(nlp_model):
    assert _caused(nlp_model, "The new toll has led many to argue that the pier should be sold.", "argue") == "many"


def test_a_person_who_leaves_them_wondering_keeps_the_subject(nlp_model):
    assert _caused(nlp_model, "Mayor Ruiz has left the farmers wondering whether the bridge will open.",
                   "wondering") is None


def test_an_announcement_is_no_person(nlp_model):
    # ``-ment`` ends a thing's ``-ent`` (``announcement``), not a person's (``resident``)
    from annotator.nlp.name_words import could_speak

    doc = nlp_model("The announcement surprised the residents.")
    assert not could_speak(doc[1]) and could_speak(doc[4])


def test_the_several_an_agreement_prompts_to_predict_speak(nlp_model):
    assert _caused(nlp_model, "The surprise agreement prompted several to predict that the ferry fares would "
                   "double by spring.", "predict") == "several"
