"""A relative clause with no relative word (a contact clause) whose verb says or judges what its
noun names: ``the one mistake the mayor acknowledged``, ``a fact she often mentions``, ``the policies
the council has railed against``. The noun phrase before the clause is what was said or judged (its
object, or the object of its stranded preposition), the clause's subject the speaker. With
``which``/``who`` the pronoun is the content instead (``object_of_cue.relative_at``); with
``that`` the clause is as often part of another report's words, and is left alone."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.cue_words import FREE_CHOICE_WORDS, LISTENER_VERBS
from annotator.nlp.doc_words import negated
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan

#: How the parser hangs a contact clause on its noun: as a relative clause, or as a clause of the
#: noun with a subject of its own (``the claim the mayor denied``).
RELATIVE_DEPS = frozenset({"relcl", "acl"})
#: A verb with one of these has its own object, clause or predicate, or is passive: not this shape.
_OWN_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "auxpass", "nsubjpass"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The noun phrase a contact clause's cue verb takes as its object (or its stranded
    preposition's): a verb of the lexicon's ``object_verbs`` or ``stance_verbs``, or of its
    ``prepositional_verbs`` with one of its prepositions left at the end."""
    noun = verb.head
    if verb.dep_ not in RELATIVE_DEPS or verb.pos_ != "VERB" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return []
    lexicon, lemma = scan.lexicon, verb.lemma_.lower()
    children = list(verb.children)
    stranded = _stranded_preposition(verb, lexicon.prepositional_verbs.get(lemma, frozenset()))
    if stranded is None and (lemma not in lexicon.object_verbs and lemma not in lexicon.stance_verbs
                             or lemma in LISTENER_VERBS):
        return []
    if negated(verb) or scan.quoted(verb.idx) or any(c.dep_ in _OWN_COMPLEMENTS for c in children) \
            or _relative_word(verb):
        return []
    subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if not reporting_subject(subject) or _free_choice(noun):
        return []
    doc = scan.doc
    cue = doc[verb.i:stranded.i + 1] if stranded is not None and stranded.i == verb.i + 1 else doc[verb.i:verb.i + 1]
    return content_quote(scan, verb, noun.left_edge.i, noun.i, cue)


def _free_choice(noun: Token) -> bool:
    return noun.lower_ in FREE_CHOICE_WORDS or any(c.dep_ == "det" and c.lower_ in FREE_CHOICE_WORDS
                                                   for c in noun.children)


def _stranded_preposition(verb: Token, prepositions: frozenset[str]) -> Token | None:
    """``railed against`` at the end of ``the policies the council has railed against``: one of the verb's
    prepositions after it with no object of its own."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in prepositions
                 and not any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)


def _relative_word(verb: Token) -> bool:
    """A ``which``/``who``/``that`` (or ``whose``, ``whom``) before the verb in its clause."""
    return any(t.i < verb.i and (t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that") for t in verb.subtree)
