"""Arguments of a verb that no other shape proposes, each shape one source (``rule:NAME``) with its
measured right-rates (``scores``) and scored by the learned scorer once fitted on it:

* ``rule:pronoun-object`` — an active verb's pronoun object (``the minister denied it``, ``voters
  reject them``): the objects' rules take only a noun or a name; its speaker the one a verb without
  a subject shares (``holders.verb_holder``), else read by the speaker rules;
* ``rule:passive-subject`` — the subject of a passive without an infinitive or ``as`` phrase after
  it (``the levy was criticized by the farmers``, ``the treaty was widely praised``), which
  ``rule:raised-subject`` leaves out; its speaker the ``by`` agent when there is one, else read by
  the speaker rules.

Tried and left out (tuning, session 15): the noun a relative clause's verb takes as its object, for
a subject who can speak (``the levy that the farmers oppose``), that subject its speaker: 587
candidates, right 0.062 / 0.078 by band (1–3, 4–8 words; none longer), 0.04 with their speaker;
with the scorer refitted on it, tuning keys with suggestions 88.8 against 88.9 without it, for 0.8
more proposals per article to score.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import negated
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.passive_agent import stray_agent
from annotator.nlp.suggest.find import EMPTY_SUBJECTS, BroadFind
from annotator.nlp.suggest.raised import raised_pair
from annotator.nlp.suggest.holders import mention
from annotator.nlp.suggest.objects import object_finds

PRONOUN_OBJECT, PASSIVE_SUBJECT = "rule:pronoun-object", "rule:passive-subject"
#: Pronouns that never carry what was said: the reflexives and the question words.
NOT_CONTENT_TAGS = frozenset({"WDT", "WP", "WP$"})


def _pronoun_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "PRON"
                 and c.tag_ not in NOT_CONTENT_TAGS and not c.lower_.endswith(("self", "selves"))), None)


def pronoun_object(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``rule:pronoun-object``: an active verb's pronoun object."""
    return object_finds(scan, verb, _pronoun_object, PRONOUN_OBJECT, PRONOUN_OBJECT)


def passive_subject(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``rule:passive-subject``: a passive's subject before it, without the infinitive or ``as``
    phrase ``rule:raised-subject`` takes (those are its)."""
    if verb.pos_ != "VERB" or negated(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.lower_ in EMPTY_SUBJECTS or subject.tag_ in NOT_CONTENT_TAGS or raised_pair(verb):
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else stray_agent(verb)
    speaker = mention(source) if source is not None else None
    return [BroadFind(PASSIVE_SUBJECT, f, speaker, speaker is not None)
            for f in content_quote(scan, verb, subject.left_edge.i, subject.right_edge.i, scan.doc[verb.i:verb.i + 1])]

