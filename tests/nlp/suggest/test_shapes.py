"""The objects and verbs' prepositions the rules refuse (``nlp/suggest/objects.py``,
``prepositions.py``), registered with the broad rules (``shapes.py``), and the holders that give
a shape's candidate its speaker (``holders.py``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest import SCORES, SOURCES, proposals
from annotator.nlp.suggest.broad import BROAD_SOURCES
from annotator.nlp.suggest.shapes import SHAPE_SOURCES, every_shape

pytestmark = pytest.mark.model

NEW_SOURCES = ("rule:free-object", "rule:subjectless-object", "rule:verb-topic-preposition")


def found(nlp_model, text: str, source: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, the shape's own speaker or None) of ``source``'s candidates in ``text``."""
    doc = nlp_model(text)
    scan = QuoteScan.of(doc, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.own_speaker else None)
            for b in every_shape(scan, {source})]


def test_every_shape_source_is_proposed_and_scored_and_the_broad_ones_are_among_them():
    assert set(NEW_SOURCES) <= set(SHAPE_SOURCES)
    assert set(BROAD_SOURCES) <= set(SHAPE_SOURCES)
    assert set(SHAPE_SOURCES) <= set(SOURCES)
    assert set(SHAPE_SOURCES) <= set(SCORES)


def test_a_participles_object_has_the_speaker_the_participle_shares(nlp_model):
    text = "The mayor, calling the new parking levy a costly mistake, left the hall."
    assert found(nlp_model, text, "rule:subjectless-object") == [("the new parking levy", "calling", "The mayor")]
    # the main verb has a subject of its own: its object is the other source's
    assert found(nlp_model, text, "rule:free-object") == [("the hall", "left", None)]


def test_any_active_verbs_noun_object_is_a_free_object_read_by_the_speaker_rules(nlp_model):
    text = "The cyclists' club disputes the council's figures on road safety."
    assert found(nlp_model, text, "rule:free-object") == [("the council's figures on road safety", "disputes", None)]


@pytest.mark.parametrize("text", ["The council thanked her warmly.", "The levy was disputed by the shop owners."])
def test_a_pronoun_object_or_a_passive_is_no_object_candidate(nlp_model, text):
    assert found(nlp_model, text, "rule:free-object") == []
    assert found(nlp_model, text, "rule:subjectless-object") == []


def test_a_verbs_topic_preposition_in_a_relative_clause_is_proposed(nlp_model):
    text = "The pilots, who had campaigned for shorter shifts in the cockpit, won the vote."
    assert found(nlp_model, text, "rule:verb-topic-preposition") == [
        ("shorter shifts in the cockpit", "campaigned for", None)]


def test_a_place_or_time_preposition_is_no_topic(nlp_model):
    assert found(nlp_model, "The old ferry carried forty passengers across the bay.", "rule:verb-topic-preposition") == []
    assert found(nlp_model, "The nurses met the minister in the spring.", "rule:verb-topic-preposition") == []
    # ``on Monday`` says when they spoke, not what about
    assert found(nlp_model, "The two unions spoke out on Monday against the new quarry.",
                 "rule:verb-topic-preposition") == [("the new quarry", "spoke", None)]


def test_a_bare_nouns_preposition_takes_the_subject_of_the_verb_it_hangs_from(nlp_model):
    text = "The council voiced doubts about the price of the proposed tram line."
    assert found(nlp_model, text, "rule:bare-noun-preposition") == [
        ("the price of the proposed tram line", "doubts about", "The council")]
    # a noun no verb holds: the speaker rules read it (none here)
    assert found(nlp_model, "Doubts about the new tram line grew over the summer.", "rule:bare-noun-preposition") == [
        ("the new tram line", "Doubts about", None)]


def test_a_shape_candidate_no_pre_label_overlaps_is_proposed_with_its_speaker(nlp_model):
    doc = nlp_model("The pilots, who had campaigned for shorter shifts in the cockpit, won the vote.")
    assert list(doc.spans["quotes"]) == []
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    got = [(p.source, p.span.text, p.cue.text, p.speaker.text if p.speaker is not None else None)
           for p in proposals(doc, lexicon, {"rule:verb-topic-preposition"})]
    assert got == [("rule:verb-topic-preposition", "shorter shifts in the cockpit", "campaigned for", "who")]


def test_a_participles_clause_or_infinitive_has_the_speaker_the_participle_shares(nlp_model):
    text = "The mayor left the hall early, adding that the parking fund was nearly empty."
    assert found(nlp_model, text, "rule:subjectless-clause") == [("the parking fund was nearly empty", "adding", "The mayor")]
    text = "The miners marched through the town, vowing to reopen the old pit by spring."
    assert found(nlp_model, text, "rule:subjectless-infinitive") == [
        ("to reopen the old pit by spring", "vowing", "The miners")]
    assert found(nlp_model, "The mayor left the hall early.", "rule:subjectless-clause") == []


def test_an_infinitive_under_a_verb_with_a_subject_is_a_free_infinitive(nlp_model):
    text = "This one tends to annoy the voters in the northern towns."
    assert found(nlp_model, text, "rule:free-infinitive") == [("to annoy the voters in the northern towns", "tends", None)]
    assert found(nlp_model, text, "rule:subjectless-infinitive") == []


def test_a_verb_without_a_subject_shares_the_one_up_the_words_it_hangs_from(nlp_model):
    # ``say`` hangs from ``likely``, which hangs from ``are``: its subject is the holder
    text = "The tenants are likely to say that the new lift was a waste of money."
    assert found(nlp_model, text, "rule:subjectless-clause") == [
        ("the new lift was a waste of money", "say", "The tenants")]
    # two steps up: ``explain`` ← ``hoping`` ← ``met``
    text = "The nurses met the minister, hoping to explain that the night shifts were too long."
    assert ("the night shifts were too long", "explain", "The nurses") in found(nlp_model, text, "rule:subjectless-clause")



def test_a_things_participle_has_the_speaker_of_the_verb_the_thing_hangs_from(nlp_model):
    # ``urging`` describes ``a letter``, which cannot speak: the ones who sent it hold it
    text = "The farmers sent a letter to the minister urging a delay to the new levy."
    assert found(nlp_model, text, "rule:subjectless-object") == [("a delay to the new levy", "urging", "The farmers")]
    # a person's participle keeps that person (``The mayor, calling …``)
    text = "The mayor, calling the new parking levy a costly mistake, left the hall."
    assert found(nlp_model, text, "rule:subjectless-object")[0][2] == "The mayor"


def test_a_verb_under_a_relative_clause_has_its_who_as_the_speaker(nlp_model):
    # as the speaker rules give a relative clause's cue (``who``), not the noun it stands for
    text = "The plan was backed by the nurses, who hope to end the long night shifts in the wards."
    assert found(nlp_model, text, "rule:subjectless-object") == [("the long night shifts", "end", "who")]


def test_a_noun_cues_possessive_pronoun_gives_way_to_the_subject_it_stands_for(nlp_model):
    doc = nlp_model("Councillor Jones renewed his support for the new stadium on Friday.")
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    got = [(p.span.text, p.cue.text, p.speaker.text) for p in proposals(doc, lexicon, {"rule:stance-noun"})]
    assert got == [("the new stadium", "support", "Councillor Jones")]
