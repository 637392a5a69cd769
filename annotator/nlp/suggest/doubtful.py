"""Pre-labels of a doubtful shape, suggested instead (``demote``): classes of the parse in which a
quote the rules or the promoted suggestions write is right less than half the time, so that it costs
an annotator fewer keys as a suggestion (a right one is taken with a visit and a take, 2 keys; a
wrong one is passed over, 1) than as a pre-label (a wrong one is deleted, 3). Each class is stated
by its grammar, not by its words:

- a quote that is the lone word ``what`` (``what the mayor calls a bargain``): a free relative
  names what was said only through the clause it opens;
- the object of a cue verb in the perfect inside a relative clause on its speaker (``the mayor,
  who has backed the levy, …``): the speaker's record told in passing, seldom a report;
- the subject of a passive verb of asking or telling (``the pilot was asked about the delay``):
  the one asked or told, not what was said;
- the clause after ``That said,`` (``reported.conceding``): the writer grants the point before;
- what a passive cue under a modal reads (``the tower will be judged a landmark``, ``the ledger
  may be inspected by anyone``): an act of saying or judging foreseen or allowed, not one done.

Measured on PolNeAR train's tuning part (``bench/corpus.py --tuning``; docs/prelabel.md, session 31)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.nlp.cue_words import LISTENER_VERBS, QUESTION_VERBS
from annotator.nlp.doc_words import children_labelled, has_modal
from annotator.nlp.quotes.reported import conceded_cue
from annotator.nlp.speakers.cue_subject import relative_subject
from annotator.nlp.suggest.demote import PreLabel, prelabels

#: The score a doubtful pre-label is suggested with: about the classes' right-rate.
DOUBTFUL_SCORE = 0.4
#: The one word of a free relative's quote.
FREE_RELATIVE = "what"
#: Verbs whose passive subject is the one asked or told.
ADDRESSED_VERBS = LISTENER_VERBS | QUESTION_VERBS


def doubtful(doc: Doc, apart: set[tuple[int, int]] = frozenset(),
             found: list[PreLabel] | None = None) -> list[PreLabel]:
    """The pre-labels of ``doc`` of a doubtful class, but those whose characters are in ``apart``
    (already demoted); ``found``: ``prelabels(doc)``, when read already."""
    found = prelabels(doc) if found is None else found
    return [p for p in found if (p.span.start_char, p.span.end_char) not in apart and is_doubtful(p)]


def is_doubtful(prelabel: PreLabel) -> bool:
    span, cue = prelabel.span, prelabel.cue
    if len(span) == 1 and span[0].lower_ == FREE_RELATIVE:
        return True
    if cue is None:
        return False
    verb, head = cue.root, span.root
    return _record_in_relative(verb, head) or _addressed(verb, head) or conceded_cue(verb) or _modal_passive(verb)


def _record_in_relative(verb: Token, head: Token) -> bool:
    """``who has backed the levy``: the cue in the perfect, in a relative clause whose subject is its
    relative pronoun, and the quote its direct object."""
    return verb.dep_ == "relcl" and head.head == verb and head.dep_ == "dobj" \
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) \
        and relative_subject(verb) is not None


def _addressed(verb: Token, head: Token) -> bool:
    """``the pilot was asked about the delay``: the quote is the passive subject of a verb of asking or telling."""
    return head.dep_ == "nsubjpass" and head.head == verb and verb.lemma_.lower() in ADDRESSED_VERBS


def _modal_passive(verb: Token) -> bool:
    """``will be judged``, ``may be inspected``: a passive cue with a modal auxiliary (the children read
    off ``children_labelled``, once per Doc: no child built)."""
    return verb.i in children_labelled(verb.doc, "auxpass") and has_modal(verb)
