"""A speech verb whose object quotes someone's words: ``mourned the "simpler times" when …``,
``conceded "a handful of errors" in which …``; the object is a mixed quote. Objects without a quoted
part (``announced his candidacy``) are left alone: they name an act, not its words."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.cue_words import LISTENER_VERBS
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    lemma = scan.cue_lemma(verb)
    if lemma is None or lemma not in scan.lexicon.speech or lemma in LISTENER_VERBS:
        return []
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return []  # a clause or an infinitive is reported by the rules for those
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is None:
        return []
    subject = subject_of(verb, scan.lexicon)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return []
    doc = scan.doc
    _, para_end = scan.paragraph(verb.idx)
    end = min(thing.right_edge.i + 1, scan.token_at_or_after(para_end))
    start = thing.left_edge.i
    if start > verb.i + 1 and doc[start - 1].text in QUOTE_MARK_TOKENS and scan.quoted(doc[start].idx):
        start -= 1  # the opening mark the parser hung on the verb
    span = with_closing_mark(scan, trimmed(doc, start, end))
    if span is None or word_count(span) < 2 or type_for(span, scan.inside) != "mixed":
        return []
    return [FoundQuote(span, "mixed", doc[verb.i:verb.i + 1])]
