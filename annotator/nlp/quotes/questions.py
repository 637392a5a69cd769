"""Reported questions: ``asked the senator if she would run`` (the parser hangs an ``if`` clause on
the verb as an adverbial, but after a verb of asking it is what was asked). A negated verb of
saying over a question clause (``would not say when …``) is an attribution in PolNeAR but not in
our own gold sets (``news_blind``): not reported, like a negated ``said that …``. (What a speaker
did not mention is ``object_of_cue``'s.)"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import WH_WORDS, Lexicon

#: Conjunctions that open a yes-or-no question clause.
QUESTION_MARKS = frozenset({"if", "whether"})


def asked_clauses(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The ``if``/``whether`` clause after a verb of asking (``lexicon.question_verbs``) that the
    parse makes its adverbial."""
    if verb.lemma_.lower() not in lexicon.question_verbs:
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _opens_question(c)]


def _opens_question(clause: Token) -> bool:
    """The clause opens with ``whether``/``if`` or a question word (``why``, ``how``, ``when``)."""
    first = clause.left_edge
    return first.lower_ in QUESTION_MARKS or first.lower_ in WH_WORDS and first.tag_ in ("WRB", "WP", "WDT", "IN")
