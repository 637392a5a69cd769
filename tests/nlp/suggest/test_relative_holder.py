"""A shape's holder read through a relative clause (``suggest.holders``): the ``that`` or ``which``
of a thing that cannot speak gives the noun it stands for; ``who``, and the ``which`` of a noun that
can speak (``tests/nlp/speakers/test_shared_subjects.py``), stay themselves (session 24); sentences
of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers.cue_subject import thing_antecedent
from annotator.nlp.suggest import SOURCES, proposals

pytestmark = pytest.mark.model


def speakers(nlp_model, text: str, source: str) -> list[tuple[str, str | None]]:
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(text)
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    return [(p.span.text, p.speaker.text if p.speaker is not None else None)
            for p in proposals(doc, lexicon, set(SOURCES)) if p.source == source]


def test_a_shared_which_gives_the_noun_it_stands_for(nlp_model):
    text = "The leaflets, which praised the mayor and attacked the governor's long record on schools and roads, were everywhere."
    assert ("the governor's long record", "The leaflets") in speakers(nlp_model, text, "rule:subjectless-object")


def test_a_noun_cue_under_a_which_clause_is_held_by_the_noun(nlp_model):
    text = "A fund which has voiced doubts about the new harbour levy closed its office."
    assert speakers(nlp_model, text, "rule:bare-noun-preposition") == [("the new harbour levy", "A fund")]


def test_who_and_a_speaking_nouns_which_stay_the_pronoun(nlp_model):
    doc = nlp_model("The nurses, who praised the mayor, walked out of the meeting early.")
    who = next(t for t in doc if t.lower_ == "who")
    assert thing_antecedent(who) is None
    which = next(t for t in nlp_model("The report, which praised the mayor, came out on Monday.") if t.lower_ == "which")
    assert thing_antecedent(which) is not None and thing_antecedent(which).lower_ == "report"
    which = next(t for t in nlp_model("The union, which praised the mayor, lost its vote on Monday.") if t.lower_ == "which")
    assert thing_antecedent(which) is None
