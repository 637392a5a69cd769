"""What a poll, a study or a count shows in a clause without a tense or in its object: ``the poll
showed Trump leading``, ``the survey found most voters undecided``, ``the poll shows a tighter
race``; the clause or object is the finding and its subject, a thing as often as a person, the
source. A clause with a tense (``found that most voters …``) is the reported-clause rule's."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import finite, has_clause_subject, negated
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan

#: Where the verb may stand: its own sentence, or a clause sharing its subject.
MAIN_DEPS = frozenset({"ROOT", "conj", "advcl"})
#: A phrase right after the finding's object that goes on saying what was found of it (``the poll
#: shows the mayor with a narrow lead``): the parser hangs it on the verb, but it is the finding.
FINDING_PREPOSITIONS = frozenset({"with"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in scan.lexicon.evidence_verbs or verb.pos_ != "VERB" or verb.dep_ not in MAIN_DEPS:
        return []
    if negated(verb) or scan.quoted(verb.idx):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in FIRST_SECOND_PERSON:
        return []
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return _trailing(scan, verb, subject) or _finding(scan, verb, subject)
    if finite(clause):
        return []
    return content_quote(scan, verb, clause.left_edge.i, finding_end(scan, verb, clause.right_edge.i),
                         scan.doc[verb.i:verb.i + 1], min_tokens=2)


def _trailing(scan: QuoteScan, verb: Token, subject: Token) -> list[FoundQuote]:
    """``The mill will close in May, records show.``: the clause before the comma is the finding,
    when the verb heads the sentence and its subject follows the comma. Measured on train's tuning
    part: 11 of 13 new quotes right."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < subject.i), None)
    if clause is None or verb.dep_ != "ROOT" or subject.left_edge.i == 0 \
            or scan.doc[subject.left_edge.i - 1].text != ",":
        return []
    return content_quote(scan, verb, clause.left_edge.i, clause.right_edge.i, scan.doc[verb.i:verb.i + 1], min_tokens=2)


def _finding(scan: QuoteScan, verb: Token, subject: Token) -> list[FoundQuote]:
    """``the poll showed a slimmer lead for the mayor``: the object is what the poll found. Only a
    thing's finding (a common noun subject: a person who ``showed restraint`` found nothing), and
    not ``find`` or ``confirm`` (``lexicon.clause_only_evidence_verbs``) with an object (``found the area welcoming``, ``confirmed the
    date``: as often a thing done); on train's tuning part 0.57 of these are right."""
    if verb.lemma_.lower() in scan.lexicon.clause_only_evidence_verbs or subject.pos_ != "NOUN":
        return []
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is None or thing.pos_ in ("PRON", "DET", "NUM") or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    last = thing.right_edge.i
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.i == last + 1
                   and c.lower_ in FINDING_PREPOSITIONS), None)
    if phrase is not None:
        last = phrase.right_edge.i
    return content_quote(scan, verb, thing.left_edge.i, finding_end(scan, verb, last), scan.doc[verb.i:verb.i + 1],
                         min_tokens=2)


def finding_end(scan: QuoteScan, verb: Token, last: int) -> int:
    """Where a finding that ends at ``last`` ends: for a verb of ``lexicon.finding_verbs``, at the
    end of the verb's clause (``shows Lee leading, with Ruiz at 12 percent``, ``…, followed by
    Ruiz``, ``…, while Ruiz trails``), but not into a clause of its own coordinated after a comma
    (``…, and the mayor has said …``), past a semicolon, or past a comma before someone else's
    report (``…, although Lee cautioned that …``)."""
    if verb.lemma_.lower() not in scan.lexicon.finding_verbs:
        return last
    doc = verb.doc
    end = verb.right_edge.i
    for i in range(last + 1, end + 1):
        token = doc[i]
        if token.text == ";":
            return i - 1
        if token.text == "," and any(_reports(scan, t) for t in doc[i + 1:end + 1]):
            return i - 1
        if token.dep_ == "cc" and doc[i - 1].text == "," and any(
                c.dep_ == "conj" and c.i > i and has_clause_subject(c) for c in token.head.children):
            return i - 2
    return end


def _reports(scan: QuoteScan, token: Token) -> bool:
    """A speech or cognition verb with a subject of its own: another attribution."""
    return scan.lexicon.is_cue(token) and has_clause_subject(token)
