"""``Reyes issued a statement, "…"``, ``Lee shared her worries with donors, "…"``, ``Ortiz also
backed the plan -- "…"``: a quote the quote rules found without a cue, introduced by a comma or a
dash after a clause of its own sentence, is the words of that clause's subject when the subject
names a source (the parser hangs such a quote anywhere, so its head says nothing)."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.speakers.governing_verb import subjects_of_verbs
from annotator.nlp.speakers.scan import SpeakerScan

#: What may introduce a quote after a clause.
INTRODUCERS = frozenset({",", "—", "–", "--"})


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    return subjects_of_verbs(scan, found, introducing_verb)


def introducing_verb(scan: SpeakerScan, quote: Span) -> Token | None:
    """The verb of the clause a comma or dash right before the quote's opening mark ends, in the
    quote's paragraph."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and doc[i].text in QUOTE_MARK_TOKENS:
        i -= 1
    if i < 1 or doc[i].text not in INTRODUCERS or i == quote.start - 1:
        return None
    root = clause_head(doc[i - 1], i)
    if root.pos_ != "VERB" or root.i >= i or root.lemma_ == "be" or scan.quoted(root) \
            or root.idx < scan.paragraph(quote.start_char)[0] or subordinate(root):
        return None
    return root


def subordinate(verb: Token) -> bool:
    """``Unless rivals quit the race, "…"``: a clause a subordinating word opens is a condition or a
    time of the quoted words, not an introduction by its subject."""
    return any(c.dep_ == "mark" for c in verb.children)


def clause_head(token: Token, before: int) -> Token:
    """The highest head of ``token`` before index ``before`` (the parser may hang the clause before
    the comma on a verb inside the quote)."""
    while token.head.i != token.i and token.head.i < before:
        token = token.head
    return token
