"""Reported questions: ``asked the senator if she would run`` (the parser hangs an ``if`` clause on
the verb as an adverbial, but after a verb of asking it is what was asked); and ``did not mention
the levy``: what a speaker left unmentioned is, in the news attribution corpora, the content of an
attribution too (measured on PolNeAR's tuning part: most such phrases are; about two in three of
this rule's quotes match one there). A negated verb of saying over a question clause (``would not
say when …``) is an attribution in PolNeAR but not in our own gold sets (``news_blind``): not
reported, like a negated ``said that …``."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import WH_WORDS
from annotator.nlp.quotes.found import FoundQuote, content_quote, negated
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: Verbs whose clause is a question put to someone.
QUESTION_VERBS = frozenset({"ask", "question", "wonder", "inquire", "enquire", "query"})
#: Verbs whose negated object is what the speaker left unsaid.
UNSAID_OBJECT_VERBS = frozenset({"mention"})
#: Conjunctions that open a yes-or-no question clause.
QUESTION_MARKS = frozenset({"if", "whether"})


def asked_clauses(verb: Token) -> list[Token]:
    """The ``if``/``whether`` clause after a verb of asking that the parse makes its adverbial."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _opens_question(c)]


def _opens_question(clause: Token) -> bool:
    """The clause opens with ``whether``/``if`` or a question word (``why``, ``how``, ``when``)."""
    first = clause.left_edge
    return first.lower_ in QUESTION_MARKS or first.lower_ in WH_WORDS and first.tag_ in ("WRB", "WP", "WDT", "IN")


def unmentioned(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``The senator did not mention the levy``: the object of a negated ``mention`` with a subject."""
    if verb.lemma_.lower() not in UNSAID_OBJECT_VERBS or verb.pos_ != "VERB" or not negated(verb) \
            or scan.quoted(verb.idx) or subject_of(verb, scan.lexicon) is None:
        return []
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is None or thing.pos_ in ("PRON", "DET"):
        return []
    return content_quote(scan, verb, thing.left_edge.i, thing.right_edge.i, scan.doc[verb.i:verb.i + 1])
