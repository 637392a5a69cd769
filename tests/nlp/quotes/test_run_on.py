"""Quoted words the sentence goes on after, with a phrase hanging on a word inside the marks, are
one mixed quote with that phrase (our own sentences)."""

import pytest

from annotator.nlp.quotes.run_on import continued_phrase_end
from tests.nlp.hand_docs import hand_doc

_PARSE = """
    Lee        PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    ,          PUNCT ,   punct      1
    "          PUNCT ``  punct      5
    we         PRON  PRP nsubj      5
    know       VERB  VBP ccomp      1 know
    little     ADJ   JJ  dobj       5
    "          PUNCT ''  punct      5
    {after}    ADP   IN  {dep}      {head}
    the        DET   DT  det        10
    cuts       NOUN  NNS pobj       8 cut
    .          PUNCT .   punct      1
"""


def _after(word: str, dep: str, head: int):
    doc = hand_doc(f'Lee said, "we know little" {word} the cuts.', _PARSE.format(after=word, dep=dep, head=head))
    return doc[8]


def test_a_preposition_on_a_quoted_word_runs_on_to_its_phrase_end():
    assert continued_phrase_end(_after("about", "prep", 5), 4, 7) == 11


def test_a_preposition_on_a_word_outside_the_marks_does_not():
    assert continued_phrase_end(_after("about", "prep", 1), 4, 7) is None


@pytest.mark.parametrize("text, quote, kind", [
    ('Lee said, "we do not know the answer" on how many jobs will go.',
     '"we do not know the answer" on how many jobs will go', "mixed"),
    ('Lee said, "we do not know the answer," and left the room.', "we do not know the answer", "direct"),
])
def test_the_pipeline_reads_the_phrase_after_the_marks(rule_quotes_in, text, quote, kind):
    assert [(q.text, q.type, q.speaker) for q in rule_quotes_in(text)] == [(quote, kind, "Lee")]
