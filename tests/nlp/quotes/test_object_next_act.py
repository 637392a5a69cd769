"""The object of a verb of saying or judging stops before a verb the parser joined to it (session 38):
the speaker's next act, not more of what was said (``quotes/object_of_cue.py`` with
``clause_end.object_act_cut``), on sentences written for these tests."""

import pytest

from tests.nlp.conftest import found_quotes

pytestmark = pytest.mark.model


def _texts(quotes_in, text):
    return [q.text for q in quotes_in(text)]


@pytest.mark.parametrize("text, content", [
    # A gerund object and a tensed verb joined to it: the speaker's next act.
    ("The mayor has proposed closing the harbour road at night and voiced hope for a new ferry.",
     "closing the harbour road at night"),
    ("The mayor has proposed closing the harbour road at night and hinted at a new ferry.",
     "closing the harbour road at night"),
])
def test_gerund_object_stops_before_a_tensed_verb_joined_to_it(quotes_in, text, content):
    assert content in _texts(quotes_in, text)


@pytest.mark.parametrize("text, content", [
    # Two gerunds joined are one object.
    ("The mayor has proposed closing the harbour road and building a new bridge.",
     "closing the harbour road and building a new bridge"),
    # Two nouns joined are one object.
    ("The union criticized the new rota and the pay cuts.", "the new rota and the pay cuts"),
])
def test_joined_objects_stay_one_content(quotes_in, text, content):
    assert content in _texts(quotes_in, text)



def _hand_parsed(nlp_model, hang_on: int):
    """``The mayor embraced the plan of the harbour board and courted its critics .`` with ``courted``
    hung as a conjunct of the word ``hang_on`` (4 ``plan``, 8 ``board``), as the parser sometimes
    does, and the pipeline's components after the parser run on it."""
    from spacy.tokens import Doc

    words = "The mayor embraced the plan of the harbour board and courted its critics .".split()
    heads = [1, 2, 2, 4, 2, 4, 8, 8, 5, hang_on, hang_on, 12, 10, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj", "cc", "conj", "poss", "dobj",
            "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "NOUN", "CCONJ", "VERB", "PRON", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "NN", "CC", "VBD", "PRP$", "NNS", "."]
    lemmas = ["the", "mayor", "embrace", "the", "plan", "of", "the", "harbour", "board", "and", "court", "its", "critic",
              "."]
    doc = Doc(nlp_model.vocab, words=words, spaces=[True] * 12 + [False, False], heads=heads, deps=deps, pos=pos,
              tags=tags, lemmas=lemmas)
    for name in nlp_model.pipe_names[nlp_model.pipe_names.index("ner"):]:
        doc = nlp_model.get_pipe(name)(doc)
    return [q.text for q in found_quotes(doc)]


@pytest.mark.parametrize("hang_on", [4, 8])
def test_noun_object_stops_before_a_tensed_verb_hung_on_it(nlp_model, hang_on):
    # on the object itself (``object_act_cut``) or on a noun inside it (``verb_conjunct_cut``)
    assert _hand_parsed(nlp_model, hang_on) == ["the plan of the harbour board"]
