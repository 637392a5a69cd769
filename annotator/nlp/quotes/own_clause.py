"""Where a stance, an intention or a view is the speaker's own: a verb heading its sentence, or one
that goes on with that sentence's subject — coordinated with it (``the senator backs the bill and
opposes the cuts``; a second clause with a subject of its own too, ``…, and she plans to run``), a
participle after it (``…, hoping to win Iowa``) or a gerund after ``by`` (``launched her bid by
attacking the plan``). Inside a relative, reported or infinitive clause the
same words are seldom what this speaker is reported to hold."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import negated_tokens
from annotator.nlp.lexicon import Lexicon


def act_done(verb: Token, lexicon: Lexicon) -> bool:
    """An infinitive that reports an act its head's subject did (``went on to praise the treaty``;
    the heads are ``lexicon.act_done_verbs``)."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i or head.lemma_.lower() not in lexicon.act_done_verbs:
        return False
    return head.dep_ in ("ROOT", "conj") and not _own_subject(verb) and head.i not in negated_tokens(head.doc)


def own_clause(verb: Token, lexicon: Lexicon, *, participles: bool = True, gerunds: bool = True) -> bool:
    """The verb heads its sentence or carries on with the subject of the verb that does (a gerund
    after one of ``lexicon.act_prepositions``)."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    if verb.dep_ == "conj":
        return head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubjpass", "mark") for c in verb.children)
    if participles and verb.dep_ == "advcl":
        return head.dep_ == "ROOT" and verb.tag_ == "VBG" and not _own_subject(verb) and verb.i > head.i
    if gerunds and verb.dep_ == "pcomp":
        return verb.tag_ == "VBG" and head.lower_ in lexicon.act_prepositions and head.head.dep_ == "ROOT"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def acts_as_verb(token: Token) -> bool:
    """A present-tense verb the tagger took for a plural noun, as in headlines (``Tenants blasts
    landlord for …``): a ``-s`` word heading its sentence with a subject before it and an object after it."""
    if token.tag_ != "NNS" or token.dep_ != "ROOT" or not token.lower_.endswith("s"):
        return False
    children = list(token.children)
    return any(c.dep_ == "nsubj" and c.i < token.i for c in children) \
        and any(c.dep_ == "dobj" and c.i > token.i for c in children)
