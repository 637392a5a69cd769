"""A participle the parser hangs on a reported clause speaks for the one who reported it, when
it is set off from that clause by a comma (a closing quotation mark passed over), a long dash or by ``while``
(``mentions.subject_of``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers import subject_of
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "verb"), [
    ("The mayor denied that the plan was late, explaining that the rain had stopped the work.", "explaining"),
    ('The mayor said that the levy was "a disgrace," adding that the council should resign.', "adding"),
    ("The mayor said the levy was fair while adding that the council should resign.", "adding"),
    # no speech verb: set off after the reported clause, it is still the reporter's act
    ("The mayor said that the farmers were wrong about the levy, pointing to the figures from May.", "pointing"),
])
def test_a_set_off_participle_speaks_for_the_reporter(nlp_model, text, verb):
    assert read(nlp_model, text, verb, subject_of) == "mayor"


def test_a_participle_set_off_by_a_long_dash_speaks_for_the_reporter(nlp_model):
    text = ("The harbour master rejected the charge that the pilots are ignoring the rules on night crossings — "
            "saying the pilots had followed every rule.")
    assert read(nlp_model, text, "saying", subject_of) == "master"


def test_a_participle_on_an_attribution_speaks_for_its_subject(nlp_model):
    # the parser hangs ``replied`` on ``promise`` as its clause; ``adding`` is Pike's act, not the council's
    text = 'The council will not promise that "every street gets a lamp," Pike replied, adding that the budget was small.'
    assert read(nlp_model, text, "adding", subject_of) == "Pike"


def test_a_participle_on_a_clause_describing_an_object_speaks_for_the_verbs_subject():
    # hand-built parse: ``explaining`` hung on ``was``, the clause describing ``claim``, the object of ``denied``
    from spacy import blank
    from spacy.tokens import Doc

    from annotator.nlp.lexicon import Lexicon

    words = "The mayor denied the claim that the plan was late , explaining that rain stopped work .".split()
    heads = [1, 2, 2, 4, 2, 8, 7, 8, 4, 8, 8, 8, 14, 14, 11, 14, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "mark", "det", "nsubj", "acl", "acomp", "punct", "advcl",
            "mark", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT", "VERB",
           "SCONJ", "NOUN", "VERB", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "VBD", "JJ", ",", "VBG", "IN", "NN", "VBD", "NN", "."]
    doc = Doc(blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert subject_of(doc[11], Lexicon()).text == "mayor"
