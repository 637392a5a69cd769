"""``The first clash came when the porters blocked the quay, shouting "…"``: a participle set off by
a comma right after a clause inside its sentence, which the parser hangs on the main verb whose
subject is a thing, speaks for the subject of that nearer clause when it can speak; right after a
relative clause (``…, an account that the dock workers disputed, arguing …``) it does so whoever
the main subject is, unless the inner subject is a personal or a relative pronoun."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import finite, to_infinitive, word_before
from annotator.nlp.name_words import PERSONAL_PRONOUNS, could_speak

#: The clauses inside a sentence whose subject a participle right after them acts for.
_INNER_CLAUSES = frozenset({"advcl", "relcl"})


def nearer_subject(participle: Token, head: Token, subject: Token) -> Token | None:
    """For a set-off ``-ing`` participle on ``head``: the subject of the inner clause that ends right
    before the participle's comma, when it can speak and ``subject`` cannot, or when that clause is a
    relative clause and its subject no personal pronoun (one there is most often the main subject
    again: ``…, whom she had hired in May, calling …``) and no relative one (``said Varn, who runs the
    trust, pointing to …``: Varn's act, and the quote rules refuse a relative as its speaker); else None."""
    if participle.tag_ != "VBG" or participle.dep_ != "advcl":
        return None
    doc = participle.doc
    comma = word_before(doc, participle.left_edge.i)
    if comma < 0 or doc[comma].text != ",":
        return None
    last = word_before(doc, comma)
    clause = doc[last] if last >= 0 else None
    while clause is not None and (clause.pos_ not in ("VERB", "AUX") or _infinitive(clause)):
        clause = clause.head if clause.head.i != clause.i else None
    # the first verb above the clause's last word, past an infinitive (``the singers carry lanterns to
    # light the stage, shouting …``): a tensed inner clause (``had queued``), not the main verb (``called
    # for the board to resign, calling …``: the one who called)
    if clause is None or clause.i == head.i or clause.dep_ not in _INNER_CLAUSES or not finite(clause):
        return None
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if inner is None or not could_speak(inner):
        return None
    if could_speak(subject) and (clause.dep_ != "relcl" or inner.lower_ in PERSONAL_PRONOUNS
                                 or inner.tag_ in ("WP", "WDT")):
        return None
    return inner


def _infinitive(verb: Token) -> bool:
    """``to topple``: an infinitive the parser hangs on a verb before it (its complement or its
    purpose)."""
    return verb.dep_ in ("xcomp", "advcl") and to_infinitive(verb)

