"""A judgement given as a small clause after a verb of declaring (Levin's ``declare`` verbs, 29.4):
``most voters consider Clinton honest``, ``the board deemed the plan a failure``, ``the judge
declared the count void``. The object with what is said of it (the parser reads them as a clause
with a subject and no verb, or as two objects) is the view held or declared; the verb is the cue,
its subject the speaker. Only a verb in its sentence's own clause, active, with a subject who can
speak (``lexicon.SMALL_CLAUSE_VERBS``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import passive
from annotator.nlp.lexicon import SMALL_CLAUSE_VERBS
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: The parts of speech of a predicate with no verb (``honest``, ``a failure``, ``void``).
PREDICATE_POS = frozenset({"ADJ", "NOUN", "PROPN"})
#: How the parser hangs such a predicate on the verb after its object.
PREDICATE_DEPS = frozenset({"ccomp", "oprd", "xcomp", "dobj", "acomp"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SMALL_CLAUSE_VERBS or verb.dep_ not in MAIN_DEPS \
            or scan.quoted(verb.idx) or passive(verb):
        return []
    said = small_clause(verb)
    if said is None:
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    return content_quote(scan, verb, said[0], said[1], scan.doc[verb.i:verb.i + 1], min_tokens=2)


def small_clause(verb: Token) -> tuple[int, int] | None:
    """The first and last token of what ``verb`` says of its object: a verbless clause after it with
    a subject of its own (``consider [Clinton honest]``), or an object followed by a predicate
    (``deemed [the plan] [a failure]``); None for anything else (a finite clause is another rule's)."""
    after = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in after if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ in PREDICATE_POS
                   and any(s.dep_ == "nsubj" and s.i < c.i for s in c.children)), None)
    if clause is not None:
        return clause.left_edge.i, clause.right_edge.i
    thing = next((c for c in after if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    predicate = next((c for c in after if c.i > thing.right_edge.i and c.dep_ in PREDICATE_DEPS
                      and c.pos_ in PREDICATE_POS), None)
    return (thing.left_edge.i, predicate.right_edge.i) if predicate is not None else None
