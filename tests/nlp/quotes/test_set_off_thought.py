"""A verb of thinking set off by commas inside a sentence (``These fares, the growers believe, will
fall``) reports both pieces, as a speech verb does (``inverted._set_off_thought``); hand-built parses
as the small English model gives them, sentences of our own."""

from annotator.nlp.quotes import reports
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by


def _plans(subject_rows: str, verb: str, lemma: str) -> str:
    return f"""
        These    DET   DT  det        1
        fares    NOUN  NNS nsubj      {{root}} fare
        ,        PUNCT ,   punct      1
        {subject_rows}
        {verb}   VERB  VBP parataxis  {{root}} {lemma}
        ,        PUNCT ,   punct      {{verb}}
        will     AUX   MD  aux        {{root}}
        fall     VERB  VB  ROOT       {{root}}
        .        PUNCT .   punct      {{root}}
    """


def test_a_thinker_set_off_inside_the_sentence_reports_both_pieces():
    rows = _plans("the  DET  DT  det  4\n        growers  NOUN  NNS  nsubj  5 grower", "believe", "believe")
    doc = hand_doc("These fares, the growers believe, will fall.", rows.format(root=8, verb=5))
    assert sorted(found_by(reports.find, doc)) == [("indirect", "These fares", "believe"),
                                                   ("indirect", "will fall", "believe")]


def test_the_writer_thinking_aloud_reports_nothing():
    rows = _plans("I  PRON  PRP  nsubj  4 I", "think", "think")
    doc = hand_doc("These fares, I think, will fall.", rows.format(root=7, verb=4))
    assert found_by(reports.find, doc) == []


def test_a_thinker_set_off_after_a_clause_of_its_own_reports_nothing():
    """``Ferries are late, but in May, the captains believe, …``: where the thought begins is unclear."""
    doc = hand_doc("Ferries are late, but in May, the captains believe, the pier will reopen.", """
        Ferries   NOUN  NNS nsubj      1 ferry
        are       AUX   VBP ROOT       1 be
        late      ADJ   JJ  acomp      1
        ,         PUNCT ,   punct      1
        but       CCONJ CC  cc         1
        in        ADP   IN  prep       15
        May       PROPN NNP pobj       5
        ,         PUNCT ,   punct      10
        the       DET   DT  det        9
        captains  NOUN  NNS nsubj      10 captain
        believe   VERB  VBP parataxis  15
        ,         PUNCT ,   punct      10
        the       DET   DT  det        13
        pier      NOUN  NN  nsubj      15
        will      AUX   MD  aux        15
        reopen    VERB  VB  conj       1
        .         PUNCT .   punct      1
    """)
    assert [cue for _, _, cue in found_by(reports.find, doc)] == []
