"""``Pike defended the levy, saying that the plan had support but was slowed by a ruling - and
insisting that …``: the parser joins a participle to a tensed verb inside the reported clause before
it; a participle cannot share that verb's tense, so it is a further act of the one who reports the
clause."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import finite

#: How many conjuncts back the participle looks for the first verb of the reported clause.
_STEPS = 3


def participle_reporter(verb: Token) -> Token | None:
    """For an ``-ing`` conjunct whose first conjunct is a tensed reported clause (``ccomp``): the
    verb that reports that clause; else None."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj":
        return None
    first = verb
    for _ in range(_STEPS):
        if first.dep_ != "conj" or first.head.i > first.i:
            break
        first = first.head
    if first.dep_ != "ccomp" or first.head.i == first.i or first.head.pos_ != "VERB" or not finite(first):
        return None
    return first.head

