"""What a report's object is said to be: the ``as`` phrase the verb takes right after the object
(``described the fees as a tax``, ``described the fees as designed to punish farmers``, ``pointed
to the port as a model``), part of the content as after a verb of regarding."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import has_clause_subject

#: The clause dependencies an ``as`` predicate without a subject of its own gets from the parser
#: (``as designed to …``, ``as likely to …``).
_CLAUSE_DEPS = frozenset({"advcl"})


def said_to_be(verb: Token, last: int) -> Token | None:
    """The verb's phrase opened by ``as`` right after the object's last token ``last``: a
    prepositional phrase (``as a model``), or a clause with no subject of its own whose ``as`` is
    its own (``as designed to punish farmers``)."""
    doc = verb.doc
    if last + 1 >= len(doc) or doc[last + 1].lower_ != "as":
        return None
    opener = doc[last + 1]
    for child in verb.children:
        if child.dep_ == "prep" and child.i == opener.i:
            return child
        # a clause with a subject of its own is the reporter's time or cause (``as he argued …``)
        if child.dep_ in _CLAUSE_DEPS and child.left_edge.i == opener.i and opener.head.i == child.i \
                and not has_clause_subject(child):
            return child
    return None
