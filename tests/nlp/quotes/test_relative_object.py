"""``The council passed the levy, which the mayor criticized``: the relative pronoun object of a
cue verb in a relative clause is what was judged (session 12; hand-built parses, our own sentences)."""

from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ROWS = """
    Voss        PROPN NNP nsubj      1
    passed      VERB  VBD ROOT       1 pass
    the         DET   DT  det        3
    levy        NOUN  NN  dobj       1
    ,           PUNCT ,   punct      3
    which       PRON  WDT dobj       8
    the         DET   DT  det        7
    mayor       NOUN  NN  nsubj      8
    criticized  VERB  VBD relcl      3 criticize
    .           PUNCT .   punct      1
"""


def test_relative_pronoun_object_of_a_cue_verb_is_the_content():
    doc = hand_doc("Voss passed the levy, which the mayor criticized.", _ROWS)
    assert found_at(object_of_cue.relative_at, doc) == [("indirect", "which", "criticized")]


def test_relative_that_is_left_out():
    doc = hand_doc("Voss passed the levy that the mayor criticized.", """
        Voss        PROPN NNP nsubj      1
        passed      VERB  VBD ROOT       1 pass
        the         DET   DT  det        3
        levy        NOUN  NN  dobj       1
        that        PRON  WDT dobj       7
        the         DET   DT  det        6
        mayor       NOUN  NN  nsubj      7
        criticized  VERB  VBD relcl      3 criticize
        .           PUNCT .   punct      1
    """)
    assert found_at(object_of_cue.relative_at, doc) == []


def test_relative_object_of_a_thing_or_a_first_person_is_not_reported():
    thing = hand_doc("Voss passed the levy, which the report criticized.", _ROWS.replace("mayor       NOUN", "report      NOUN"))
    assert found_at(object_of_cue.relative_at, thing) == []
    first = hand_doc("Voss passed the levy, which we criticized.", """
        Voss        PROPN NNP nsubj      1
        passed      VERB  VBD ROOT       1 pass
        the         DET   DT  det        3
        levy        NOUN  NN  dobj       1
        ,           PUNCT ,   punct      3
        which       PRON  WDT dobj       7
        we          PRON  PRP nsubj      7
        criticized  VERB  VBD relcl      3 criticize
        .           PUNCT .   punct      1
    """)
    assert found_at(object_of_cue.relative_at, first) == []


def test_relative_pronoun_object_of_a_stance_verb_is_what_is_held():
    doc = hand_doc("Voss passed the levy, which the mayor supported.",
                   _ROWS.replace("criticized  VERB  VBD relcl      3 criticize", "supported   VERB  VBD relcl      3 support"))
    assert found_at(object_of_cue.relative_at, doc) == [("indirect", "which", "supported")]


def test_relative_pronoun_object_of_a_verb_neither_judging_nor_saying_is_not_reported():
    doc = hand_doc("Voss passed the levy, which the mayor paid.",
                   _ROWS.replace("criticized  VERB  VBD relcl      3 criticize", "paid        VERB  VBD relcl      3 pay"))
    assert found_at(object_of_cue.relative_at, doc) == []


_AS_ROWS = """
    Voss        PROPN NNP nsubj      1
    passed      VERB  VBD ROOT       1 pass
    the         DET   DT  det        3
    levy        NOUN  NN  dobj       1
    ,           PUNCT ,   punct      3
    which       PRON  WDT dobj       8
    the         DET   DT  det        7
    mayor       NOUN  NN  nsubj      8
    described   VERB  VBD relcl      3 describe
    as          ADP   IN  prep       8
    a           DET   DT  det        11
    burden      NOUN  NN  pobj       9
    .           PUNCT .   punct      1
"""


def test_relative_pronoun_object_with_an_as_phrase_gives_the_phrase_as_the_other_piece():
    doc = hand_doc("Voss passed the levy, which the mayor described as a burden.", _AS_ROWS)
    assert found_at(object_of_cue.relative_at, doc) == [
        ("indirect", "which", "described"), ("indirect", "as a burden", "described")]


def test_relative_as_piece_needs_the_pronoun_object():
    # ``who described herself as …``: the pronoun is the subject, the clause describes its noun
    doc = hand_doc("Voss met the mayor, who described herself as a burden.", """
        Voss        PROPN NNP nsubj      1
        met         VERB  VBD ROOT       1 meet
        the         DET   DT  det        3
        mayor       NOUN  NN  dobj       1
        ,           PUNCT ,   punct      3
        who         PRON  WP  nsubj      6
        described   VERB  VBD relcl      3 describe
        herself     PRON  PRP dobj       6
        as          ADP   IN  prep       6
        a           DET   DT  det        10
        burden      NOUN  NN  pobj       8
        .           PUNCT .   punct      1
    """)
    assert found_at(object_of_cue.relative_at, doc) == []
