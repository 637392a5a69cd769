"""Where a stance, an intention or a view is the speaker's own: a verb heading its sentence, or one
that goes on with that sentence's subject — coordinated with it (``the senator backs the bill and
opposes the cuts``), a participle after it (``…, hoping to win Iowa``) or a gerund after ``by``
(``launched her bid by attacking the plan``). Inside a relative, reported or infinitive clause the
same words are seldom what this speaker is reported to hold."""

from __future__ import annotations

from spacy.tokens import Token

#: Prepositions whose gerund is an act of the main clause's subject (``by attacking``, ``after
#: praising``); ``without`` (an act not done) and ``for`` (``thanked her for backing``) are not.
ACT_PREPOSITIONS = frozenset({"by", "after", "while", "in"})


#: Verbs whose infinitive is an act done, not one meant (``went on to praise``, ``began to attack``,
#: ``took to Twitter to slam``, ``used the speech to defend``): Levin's aspectual verbs and the
#: verbs of using an occasion.
ACT_DONE_VERBS = frozenset({"go", "proceed", "continue", "begin", "start", "take", "use"})


def act_done(verb: Token) -> bool:
    """An infinitive that reports an act its head's subject did (``went on to name the cities``)."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i or head.lemma_.lower() not in ACT_DONE_VERBS:
        return False
    return head.dep_ in ("ROOT", "conj") and not _own_subject(verb) and not any(c.dep_ == "neg" for c in head.children)


def own_clause(verb: Token, *, participles: bool = True, gerunds: bool = True) -> bool:
    """The verb heads its sentence or carries on with the subject of the verb that does."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    if verb.dep_ == "conj":
        return head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX") and not _own_subject(verb)
    if participles and verb.dep_ == "advcl":
        return head.dep_ == "ROOT" and verb.tag_ == "VBG" and not _own_subject(verb) and verb.i > head.i
    if gerunds and verb.dep_ == "pcomp":
        return verb.tag_ == "VBG" and head.lower_ in ACT_PREPOSITIONS and head.head.dep_ == "ROOT"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
