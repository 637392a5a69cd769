"""``rule:seeming-subject`` and ``rule:seeming-predicate``: a verb of perception that links its subject
to how it strikes one (``SEEMING_VERBS``: ``the timetable looks | shaky``, ``the levy sounds | fair``,
``the regatta looks | like a walkover``, ``it sounds | like the board gave up``), a report of
an impression that names nobody, cut around its verb as ``raised`` cuts a raising verb's content. Only
with a predicate after the verb (an adjective or noun, a ``like`` phrase or clause): ``looked at the
map`` and ``looks to win`` report nothing. The verb (with its ``like`` before a noun) is the cue; no
speaker. Sources of their own
(scored by the rate table, ``scores``), not the raised rule's: measured as its pieces, the learned
scorer promoted them far above how often they are right (docs/prelabel.md, "Session 30")."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.raised import RAISED_PREDICATE_DEPS, marked_like

SUBJECT_SOURCE = "rule:seeming-subject"
PREDICATE_SOURCE = "rule:seeming-predicate"
SEEMING_SOURCES = (SUBJECT_SOURCE, PREDICATE_SOURCE)
#: Verbs of perception that link a subject to how it strikes one: a class of English verbs, not a list
#: drawn from a corpus (``seem`` and ``appear`` are the raising verbs, ``raised``'s).
SEEMING_VERBS = frozenset({"look", "sound"})


def _predicate(verb: Token) -> Token | None:
    """What the verb says its subject seems, after it: a predicate (``looks shaky``), a ``like`` phrase
    (``looks like a rout``) or a clause marked ``like`` or ``as if`` (``sounds like the board …``)."""
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ in RAISED_PREDICATE_DEPS or c.dep_ == "prep" and c.lower_ == "like"
        or c.dep_ == "advcl" and marked_like(c))), None)


def seeming(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.lemma_.lower() not in SEEMING_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    predicate = _predicate(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if predicate is None or subject is None or subject.lower_ == "there":
        return []
    doc = scan.doc
    cue = doc[verb.i:verb.i + 1]
    start = predicate.left_edge.i
    if predicate.dep_ == "prep":  # ``looks like | a rout``: the ``like`` is the cue's, as ``of`` is a noun's
        start, cue = predicate.i + 1, doc[verb.i:predicate.i + 1]
    out = [] if subject.lower_ == "it" else [  # ``it sounds like …``: an empty ``it``
        BroadFind(SUBJECT_SOURCE, f, None, True)
        for f in content_quote(scan, verb, subject.left_edge.i, subject.right_edge.i, cue)]
    return out + [BroadFind(PREDICATE_SOURCE, f, None, True)
                  for f in shape_content(scan, verb, start, predicate.right_edge.i, cue)]


def seeming_gate(f: ParseFacts) -> numpy.ndarray:
    """A subject before the verb and a predicate, a ``like`` phrase or a clause after it."""
    return f.child({"nsubj"}, "before") & (f.child(RAISED_PREDICATE_DEPS | {"advcl"}, "after")
                                           | f.parent_of(f.label({"prep"}) & f.reads({"like"}), "after"))
