"""``About 4 in 10 say …``, ``Less than a third agreed that …``: a poll's count of people as the
subject of a finite verb, which the parser hangs on the verb as a number or a measure
(``nummod``, ``npadvmod``) and leaves the verb without a subject."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import has_clause_subject
from annotator.nlp.lexicon import TENSED_VERB_TAGS
from annotator.nlp.name_words import TIME_ENTITIES

#: How the parser hangs a count before a verb on it.
_COUNT_DEPS = frozenset({"nummod", "npadvmod"})


def count_subject(verb: Token) -> Token | None:
    """The count right before a subjectless finite verb (nothing but the count's own words between
    the sentence's start or a comma and the verb), not a date or a time."""
    if verb.tag_ not in TENSED_VERB_TAGS or has_clause_subject(verb):
        return None
    count = next((c for c in verb.children if c.dep_ in _COUNT_DEPS and c.i < verb.i), None)
    if count is None or count.pos_ not in ("NUM", "NOUN") or count.ent_type_ in TIME_ENTITIES \
            or count.right_edge.i + 1 != verb.i:
        return None
    return count
