"""``…, Ellison said``: when the parser gives the verb no subject at all, a name or a personal
pronoun right after or right before it (past a parenthesis: ``Ann Lee (R-OH), said``) is the speaker.
For a found quote (``for_found_quote``), not the word after an ``-ing`` verb (``… and telling Americans
that …``: its listener) nor one opening the reported clause (``said Mr. Okafor was right``; session 39)."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.inverted import opens_clause
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind
from annotator.nlp.name_words import THIRD_PERSON_PRONOUNS, TIME_ENTITIES

#: The longest parenthesis skipped between a name and its verb, in tokens.
_MAX_ASIDE = 8


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    return _next_to(scan, cue, after=True)


def for_found_quote(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    """``find`` for the pre-labels' cues (not the suggestions': there it measured worse), without the
    word after an ``-ing`` verb or one that opens the reported clause."""
    verb = cue.root
    return _next_to(scan, cue, after=verb.tag_ != "VBG" and not _in_clause_subject(cue.doc, verb.i + 1))


def _next_to(scan: SpeakerScan, cue: Span, *, after: bool) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    doc, verb = cue.doc, cue.root
    for i in (verb.i + 1 if after else -1, before_aside(doc, verb.i)):  # a name, not a time (``said Tuesday``)
        if 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in TIME_ENTITIES
                                  or doc[i].lower_ in THIRD_PERSON_PRONOUNS):
            return scan.mention(doc[i])
    return None


def _in_clause_subject(doc, i: int) -> bool:
    """The token at ``i`` is, or is a compound word of, the subject of a clause after it (``inverted.opens_clause``)."""
    if i >= len(doc):
        return False
    token = doc[i]
    return opens_clause(token.head if token.dep_ == "compound" else token)


def before_aside(doc, verb: int) -> int:
    """The token before the verb, past a comma and a short parenthesis (``Gov. Ann Lee (R-OH),
    said``: the name, not the party and state)."""
    i = verb - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(i - _MAX_ASIDE, -1), -1) if doc[j].text == "("), None)
        if opening is not None:
            return opening - 1
    return verb - 1
