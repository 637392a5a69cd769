"""A cue verb in a ``to`` infinitive, a participle or a ``that`` clause on another verb's object speaks for that verb's subject
(``speakers.infinitive_owner``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import speaker_for_cue

pytestmark = pytest.mark.model


def speaker(nlp_model, text: str, verb: str) -> str | None:
    doc = nlp_model(text)
    cue = next(doc[t.i:t.i + 1] for t in doc if t.text == verb)
    found = speaker_for_cue(cue, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return found.text if found is not None else None


#: (sentence, cue verb, the subject of the verb whose object the cue's clause describes)
OWNED = (
    ("The mayor will have more to say about the levy in the weeks to come.", "say", "The mayor"),
    ("The senator has a hard case to make for keeping the levy.", "make", "The senator"),
    ("The union issued a statement calling for a new vote on the levy.", "calling", "The union"),
    ("The union opened the week with an advert attacking the levy.", "attacking", "The union"),
    ("The union issued a short statement that called for a new vote on the levy.", "called", "The union"),
)


def test_the_one_who_has_the_object_speaks(nlp_model):
    assert [speaker(nlp_model, text, verb) for text, verb, _ in OWNED] == [owner for *_, owner in OWNED]


def test_a_verb_read_as_a_preposition_owns_nothing(nlp_model):
    # ``according to a poll that shows …``: ``according`` has no subject; the main clause's says nothing of the poll's
    text = "Two candidates could take the seat, according to the harbour survey that shows most islanders back the levy."
    assert speaker(nlp_model, text, "shows") in ("that", "the harbour survey")


def test_a_which_clause_with_its_own_subject_speaks_for_that_subject(nlp_model):
    # ``which Hale argued helps …``: the parser makes ``which`` a first subject beside the cue's own
    text = "The council backed the new toll, which Ms. Hale argued helps pay for the pier repairs."
    assert speaker(nlp_model, text, "argued") in ("Hale", "Ms. Hale")
