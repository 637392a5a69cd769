"""Every parse-shape source of the suggestions in one table, tried in one pass over a Doc: the
broad rules' (``broad``), and the objects (``objects``), verbs' prepositions (``prepositions``) and
clauses (``clauses``) that the quote rules, the frames and the broad rules refuse whatever the word,
and the pronoun objects and passives' subjects no other shape takes (``arguments``)."""

from __future__ import annotations

from annotator.nlp.quotes.reported import conceded_cue
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.arguments import PASSIVE_SUBJECT, PRONOUN_OBJECT, passive_subject, pronoun_object
from annotator.nlp.suggest.broad import NOUN_RULES, VERB_RULES, Rules, shape_candidates
from annotator.nlp.suggest.find import BroadFind
from annotator.nlp.suggest.clauses import verb_clause
from annotator.nlp.suggest.objects import verb_object
from annotator.nlp.suggest.headline_verb import HEADLINE_VERB_SOURCE, headline_verbs
from annotator.nlp.suggest.felt_reaction import FELT_REACTION_SOURCE, felt_reaction
from annotator.nlp.suggest.participle_agent import PARTICIPLE_AGENT_SOURCE, participle_agent
from annotator.nlp.suggest.prepositions import verb_topic_preposition
from annotator.nlp.suggest.relative_report import RELATIVE_REPORT_SOURCE, WHAT_OBJECT_SOURCE, relative_report, \
    what_object
from annotator.nlp.suggest.shape_gates import SHAPE_GATES

#: The shapes tried on verbs, and on nouns, each with the sources it proposes.
SHAPE_VERB_RULES: Rules = {
    **VERB_RULES,
    ("rule:free-object", "rule:subjectless-object"): verb_object,
    ("rule:verb-topic-preposition",): verb_topic_preposition,
    ("rule:subjectless-clause", "rule:subjectless-infinitive", "rule:free-clause", "rule:free-infinitive"): verb_clause,
    (PRONOUN_OBJECT,): pronoun_object,
    (PASSIVE_SUBJECT,): passive_subject,
    (RELATIVE_REPORT_SOURCE,): relative_report,
    (WHAT_OBJECT_SOURCE,): what_object,
    (PARTICIPLE_AGENT_SOURCE,): participle_agent,
    (FELT_REACTION_SOURCE,): felt_reaction,
}
SHAPE_NOUN_RULES: Rules = dict(NOUN_RULES)
SHAPE_SOURCES: tuple[str, ...] = (*(s for rules in (SHAPE_VERB_RULES, SHAPE_NOUN_RULES)
                                      for sources in rules for s in sources), HEADLINE_VERB_SOURCE)


def every_shape(scan: QuoteScan, sources: frozenset[str] | set[str], *, gated: bool = True) -> list[BroadFind]:
    """Every candidate of the parse-shape rules among ``sources`` (overlapping each other or a
    pre-label: the caller leaves those out); each rule tried where its gate lets it (``shape_gates``).
    None is cued by the ``said`` of ``That said, …`` (``reported.conceded_cue``): the demonstrative
    grants a point, nobody says the words after it, and the speaker rules would give ``That``."""
    found = shape_candidates(scan, sources, SHAPE_VERB_RULES, SHAPE_NOUN_RULES, gates=SHAPE_GATES, gated=gated)
    if HEADLINE_VERB_SOURCE in sources:  # (a line's words, not a verb's: read once per Doc)
        found += headline_verbs(scan)
    return [find for find in found if not _conceding_cue(scan, find)]


def _conceding_cue(scan: QuoteScan, find: BroadFind) -> bool:
    cue = find.found.cue
    if cue is None:
        return False
    root = cue[0] if len(cue) == 1 else cue.root  # (a one-word cue is its root: ``Span.root`` costs more)
    return root.pos_ in ("VERB", "AUX") and conceded_cue(root)
