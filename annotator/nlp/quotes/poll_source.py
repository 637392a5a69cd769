"""``In the spring survey, CLAUSE.``: a poll or a survey named in a phrase that opens its
sentence is the source of the clause after the phrase's comma, as ``according to`` names one
(``According to the poll, …``); one named in the phrase that closes its sentence's main clause
(``Ruiz leads by six points in the latest poll.``) is the source of that clause before it. The nouns are the lexicon's ``poll_nouns``; the cue is ``in``,
whose object the speakers read as they read ``according to``'s. A report inside the clause a poll
reports (``In the poll, 38 percent said the levy should pass``) is the poll's finding, not a quote of
its own: the poll's quote is kept over it (``add_polls``), and ``nested`` drops the inner one."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from annotator.nlp.quotes.according_to import fronted_phrase_end, opening_clause, phrase_report
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import holds
from annotator.nlp.quotes.noun_cue import add_reports
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.cue_words import TAKING_PART_VERBS

_NOUN = POS_IDS["NOUN"]
_PROPN = POS_IDS["PROPN"]


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    # a poll's name in title case (``the Field Poll``) is tagged a proper noun, its lemma capitalized
    nouns = [*scan.words_where(POS, _NOUN, LEMMA, scan.lexicon.poll_nouns),
             *scan.words_where(POS, _PROPN, LOWER, scan.lexicon.poll_nouns)]
    for noun in nouns:
        item = _in_poll(scan, noun)
        if item is not None:
            found.append(item)
    return found


def add_polls(found: list[FoundQuote], polls: list[FoundQuote]) -> list[FoundQuote]:
    """``noun_cue.add_reports``, except that a report whose words and cue lie inside a poll's quote
    does not keep the poll's out: both stay, and ``nested.outermost`` drops the inner one."""
    held = [f for f in found if f.quote_type != "direct" and f.cue is not None
            and any(holds(p, f) for p in polls)]
    return add_reports([f for f in found if f not in held], polls) + held


def _in_poll(scan: QuoteScan, noun: Token) -> FoundQuote | None:
    """The clause a sentence-opening ``In <poll>,`` (or a closing ``in <poll>``) reports, else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or scan.quoted(prep.idx):
        return None
    doc = scan.doc
    first, last = scan.sentence_in_paragraph(prep)
    if opening_clause(doc, first, prep.i) != prep.i:
        return _closing_poll(scan, prep, first, last)
    phrase_end = fronted_phrase_end(doc, prep, last)
    if phrase_end is None:
        return None
    return phrase_report(scan, phrase_end + 1, last, prep)


#: What a closing ``in <poll>`` phrase may hang on below the clause's verb (``a lead in the poll``,
#: ``ahead in the polls``, ``at 25 percent in the survey``, ``continues to lead in the polls``).
_BELOW_THE_VERB = frozenset({"advmod", "acomp", "dobj", "npadvmod", "attr", "xcomp"})
#: The clauses whose verb a closing ``in <poll>`` phrase may report besides the sentence's own: a
#: relative or adverbial clause (``…, where Ruiz has led in the polls, …``).
_CLAUSES = frozenset({"ROOT", "relcl", "advcl"})


def _closing_poll(scan: QuoteScan, prep: Token, first: int, last: int) -> FoundQuote | None:
    """``Ruiz leads Lee by six points in the latest poll.``: an ``in <poll>`` phrase after the verb of
    its sentence's main clause (or of a relative or adverbial clause in it), whose verb has a subject
    before the phrase, reports that clause from its subject to the phrase (tuning part, when only
    punctuation could follow the phrase: 6 of 8 new quotes right). What follows the phrase may be a
    modifier (``…, up two points``, ``despite the scandal``), not a clause with a subject of its own,
    and the verb is not one of taking part (``Most farmers voted in the poll, and the dam lost``)."""
    doc = scan.doc
    head = prep.head
    while head.dep_ in _BELOW_THE_VERB and head.head.i != head.i:
        head = head.head
    subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < prep.i), None)
    if head.dep_ not in _CLAUSES or head.pos_ not in ("VERB", "AUX") or subject is None \
            or head.lemma_.lower() in TAKING_PART_VERBS or head.left_edge.i < first:
        return None
    if not all(t.is_punct or t.is_space for t in doc[prep.right_edge.i + 1:last]):
        return None
    start = subject.left_edge.i if head.dep_ == "relcl" else head.left_edge.i
    return phrase_report(scan, start, prep.i, prep)
