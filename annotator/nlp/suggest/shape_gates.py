"""The gates of every parse shape (``frames.gates``): the broad rules' (``broad.GATES``) and those of
the objects, verbs' prepositions and clauses the other rules refuse; each a necessary condition read
off its rule's code (the rule decides), so the one pass over a Doc (``broad.shape_candidates``)
tries a rule only on the tokens where it can find anything."""

from __future__ import annotations

import numpy

from annotator.nlp.frames.gates import Gate, ParseFacts
from annotator.nlp.suggest.broad import GATES, Rule, _clause_after, _noun_object
from annotator.nlp.suggest.arguments import passive_subject, pronoun_object
from annotator.nlp.suggest.clauses import verb_clause
from annotator.nlp.suggest.objects import verb_object
from annotator.nlp.suggest.felt_reaction import felt_reaction, felt_reaction_gate
from annotator.nlp.suggest.participle_agent import participle_agent, participle_agent_gate
from annotator.nlp.suggest.prepositions import TOPIC_PREPOSITIONS, verb_topic_preposition
from annotator.nlp.suggest.relative_report import relative_report, relative_report_gate, what_object, what_object_gate

#: A verb with one of these children is passive: neither the objects' nor the prepositions'.
PASSIVE = frozenset({"auxpass", "nsubjpass"})


def _verb_object_gate(f: ParseFacts) -> numpy.ndarray:
    return f.part_of_speech("VERB") & ~f.child(PASSIVE) & _noun_object(f)


def _verb_topic_preposition_gate(f: ParseFacts) -> numpy.ndarray:
    """One of ``TOPIC_PREPOSITIONS`` after the verb, with an object."""
    topic = f.label({"prep"}) & f.reads(TOPIC_PREPOSITIONS) & f.child({"pobj", "pcomp"})
    return f.part_of_speech("VERB") & ~f.child(PASSIVE) & f.parent_of(topic, "after")


def _verb_clause_gate(f: ParseFacts) -> numpy.ndarray:
    return f.part_of_speech("VERB") & _clause_after(f)


def _pronoun_object_gate(f: ParseFacts) -> numpy.ndarray:
    """A pronoun object after an active verb (``arguments._pronoun_object``)."""
    return f.part_of_speech("VERB") & ~f.child(PASSIVE) & f.parent_of(f.label({"dobj"}) & f.part_of_speech("PRON"), "after")


def _passive_subject_gate(f: ParseFacts) -> numpy.ndarray:
    """A passive verb, not negated, with its subject before it (``arguments.passive_subject``)."""
    return f.part_of_speech("VERB") & ~f.negated & f.child({"auxpass"}) & f.child({"nsubjpass"}, "before")



#: rule → its gate, for every shape rule (``shapes.every_shape`` hands it to the one pass).
SHAPE_GATES: dict[Rule, Gate] = {
    **GATES,
    verb_object: _verb_object_gate,
    verb_topic_preposition: _verb_topic_preposition_gate,
    verb_clause: _verb_clause_gate,
    pronoun_object: _pronoun_object_gate,
    passive_subject: _passive_subject_gate,
    relative_report: relative_report_gate,
    what_object: what_object_gate,
    participle_agent: participle_agent_gate,
    felt_reaction: felt_reaction_gate,
}
