"""Doubtful pre-labels (``suggest.doubtful``): a lone ``what``, the object of a cue in the perfect in a
relative clause on its speaker, the passive subject of a verb of asking or telling, the clause after
``That said,`` and what a passive cue under a modal reads are suggested instead of pre-labeled
(hand-built parses and our own sentences)."""

import pytest

from annotator.nlp.convert import suggestions_in
from annotator.nlp.suggest.demote import DEMOTED_SOURCE, PreLabel
from annotator.nlp.suggest.doubtful import is_doubtful
from tests.nlp.hand_docs import hand_doc


def _prelabel(doc, quote: tuple[int, int], cue: int, speaker: tuple[int, int] | None = None) -> PreLabel:
    return PreLabel(doc[quote[0]:quote[1]], "indirect", doc[cue:cue + 1],
                    doc[speaker[0]:speaker[1]] if speaker is not None else None)


_PERFECT = """
    Ortiz     PROPN NNP nsubj  8
    ,         PUNCT ,   punct  0
    who       PRON  WP  nsubj  4
    has       AUX   VBZ aux    4 have
    backed    VERB  VBN relcl  0 back
    the       DET   DT  det    6
    levy      NOUN  NN  dobj   4
    ,         PUNCT ,   punct  0
    spoke     VERB  VBD ROOT   8 speak
    .         PUNCT .   punct  8
"""


def test_the_object_of_a_cue_in_the_perfect_in_a_relative_clause_is_doubtful():
    doc = hand_doc("Ortiz, who has backed the levy, spoke.", _PERFECT)
    assert is_doubtful(_prelabel(doc, (5, 7), 4, (2, 3)))


def test_the_same_object_in_the_simple_past_is_kept():
    rows = """
        Ortiz     PROPN NNP nsubj  7
        ,         PUNCT ,   punct  0
        who       PRON  WP  nsubj  3
        backed    VERB  VBD relcl  0 back
        the       DET   DT  det    5
        levy      NOUN  NN  dobj   3
        ,         PUNCT ,   punct  0
        spoke     VERB  VBD ROOT   7 speak
        .         PUNCT .   punct  7
    """
    doc = hand_doc("Ortiz, who backed the levy, spoke.", rows)
    assert not is_doubtful(_prelabel(doc, (4, 6), 3, (2, 3)))


_ASKED = """
    The       DET   DT  det       1
    pilot     NOUN  NN  nsubjpass 3
    was       AUX   VBD auxpass   3 be
    {verb}    VERB  VBN ROOT      3 {lemma}
    about     ADP   IN  prep      3
    the       DET   DT  det       6
    delay     NOUN  NN  pobj      4
    .         PUNCT .   punct     3
"""


def test_the_one_asked_is_doubtful():
    doc = hand_doc("The pilot was asked about the delay.", _ASKED.format(verb="asked", lemma="ask"))
    assert is_doubtful(_prelabel(doc, (0, 2), 3))
    assert not is_doubtful(_prelabel(doc, (4, 7), 3))  # what was asked about is kept


def test_the_subject_of_another_passive_cue_is_kept():
    doc = hand_doc("The pilot was praised about the delay.", _ASKED.format(verb="praised", lemma="praise"))
    assert not is_doubtful(_prelabel(doc, (0, 2), 3))


def test_a_lone_what_is_doubtful_and_a_lone_which_is_not():
    rows = """
        {word}    PRON  WP  dobj   2
        Ruiz      PROPN NNP nsubj  2
        called    VERB  VBD ROOT   2 call
        a         DET   DT  det    4
        bargain   NOUN  NN  oprd   2
    """
    for word, doubtful in (("what", True), ("which", False)):
        doc = hand_doc(f"{word} Ruiz called a bargain", rows.format(word=word))
        assert is_doubtful(_prelabel(doc, (0, 1), 2, (1, 2))) is doubtful


def test_the_clause_after_that_said_is_doubtful():
    rows = """
        That      PRON  DT  nsubj  1
        said      VERB  VBD ROOT   1 say
        ,         PUNCT ,   punct  1
        fares     NOUN  NNS nsubj  4 fare
        rise      VERB  VBP ccomp  1
        .         PUNCT .   punct  1
    """
    doc = hand_doc("That said, fares rise.", rows)
    assert is_doubtful(_prelabel(doc, (3, 5), 1, (0, 1)))
    doc = hand_doc("Mona said, fares rise.", rows.replace("That      PRON  DT", "Mona      PROPN NNP"))
    assert not is_doubtful(_prelabel(doc, (3, 5), 1, (0, 1)))


def test_what_a_passive_cue_under_a_modal_reads_is_doubtful():
    rows = """
        The        DET   DT  det       1
        tower      NOUN  NN  nsubjpass 4
        will       AUX   MD  aux       4
        be         AUX   VB  auxpass   4
        judged     VERB  VBN ROOT      4 judge
        a          DET   DT  det       6
        landmark   NOUN  NN  oprd      4
        .          PUNCT .   punct     4
    """
    doc = hand_doc("The tower will be judged a landmark.", rows)
    assert is_doubtful(_prelabel(doc, (0, 2), 4)) and is_doubtful(_prelabel(doc, (5, 7), 4))


def test_what_a_passive_cue_in_the_past_reads_is_kept():
    rows = """
        The        DET   DT  det       1
        tower      NOUN  NN  nsubjpass 3
        was        AUX   VBD auxpass   3 be
        judged     VERB  VBN ROOT      3 judge
        a          DET   DT  det       5
        landmark   NOUN  NN  oprd      3
        .          PUNCT .   punct     3
    """
    doc = hand_doc("The tower was judged a landmark.", rows)
    assert not is_doubtful(_prelabel(doc, (0, 2), 3)) and not is_doubtful(_prelabel(doc, (4, 6), 3))


@pytest.mark.model
def test_the_pipeline_suggests_the_one_asked_instead_of_pre_labeling_it(nlp_model):
    text = "The harbour master was asked about the flooded quay on Monday."
    doc = nlp_model(text)
    assert "The harbour master" not in [q.text for q in doc.spans["quotes"]]
    assert "The harbour master" in [text[s.quote_start:s.quote_end] for s in suggestions_in(doc)
                                    if s.source == DEMOTED_SOURCE]


@pytest.mark.model
def test_the_pipeline_suggests_a_lone_what_and_keeps_the_naming(nlp_model):
    text = 'The mayor criticized the plan, in what Ruiz called "a gift to the banks."'
    doc = nlp_model(text)
    assert "a gift to the banks" in [q.text for q in doc.spans["quotes"]]
    assert "what" not in [q.text for q in doc.spans["quotes"]]
    assert "what" in [text[s.quote_start:s.quote_end] for s in suggestions_in(doc) if s.source == DEMOTED_SOURCE]
