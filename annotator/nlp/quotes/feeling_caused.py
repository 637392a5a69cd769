"""A feeling caused in someone (Levin's ``amuse`` psych verbs, 31.1): ``the ruling angered the
union``, ``the vote rattled investors``. The one who feels (the verb's object) reacts to what caused
it (the subject), and that is the attribution: the subject is the content, the verb the cue and the
object the source (``speakers.experiencer``). Only a verb in its sentence's own clause
(``object_of_cue.MAIN_DEPS``), with a subject that is not a relative pronoun and an object who can
feel and say so (``lexicon.FEELING_CAUSED_VERBS``). In the passive the roles swap places (``the union
was angered by the ruling``, ``investors were rattled that …``): the subject feels, and the content
is the ``by`` agent's object, a clause, or the object of a preposition of the cause (``CAUSE_PREPOSITIONS``:
``alarmed at``, ``upset over``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import passive
from annotator.nlp.lexicon import FEELING_CAUSED_VERBS
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.experiencer import experiencer
from annotator.nlp.cue_words import CAUSE_PREPOSITIONS

#: The tags of a relative pronoun (``which``, ``that`` heading a relative clause): it stands for
#: words outside the clause, which this rule does not reach.
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in FEELING_CAUSED_VERBS or verb.dep_ not in MAIN_DEPS \
            or scan.quoted(verb.idx):
        return []
    feeler = experiencer(verb)
    cause = _passive_cause(verb) if passive(verb) else _active_cause(verb)
    if cause is None or feeler is None or feeler.tag_ in RELATIVE_TAGS:
        return []
    return content_quote(scan, verb, cause.left_edge.i, cause.right_edge.i, scan.doc[verb.i:verb.i + 1])


def _active_cause(verb: Token) -> Token | None:
    """The subject before an active verb, when not a relative pronoun."""
    cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i), None)
    return None if cause is None or cause.tag_ in RELATIVE_TAGS else cause


def _passive_cause(verb: Token) -> Token | None:
    """After a passive verb, the first of: the ``by`` agent's object, a clause, the object of a
    preposition of the cause."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "ccomp":
            return child
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in CAUSE_PREPOSITIONS:
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None

