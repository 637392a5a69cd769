"""``The first clash came when the porters blocked the quay, shouting "…"``: a participle set off by
a comma right after a clause inside its sentence, which the parser hangs on the main verb whose
subject is a thing, speaks for the subject of that nearer clause when it can speak."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import word_before
from annotator.nlp.lexicon import TENSED_VERB_TAGS
from annotator.nlp.name_words import could_speak

#: The clauses inside a sentence whose subject a participle right after them acts for.
_INNER_CLAUSES = frozenset({"advcl", "relcl"})


def nearer_subject(participle: Token, head: Token, subject: Token) -> Token | None:
    """For a set-off ``-ing`` participle on ``head`` whose ``subject`` cannot speak: the subject of
    the inner clause that ends right before the participle's comma, when it can speak; else None."""
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or could_speak(subject):
        return None
    doc = participle.doc
    comma = word_before(doc, participle.left_edge.i)
    if comma < 0 or doc[comma].text != ",":
        return None
    last = word_before(doc, comma)
    clause = doc[last] if last >= 0 else None
    while clause is not None and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head if clause.head.i != clause.i else None
    # the first verb above the clause's last word: a tensed inner clause, not the main verb, not an
    # infinitive (``called for the board to resign, calling …``: the one who called)
    if clause is None or clause.i == head.i or clause.dep_ not in _INNER_CLAUSES or clause.tag_ not in TENSED_VERB_TAGS:
        return None
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return inner if inner is not None and could_speak(inner) else None
