"""Clauses the clause rules refuse: a finite clause or a ``to`` infinitive after any verb, in the
places neither the frames nor the broad rules take it, each shape one source (``rule:NAME``) with
its measured right-rates (``scores``).

* ``rule:subjectless-clause`` — under a verb without a subject of its own, a participle or a verb
  sharing another's subject (``the mayor left, adding that the fund was empty``), its speaker the
  one it shares (``holders.verb_holder``), none under a participle of asking (``Asked whether …,
  the mayor said``: the one it shares was asked); ``rule:subjectless-infinitive`` the same with a
  ``to`` infinitive (``…, vowing to reopen the mine``);
* ``rule:free-clause`` — under a verb whose subject cannot speak (a thing, ``it``, ``this``) or
  is the writer or the reader (``we``, ``you``), which the frames refuse (``the rule seems to
  favour the incumbents``); its speaker read by the speaker rules; ``rule:free-infinitive`` the
  same with a ``to`` infinitive. A subject who can speak is the frames' (``frame:clause``,
  ``frame:infinitive``, which a trained frames component rates by its counts): left to them.

Some overlap a broad rule's candidate (``rule:thing-subject``, ``rule:first-person-clause``): the
higher score wins.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.broad import after_that, _clause
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import verb_holder
from annotator.nlp.suggest.objects import SUBJECT_DEPS

#: The sources of a clause under a verb whose subject cannot speak: ``rule:free-clause``,
#: ``rule:free-infinitive`` (``FREE_INFINITIVE_SOURCE``).
FREE_SOURCE = "rule:free"
FREE_INFINITIVE_SOURCE = f"{FREE_SOURCE}-infinitive"


def verb_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``rule:subjectless-clause``/``-infinitive`` or ``rule:free-clause``/``-infinitive``."""
    if verb.pos_ != "VERB":
        return []
    clause = _clause(verb)
    if clause is None:
        return []
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ not in FIRST_SECOND_PERSON and could_speak(subject):
        return []  # a subject who can speak: the frames' (``frame:clause``, ``frame:infinitive``)
    start = after_that(clause)
    found = shape_content(scan, verb, start, clause.right_edge.i, scan.doc[verb.i:verb.i + 1], min_tokens=2)
    if not found:
        return []
    kind = "clause" if clause.dep_ == "ccomp" else "infinitive"
    if subject is not None:
        return [BroadFind(f"{FREE_SOURCE}-{kind}", f) for f in found]
    if asked_of_the_holder(verb, scan.lexicon):
        return [BroadFind(f"rule:subjectless-{kind}", f, None, True) for f in found]
    speaker = verb_holder(verb, scan.lexicon)
    return [BroadFind(f"rule:subjectless-{kind}", f, speaker, speaker is not None) for f in found]


def asked_of_the_holder(verb: Token, lexicon) -> bool:
    """``Asked whether the port would close, the mayor said …``: a verb of asking as a participle
    without an agent was asked *of* the subject it shares, so the question has no source (an unnamed
    asker, as attribution corpora annotate it), not the one who answers."""
    return verb.lemma_.lower() in lexicon.question_verbs and (verb.tag_ == "VBN" or verb.dep_ == "advcl") \
        and not any(c.dep_ == "agent" for c in verb.children)
