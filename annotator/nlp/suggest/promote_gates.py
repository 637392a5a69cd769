"""Hand gates over promotion: shapes whose shown suggestions are right more often than the scorer says,
promoted without a source under ``promote_sourceless_min_score`` (``gated``) or with their speaker
under the promotion model's ``promote_min_score`` (``spoken_gated``)."""

from __future__ import annotations

from annotator.nlp.name_words import could_speak
from annotator.nlp.suggest.broad import BARE_NOUN_PREPOSITION_SOURCE
from annotator.nlp.suggest.clauses import FREE_INFINITIVE_SOURCE
from annotator.nlp.suggest.headline_verb import HEADLINE_VERB_SOURCE
from annotator.nlp.suggest.partisan_noun import PARTISAN_SOURCE
from annotator.nlp.suggest.prepositions import VERB_TOPIC_SOURCE
from annotator.nlp.suggest.propose import Proposal
from annotator.nlp.suggest.raised import RAISED_COMPLEMENT_SOURCE, RAISED_SUBJECT_SOURCE

#: ``appear`` with an infinitive reports what the evidence shows, where ``seem`` gives an impression
#: (session 45: on tuning 22 of 33 shown ``appear`` subject pieces scored this or more pair with gold,
#: against 14 of 35 for ``seem``).
APPEAR_MIN_SCORE = 0.4


#: Verbs of a verdict that, in the passive with no agent, report a judgement nobody is named for
#: (``the levy was deemed unfair``, ``the pier is considered a relic``); not ``seen as``/``viewed as``,
#: whose pieces gold marks half the time (session 45: 10 of 26 on tuning), nor ``declared`` (``was
#: declared mayor`` states a result; the hand-made sets mark none).
VERDICT_PASSIVES = frozenset({"deem", "consider", "regard", "judge"})


def _of(proposal: Proposal, sources: tuple[str, ...], spoken: bool) -> bool:
    """A proposal of one of ``sources`` with a cue, and with a speaker found when ``spoken`` (none
    when not)."""
    return proposal.source in sources and (proposal.speaker is not None) == spoken and proposal.cue is not None


def _holderless(proposal: Proposal, *sources: str) -> bool:
    """A proposal of one of ``sources`` with a cue and no speaker found."""
    return _of(proposal, sources, spoken=False)


def evidential_appear(proposal: Proposal, score: float) -> bool:
    """``the hull appears to be cracked``: the subject piece of ``appear`` raising an infinitive, no
    speaker found, scored at least ``APPEAR_MIN_SCORE``: the writer's report of evidence, promoted
    without a source."""
    return _holderless(proposal, RAISED_SUBJECT_SOURCE) and score >= APPEAR_MIN_SCORE \
        and any(t.lemma_ == "appear" for t in proposal.cue)


def sought_topic(proposal: Proposal, score: float) -> bool:
    """``calling for a recount``: a verb's topic after ``for`` with no speaker found names what is asked
    for, promoted without a source whatever its score."""
    return _holderless(proposal, VERB_TOPIC_SOURCE) and proposal.cue[-1].lower_ == "for"


def holderless_topic(proposal: Proposal, score: float) -> bool:
    """``concerns about the ferry toll``, ``amid questions about the cost``: a report noun with no
    holder (``rule:bare-noun-preposition``, no speaker found) and ``about`` its topic reports what
    nobody named raises, so it is promoted without a source whatever its shown score (session 44:
    on tuning 28 of 44 such shown suggestions pair with gold, against 16 of 61 after the noun's other
    prepositions, and the scorer's score did not part them)."""
    return _holderless(proposal, BARE_NOUN_PREPOSITION_SOURCE) and proposal.cue[-1].lower_ == "about"


def verdict_piece(proposal: Proposal, score: float) -> bool:
    """``the old levy was deemed | unfair``: a raised piece of a passive verdict (``VERDICT_PASSIVES``)
    with no agent, promoted without a source whatever its score (session 45: on tuning 6 of 7 pair with
    gold)."""
    return _holderless(proposal, RAISED_SUBJECT_SOURCE, RAISED_COMPLEMENT_SOURCE) and any(
        t.lemma_.lower() in VERDICT_PASSIVES and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
        and not any(c.dep_ == "agent" for c in t.children) for t in proposal.cue)


#: The gates, each ``(proposal, shown score) -> promoted``.
GATES = (holderless_topic, evidential_appear, sought_topic, verdict_piece)


def gated(proposal: Proposal, score: float) -> bool:
    """Whether a hand gate promotes a chosen proposal with a cue and no speaker at ``score``."""
    return any(gate(proposal, score) for gate in GATES)


#: The shown score from which a topic after ``about`` or an infinitive under a subject the frames
#: refuse is promoted with its speaker (session 45: the counted band, 0.4 or more).
SPOKEN_MIN_SCORE = 0.4


def _spoken(proposal: Proposal, source: str) -> bool:
    """A proposal of ``source`` with a cue and a speaker found."""
    return _of(proposal, (source,), spoken=True)


def headline_report(proposal: Proposal, score: float) -> bool:
    """``Harbour Chief Praises Ferry Plan``: a capitalised headline's misread cue verb with the words
    before it as speaker (``rule:headline-verb``) is the line's report, promoted whatever its score
    (the scorer's features read a parse that hangs every word on a name; session 45: 23 of 40 right
    with their speaker)."""
    return _spoken(proposal, HEADLINE_VERB_SOURCE)


def partisan_stance(proposal: Proposal, score: float) -> bool:
    """``the senator is a critic of the levy``: a partisan noun said of its speaker
    (``rule:partisan-noun``) states the side the speaker takes, promoted whatever its score (session
    45: 10 of 14 right with their speaker)."""
    return _spoken(proposal, PARTISAN_SOURCE)


def spoken_topic(proposal: Proposal, score: float) -> bool:
    """``the mayor, who spoke about the toll``: a verb's topic after ``about`` with a speaker who can
    speak (``name_words.could_speak``: not ``it`` or a thing), ``rule:verb-topic-preposition``, scored
    ``SPOKEN_MIN_SCORE`` or more (session 45: 20 of 33 right with their speaker; with ``it`` or a
    thing as speaker too, 23 of 42)."""
    return _spoken(proposal, VERB_TOPIC_SOURCE) and proposal.cue[-1].lower_ == "about" \
        and score >= SPOKEN_MIN_SCORE and could_speak(proposal.speaker.root)


def spoken_infinitive(proposal: Proposal, score: float) -> bool:
    """``It continues to sink``, ``the plan aims to cut fares``: a ``to`` infinitive under a verb whose
    subject the frames do not take as one who speaks (``rule:free-infinitive``), with a speaker the
    speaker rules found, scored ``SPOKEN_MIN_SCORE`` or more (session 45: 16 of 24 such shown
    suggestions are right with their speaker)."""
    return _spoken(proposal, FREE_INFINITIVE_SOURCE) and score >= SPOKEN_MIN_SCORE


#: The gates of suggestions with a speaker, each ``(proposal, shown score) -> promoted``.
SPOKEN_GATES = (headline_report, partisan_stance, spoken_infinitive, spoken_topic)


def spoken_gated(proposal: Proposal, score: float) -> bool:
    """Whether a hand gate promotes a chosen proposal with a cue and a speaker at ``score``."""
    return any(gate(proposal, score) for gate in SPOKEN_GATES)
