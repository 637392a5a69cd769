"""``X made (it) clear that CLAUSE``: a speaker who makes a thing clear, plain or known states it,
and the clause is what was stated (``the mayor made it clear that the pool would stay closed``,
``the union has made plain it will strike``). The parser hangs the clause on ``make`` or on the
adjective, and reads the adjective as a clause, a complement or a predicate of ``make``: the rule
takes each. The cue is ``make`` with its adjective; a subject who cannot speak (``the figures make
clear that …``) or a negated verb (``did not make clear whether …``) reports nothing."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import finite, negated, passive
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.cue_words import STATING_ADJECTIVES

#: The verb whose adjective makes a statement of its clause, and those adjectives.
MAKING_VERB = "make"
#: How the parser hangs the adjective on ``make``: ``made it clear`` (a clause), ``made clear``
#: (a complement or a predicate).
_ADJECTIVE_DEPS = frozenset({"ccomp", "acomp", "oprd", "xcomp", "dobj", "advmod"})
#: The words that may stand between ``make`` and its adjective: ``it`` and a degree adverb
#: (``made it very clear``, ``made abundantly clear``).
_BETWEEN = 3


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The clause ``verb`` (``make``) states with its adjective, when its subject can speak."""
    if verb.lemma_.lower() != MAKING_VERB or verb.pos_ != "VERB" or negated(verb) or scan.quoted(verb.idx):
        return []
    adjective = _adjective(verb)
    if adjective is None or passive(verb):
        return []
    clause = _stated_clause(verb, adjective)
    if clause is None:
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    doc = scan.doc
    start = max(clause.left_edge.i, adjective.i + 1)  # ``made clear the pool …``: the adjective hangs on the clause
    while start < clause.i and (doc[start].lower_ == "that" and doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    return content_quote(scan, verb, start, clause.right_edge.i, doc[verb.i:adjective.i + 1], min_tokens=2)


def _adjective(verb: Token) -> Token | None:
    """The stating adjective right after ``make`` (``it`` and a degree adverb may stand between),
    hung on ``make`` or, in ``made clear the pool would close``, on the clause after it."""
    for token in verb.doc[verb.i + 1:verb.i + 1 + _BETWEEN]:
        if token.lower_ in STATING_ADJECTIVES:
            head = token.head
            on_verb = head.i == verb.i and token.dep_ in _ADJECTIVE_DEPS
            on_clause = head.dep_ == "ccomp" and head.head.i == verb.i and head.i > token.i
            return token if on_verb or on_clause else None
    return None


def _stated_clause(verb: Token, adjective: Token) -> Token | None:
    """The finite clause after the adjective, hung on ``make`` or on the adjective itself."""
    if adjective.head.i != verb.i:
        return adjective.head if finite(adjective.head) else None
    for head in (adjective, verb):
        for child in head.children:
            if child.i > adjective.i and child.dep_ in ("ccomp", "advcl") and finite(child) \
                    and not any(c.dep_ == "mark" and c.lower_ not in ("that",) for c in child.children):
                return child
    return None
