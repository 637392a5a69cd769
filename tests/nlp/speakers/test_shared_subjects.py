"""Who a verb without a subject of its own speaks for (our own sentences): a speech verb in an
infinitive under a predicate adjective (``was quick to add``) shares the subject of the copula
(``mentions.subject_of`` climbs past the ``acomp``); a suggestion's holder agrees with the speaker
rules on relative clauses (``suggest.holders.verb_holder`` through ``cue_subject.relative_above``:
``which`` and ``that`` as well as ``who``)."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import subject_of
from annotator.nlp.suggest.holders import verb_holder

pytestmark = pytest.mark.model


def read(nlp_model, text: str, verb: str, reader) -> str | None:
    """The text of what ``reader`` (``subject_of``, ``verb_holder``) gives for ``verb`` in ``text``."""
    word = next(t for t in nlp_model(text) if t.text == verb)
    found = reader(word, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return found.text if found is not None else None


def test_quick_to_add_speaks_for_the_copulas_subject(nlp_model):
    assert read(nlp_model, "The mayor was quick to add that the budget would pass.", "add", subject_of) == "mayor"


def test_likely_to_say_speaks_for_the_copulas_subject(nlp_model):
    text = "Voters in the north are more likely to say that taxes are too high."
    assert read(nlp_model, text, "say", subject_of) == "Voters"


def test_a_verb_coordinated_in_a_which_clause_is_held_by_which(nlp_model):
    text = "The union, which backed the mayor last year and criticized the council in May, lost its vote."
    assert read(nlp_model, text, "criticized", verb_holder) == "which"


def test_a_who_clause_keeps_who(nlp_model):
    text = "The plan was backed by the nurses, who hope to end the long night shifts in the wards."
    assert read(nlp_model, text, "end", verb_holder) == "who"
