"""``rule:participle-agent``: a noun with a past participle of a cue verb after it that names who
did it in a ``by`` phrase: ``a toll criticized by the ferry crews``, ``the harbour plan, praised by
two councillors, …``. The noun phrase is what was said or judged, the participle (a verb of our cue
classes, ``cue_words.CUE_VERB_CLASSES``) the cue, the ``by`` object the speaker. Without the ``by``
phrase nobody is named (``named.reported_noun``)."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.cue_words import cue_verb_class
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind
from annotator.nlp.suggest.holders import speaking
from annotator.nlp.suggest.named import PARTICIPLE_TAGS, noun_piece

PARTICIPLE_AGENT_SOURCE = "rule:participle-agent"
#: The children of a participle heading a clause of its own (not a reduced relative).
OWN_CLAUSE_CHILDREN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


def participle_agent(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in PARTICIPLE_TAGS or noun.i > verb.i \
            or noun.pos_ not in ("NOUN", "PROPN") or cue_verb_class(verb.lemma_) is None \
            or any(c.dep_ in OWN_CLAUSE_CHILDREN for c in verb.children):
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    speaker = speaking(doer)
    if speaker is None:
        return []
    cue = scan.doc[verb.i:verb.i + 1]
    return [BroadFind(PARTICIPLE_AGENT_SOURCE, f, speaker, True) for f in noun_piece(scan, verb, cue)]


def participle_agent_gate(f: ParseFacts) -> numpy.ndarray:
    """A participle hanging from a noun as a reduced relative, with a ``by`` agent."""
    return f.tagged(PARTICIPLE_TAGS) & f.label({"acl"}) & f.child({"agent"}, "after")
