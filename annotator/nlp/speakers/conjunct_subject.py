"""``The Gazette will call the plan a folly and the Herald will blame the mayor for …``: the parser hangs the
second clause's subject on the first clause's object (a conjunct of it) and leaves the second verb,
a conjunct with a tense of its own, without a subject."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import has_clause_subject

#: The words that join the two clauses.
_JOINING = frozenset({"and", "but"})
#: The verb's own words that may stand between its subject and it (``will not``, ``has also``).
_BEFORE_VERB = frozenset({"aux", "neg", "advmod"})
#: Dependencies a noun right before the verb has when it is plainly not the verb's subject.
_NOT_HUNG = frozenset({"nsubj", "nsubjpass", "poss", "compound"})


def conjunct_subject(verb: Token) -> Token | None:
    """The noun right before a subjectless conjunct verb's own auxiliary (nothing else between),
    when its phrase opens right after ``and``/``but`` and the parser hung it elsewhere."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or has_clause_subject(verb):
        return None
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in _BEFORE_VERB]
    if not any(c.dep_ == "aux" for c in before):
        return None  # ("… the levy and the toll rose": no tense of its own, a shared subject)
    doc = verb.doc
    noun = doc[min(c.i for c in before) - 1]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i <= verb.head.i or noun.dep_ in _NOT_HUNG:
        return None
    opening = noun.left_edge.i - 1
    if opening < 0 or doc[opening].dep_ != "cc" or doc[opening].lower_ not in _JOINING:
        return None
    return noun
