"""``One delegate, who like others spoke anonymously, said …``, ``"…," said the clerk, who did not want
to be named``: when the parser reads a speaker's relative clause as a clause the cue verb reports
and leaves the verb with no subject, the noun the ``who`` follows (the first words of that clause)
spoke."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.speakers.mentions import subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind, overlaps

#: The clauses of the cue verb the parser may have made of a speaker and its relative clause.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis"})
#: What may stand between the noun and its ``who`` (``Lee, meanwhile, who …``).
_BETWEEN = frozenset({"PUNCT", "ADV"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb = cue.root
    if subject_of(verb, scan.lexicon) is not None:
        return None
    for clause in verb.children:
        if clause.dep_ not in _CLAUSE_DEPS or quote is not None and overlaps(verb.doc[clause.left_edge.i:clause.right_edge.i + 1], quote):
            continue
        noun = noun_before_who(clause)
        if noun is not None:
            return scan.mention(noun)
    return None


def noun_before_who(clause: Token) -> Token | None:
    """The subject noun that opens ``clause`` and is followed by a relative ``who``."""
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    who = next((i for i in range(start, end) if doc[i].lower_ == "who" and doc[i].tag_ == "WP"), None)
    if who is None:
        return None
    i = who - 1
    while i > start and doc[i].pos_ in _BETWEEN:
        i -= 1
    noun = doc[i]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in SUBJECT_DEPS or noun.left_edge.i != start:
        return None
    return noun
