"""``Ruiz said the levy was fair, hinting that …``: the participle the parser hangs on the reported
clause is the speaker's next act, and its subject is the report's speaker (our own sentences)."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.mentions import subject_of
from tests.nlp.hand_docs import hand_doc

_PARSE = """
    Ruiz       PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    the        DET   DT  det        3
    levy       NOUN  NN  nsubj      4
    was        AUX   VBD ccomp      1 be
    fair       ADJ   JJ  acomp      4
    {comma}
    hinting    VERB  VBG advcl      4 hint
    that       SCONJ IN  mark       {pass_}
    the        DET   DT  det        {vote}
    vote       NOUN  NN  nsubj      {pass_}
    would      AUX   MD  aux        {pass_}
    pass       VERB  VB  ccomp      {hinting} pass
    .          PUNCT .   punct      1
"""


def _hinting(comma: bool):
    shift = 1 if comma else 0
    parse = _PARSE.format(comma=",          PUNCT ,   punct      4" if comma else "",
                          pass_=11 + shift, vote=9 + shift, hinting=6 + shift)
    text = "Ruiz said the levy was fair, hinting that the vote would pass." if comma \
        else "Ruiz said the levy was fair hinting that the vote would pass."
    doc = hand_doc(text, parse)
    return doc[6 + shift]


def test_a_participle_after_a_comma_on_the_reported_clause_is_the_speakers():
    assert subject_of(_hinting(comma=True), Lexicon()).text == "Ruiz"


def test_a_participle_without_a_comma_is_the_clause_subjects():
    assert subject_of(_hinting(comma=False), Lexicon()).text == "levy"
