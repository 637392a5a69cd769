"""Hand gates over the promotion of suggestions without a source: shapes whose shown suggestions are right
more often than their source's score says, promoted under ``promote_sourceless_min_score``."""

from __future__ import annotations

from annotator.nlp.suggest.propose import Proposal

#: ``rule:raised-subject``: the subject piece of a raising verb (``the hull appears | to be cracked``).
RAISED_SUBJECT_SOURCE = "rule:raised-subject"
#: ``appear`` with an infinitive reports what the evidence shows, where ``seem`` gives an impression
#: (session 45: on tuning 22 of 33 shown ``appear`` subject pieces scored this or more pair with gold,
#: against 14 of 35 for ``seem``).
APPEAR_MIN_SCORE = 0.4


def evidential_appear(proposal: Proposal, score: float) -> bool:
    """``the hull appears to be cracked``: the subject piece of ``appear`` raising an infinitive, no
    speaker found, scored at least ``APPEAR_MIN_SCORE``: the writer's report of evidence, promoted
    without a source."""
    return proposal.source == RAISED_SUBJECT_SOURCE and proposal.speaker is None and proposal.cue is not None \
        and score >= APPEAR_MIN_SCORE and any(t.lemma_ == "appear" for t in proposal.cue)


#: ``rule:verb-topic-preposition``: a verb's topic after a preposition (``pressed for | a recount``).
VERB_TOPIC_SOURCE = "rule:verb-topic-preposition"


def sought_topic(proposal: Proposal, score: float) -> bool:
    """``calling for a recount``: a verb's topic after ``for`` with no speaker found names what is asked
    for, promoted without a source whatever its score."""
    return proposal.source == VERB_TOPIC_SOURCE and proposal.speaker is None and proposal.cue is not None \
        and proposal.cue[-1].lower_ == "for"


#: The gates, each ``(proposal, shown score) -> promoted``.
GATES = (evidential_appear, sought_topic)


def gated(proposal: Proposal, score: float) -> bool:
    """Whether a hand gate promotes a chosen proposal with a cue and no speaker at ``score``."""
    return any(gate(proposal, score) for gate in GATES)
