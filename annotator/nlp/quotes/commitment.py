"""Commitments, demands, refusals, intentions and expectations reported with an infinitive:
``vowed to repeal the law``, ``urged Congress to act``, ``declined to comment on the report``,
``wants to run again``, ``expects to win``; the infinitive (with the person urged) is what was
said or meant. Beyond the commitments the subject must be someone who can mean something (``the
bill aims to cut taxes`` is no attribution)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.cue_words import COMMITMENT_VERBS, REQUEST_VERBS
from annotator.nlp.doc_words import negated, to_infinitive
from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak
from annotator.nlp.quotes.clause_end import lone_dash_cut, next_act_cut, reporter_addition_cut
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.lexicon import ADJUNCT_CLAUSE_MARKS, SUBJECT_DEPS


#: A request hanging inside another report or phrase (``said she had asked them to wait``, ``the
#: decision to order a review``): measured on PolNeAR train's tuning part, under a fifth right.
INSIDE_ANOTHER_DEPS = frozenset({"ccomp", "xcomp", "acl", "csubj"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    # The lexicon's lemma first: a tagger's lemma of "hoping" is sometimes "hop".
    lemma = scan.lexicon.lemma_of(verb) or verb.lemma_.lower()
    if lemma not in scan.lexicon.infinitive_verbs:
        return []
    if lemma in REQUEST_VERBS and verb.dep_ in INSIDE_ANOTHER_DEPS:
        return []  # "said the mayor asked residents to …": a request inside another report is its content
    return infinitive_quote(scan, verb, meant_by_anyone=lemma in COMMITMENT_VERBS)


def infinitive_quote(scan: QuoteScan, verb: Token, *, meant_by_anyone: bool) -> list[FoundQuote]:
    """The infinitive ``verb`` governs (with the person urged) as a quote; unless
    ``meant_by_anyone``, only when the subject can mean something."""
    if negated(verb) or scan.quoted(verb.idx):
        return []
    xcomp = _infinitive(verb)
    if xcomp is None:
        return []
    subject = subject_of(verb, scan.lexicon)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return []
    if not meant_by_anyone and not could_speak(subject):
        return []
    doc = scan.doc
    span = _extent(scan, verb, xcomp)
    if span is None or word_count(span) < 2:
        return []
    kind = type_for(span, scan.inside)
    if kind == "indirect" and _describes_its_antecedent(verb):
        return []
    return [FoundQuote(span, kind, doc[verb.i:verb.i + 1])]


def _infinitive(verb: Token) -> Token | None:
    """The ``to`` infinitive the verb governs after it: its complement (``vowed to act``), or a clause
    of its own subject and an infinitive, which the parser reads as a clause rather than an object and
    a complement (``wants the council to act``, ``expects them to stay``: the whole clause is meant)."""
    xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
    if xcomp is None or not to_infinitive(xcomp):
        return None
    if xcomp.dep_ == "ccomp" and not any(c.dep_ == "nsubj" and verb.i < c.i < xcomp.i for c in xcomp.children):
        return None
    return xcomp


def _extent(scan: QuoteScan, verb: Token, xcomp: Token) -> Span | None:
    """The infinitive, with the person urged before it (``urged Congress to act``), within the
    paragraph and cut where the speaker's next act or the reporter's addition begins."""
    doc = scan.doc
    listener = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < xcomp.i), None)
    start = listener.left_edge.i if listener is not None else xcomp.left_edge.i
    _, para_end = scan.paragraph(verb.idx)
    end = min(xcomp.right_edge.i + 1, scan.token_at_or_after(para_end), next_act_cut(xcomp, verb))
    end = min(end, reporter_addition_cut(doc, start, end))
    end = min(end, lone_dash_cut(doc, start, end, scan.quoted))
    end = min(end, _reporters_adjunct_cut(xcomp, end))
    return with_closing_mark(scan, trimmed(doc, start, end))


def _reporters_adjunct_cut(xcomp: Token, end: int) -> int:
    """Where the infinitive's adverbial clause that is the reporter's begins: a participle set off by
    a comma (``pledged to rebuild the army, reversing decades of caution``: what the act did) or a
    clause of circumstance, reason or concession (``sought to rally the base as he toured the state``)."""
    doc = xcomp.doc
    for child in xcomp.children:
        if child.dep_ != "advcl" or child.i < xcomp.i or child.left_edge.i >= end:
            continue
        first = doc[child.left_edge.i]
        if child.tag_ == "VBG" and doc[first.i - 1].text == ",":
            return first.i - 1
        if first.dep_ == "mark" and first.head.i == child.i and first.lower_ in ADJUNCT_CLAUSE_MARKS:
            return first.i
    return end


def _describes_its_antecedent(verb: Token) -> bool:
    """``the delegates who pledged to back the nominee``: a relative clause whose subject is the
    relative pronoun describes the people it names; measured on PolNeAR, under a fifth of such
    infinitives are attributions. (``the rally where she promised to …`` has a speaker of its own;
    quoted words, ``who urged voters to "send a message"``, are someone's: both are kept.)"""
    if verb.dep_ != "relcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is None or subject.tag_ in ("WDT", "WP")
