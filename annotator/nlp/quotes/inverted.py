"""Inverted reports without quotation marks: ``CLAUSE, said X.`` or ``CLAUSE, X said.``, and the
clause that goes on after the attribution (``A, they said, and B.``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.cue_words import LISTENER_VERBS
from annotator.nlp.lexicon import FINITE_TAGS, QUOTE_MARK_TOKENS
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import (
    FoundQuote, has_words_outside, misread_past, trimmed, type_for, with_closing_mark, word_count,
)
from annotator.nlp.doc_words import finite, word_after, word_before
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.speakers.set_off_subject import set_off_phrase

#: A verb with one of these after it says what it says there, not in the clause before its comma.
COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "xcomp"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The clause before a speech verb's comma, and the one continuing after it, if any; or, for an
    attribution set in the middle of one clause (``Most of the new jobs, he said, have gone
    to rural counties.``), the two pieces of that clause."""
    lemma = scan.cue_lemma(verb)
    if lemma not in scan.lexicon.speech:
        return _set_off_thought(scan, verb) if lemma in scan.lexicon.cognition else []
    span = _before(scan, verb)
    if span is None:
        return _around_an_adverbial(scan, verb) or _inside_one_clause(scan, verb) \
            or _before_a_continuing_quote(scan, verb)
    # After a subject alone (``This election, she says, is different.``) two words make a predicate.
    # (a clause whose verb the tagger misread as a participle has its tense all the same)
    tensed = any(t.tag_ in FINITE_TAGS for t in span) or misread_past(span.root) \
        or _misread_clause(scan, span, verb)
    continued = _continued(scan, verb, min_words=3 if tensed else 2)
    if tensed:
        return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    if continued and word_count(span) >= 1:
        # Neither piece is a statement alone: a subject before the attribution, its verb after.
        return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    if verb.dep_ == "parataxis" and _continued(scan, verb, own_reports=True):
        # ``Lately, she said, she has learned that …``: the clause after holds a report of its own
        # (found on its own); the phrase before is still this attribution's piece
        return [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    return _before_a_continuing_quote(scan, verb)


def _set_off_thought(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``These fares, the growers believe, will fall.``: a verb of thinking set off by commas between a
    subject and its predicate reports both pieces, as a speech verb does; not at the sentence's end
    (``…, they believe.``), not after a clause of its own (``The port is busy, but by May, many
    think, it will …``: where the thought begins is unclear), nor for the writer or the reader (``It
    is, I think, too late``)."""
    subject = _subject(scan, verb)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON:
        return []
    continued = _continued(scan, verb, min_words=2, tensed=False)
    span = _before(scan, verb, adverbial_ok=True) if continued else None
    if span is None or any(t.tag_ in FINITE_TAGS and not scan.quoted(t.idx) for t in span):
        return []
    return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]


def _subject(scan: QuoteScan, verb: Token) -> Token | None:
    """The verb's own subject, or the head of the words a set-off attribution's misread subject
    stands in (``The levy, local growers say, is unfair``: ``speakers.set_off_subject``)."""
    phrase = set_off_phrase(verb, scan.lexicon)
    return phrase.root if phrase is not None else subject_of(verb, scan.lexicon, climb=0)


#: How the parse hangs a misread clause on the verb that reports it.
MISREAD_CLAUSE_DEPS = frozenset({"ccomp", "dep", "dobj"})
#: What may follow an attribution that closes its sentence (``…, the union said on Friday.``).
CLOSING_ADJUNCT_DEPS = frozenset({"npadvmod", "prep", "advmod", "punct"})


def _misread_clause(scan: QuoteScan, span: Span, verb: Token) -> bool:
    """``Both schools plan to cut their budgets, the principal said.``: a clause whose verb the tagger
    read as a noun (``plan``, ``votes``, ``resume``) has no tense on its tags, yet the words before the
    comma are what was said when the attribution closes its sentence (nothing after the verb but
    its time or place) and the parse hangs them on the verb as more than its circumstance."""
    root = span.root
    if root.head.i != verb.i or root.dep_ not in MISREAD_CLAUSE_DEPS or word_count(span) < 4:
        return False
    subject = _subject(scan, verb)
    if subject is None or subject.i > verb.i:
        return False
    sentence_end = verb.sent.end
    after = [c for c in verb.children if c.i > verb.i and c.dep_ != "punct"]
    if any(c.dep_ not in CLOSING_ADJUNCT_DEPS for c in after):
        return False
    last = max([verb.i, *(c.right_edge.i for c in after)])
    return all(t.is_punct or t.is_space for t in scan.doc[last + 1:sentence_end])


def _before_a_continuing_quote(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``Sooner or later, the governor told reporters, "it starts to pay off."``: when the quote
    after an attribution set inside a sentence goes on with it (it opens in lower case), the words
    before the attribution are part of what was reported; news attribution corpora count them as a
    piece of their own. A quote that opens a sentence of its own (``Speaking in Ohio, she said, "We
    will win."``) leaves them to the reporter."""
    doc = scan.doc
    subject = _subject(scan, verb)
    if subject is None:
        return []
    after = max(verb.i, subject.right_edge.i) + 1
    listener = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i == after), None)
    if listener is not None and not scan.quoted(listener.idx):
        after = listener.right_edge.i + 1  # "the governor told reporters, "…""
    if after + 2 >= len(doc) or doc[after].text != "," or doc[after + 1].text not in QUOTE_MARK_TOKENS:
        return []
    opening = doc[after + 2]
    if not (opening.is_alpha and opening.is_lower) or not scan.quoted(opening.idx):
        return []
    span = _before(scan, verb, adverbial_ok=True, quote_after=True)
    if span is None or word_count(span) < 1:
        return []
    return [FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])]


def _around_an_adverbial(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``After the court ruled, the lawyer said, most such laws were thought safe.``: an attribution
    set between the commas of one sentence (the parse makes it a parenthetical) reports the clause
    after it, and, as news attribution corpora count it, the adverbial before it too."""
    if verb.dep_ != "parataxis":
        return []
    continued = _continued(scan, verb)
    # the clause after it may hold a report of its own (``Lately, she said, she has learned that
    # …``): it is found on its own, and the adverbial is still this attribution's piece
    goes_on = continued or _continued(scan, verb, own_reports=True)
    span = _before(scan, verb, adverbial_ok=True) if goes_on else None
    if span is None:
        return []
    return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]


def _inside_one_clause(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``It is, the mayor said, a costly plan for a small town.``: an attribution set inside a clause
    whose verb stands before it (the parse hangs the attribution on that verb) reports both pieces,
    however short, as news attribution corpora cut them."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.i >= verb.i or head.dep_ != "ROOT" or not finite(head):
        return []
    continued = _continued(scan, verb, min_words=2, tensed=False)
    found = _comma_before(scan, verb)
    if not continued or found is None or found[1] or continued[0].span.end > head.right_edge.i + 1:
        return []
    comma = found[0]
    para_start, _ = scan.paragraph(verb.idx)
    span = trimmed(scan.doc, max(head.sent.start, scan.token_at_or_after(para_start)), comma)
    if span is None or head not in span or not has_words_outside(span, scan.inside):
        return []
    return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]


def _before(scan: QuoteScan, verb: Token, *, adverbial_ok: bool = False, quote_after: bool = False) -> Span | None:
    """What stands before the comma in ``CLAUSE, said X.`` or ``CLAUSE, X said.`` (no quotation
    marks), from the start of its sentence; an adverbial of the verb only when ``adverbial_ok``; with
    ``quote_after``, also when the verb's complement is the quote that continues the sentence."""
    doc = scan.doc
    said_after = not quote_after and any(c.dep_ in COMPLEMENT_DEPS and c.i > verb.i and not _listener(scan, verb, c)
                                         for c in verb.children)
    if said_after and not _complement_before(verb):
        return None  # "Germany has pledged to bolster its army": what it says comes after the verb
    found = _comma_before(scan, verb)
    if found is None:
        return None
    comma, ends_quoted = found
    para_start, _ = scan.paragraph(verb.idx)
    start = max(doc[comma - 1].sent.start, scan.token_at_or_after(para_start))
    span = trimmed(doc, start, comma)
    if span is not None and not adverbial_ok and _adverbial_of(span, verb):
        return None  # "As talks stalled, the union continued": the verb's own circumstance, not a report
    if ends_quoted:
        span = with_closing_mark(scan, span)
        if span is not None and not any(t.tag_ in FINITE_TAGS and not scan.quoted(t.idx) for t in span):
            return None  # words before the quote without a verb of their own (a dateline) are no clause
    if span is None or not has_words_outside(span, scan.inside):
        return None
    if any(t.tag_ in FINITE_TAGS for t in span) and word_count(span) < 3:
        return None
    if said_after and not _one_plain_clause(scan, span, verb):
        return None
    # Without a finite verb it is a phrase ("Speaking at the conference, ...") and reports
    # something only when the clause goes on after the attribution.
    return span


#: What may stand between an attribution set off by commas and its closing comma: the phrases that
#: set it in time, place or medium (``, she said in an interview,``, ``, he told the board on Monday,``).
ATTRIBUTION_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod"})


def attribution_end(scan: QuoteScan, verb: Token, subject: Token) -> int:
    """The last word of an attribution ``X said`` / ``said X``: the verb or its subject after it, then
    the listener of a verb that has one (``, the captain told them,``) and the phrases that set it in
    time, place or medium (``, she said in an interview,``), each right after the one before."""
    doc = scan.doc
    last = max(verb.i, subject.right_edge.i)
    for child in sorted((c for c in verb.children if c.i > last), key=lambda c: c.i):
        if child.left_edge.i != word_after(doc, last):
            break
        if child.dep_ not in ATTRIBUTION_ADJUNCT_DEPS and not _listener(scan, verb, child):
            break
        last = child.right_edge.i
    return last


def _listener(scan: QuoteScan, verb: Token, child: Token) -> bool:
    """The one a verb of telling speaks to (``told them``, ``assured the board``): its object, a noun
    or pronoun outside quotation marks, not what was said."""
    return child.dep_ in ("dobj", "dative") and verb.lemma_.lower() in LISTENER_VERBS \
        and child.pos_ in ("NOUN", "PROPN", "PRON") and not scan.quoted(child.idx)


def _comma_before(scan: QuoteScan, verb: Token) -> tuple[int, bool] | None:
    """The comma (or dash) before the attribution ``, said X`` or ``, X said``, and whether the
    words before it end on a quoted part; none when there is no such comma, when it closes a
    direct quote, or when the attribution introduces what follows a colon."""
    doc = scan.doc
    subject = _subject(scan, verb)
    if subject is not None and subject.i > verb.i:
        comma = word_before(doc, verb.i)
    elif subject is not None:
        comma = word_before(doc, subject.left_edge.i)
    else:
        return None
    ends_quoted = comma > 1 and doc[comma].text in QUOTE_MARK_TOKENS and doc[comma - 1].text == ","
    if ends_quoted:
        # "Ms. Vance is "not a team player," said Mr. Holt": a clause that ends on a quoted
        # part is the report (mixed), when some of its words stand outside the marks.
        comma -= 1
    if comma <= 0 or doc[comma].text not in (",", "—", "–"):
        return None
    if not ends_quoted and doc[comma - 1].text in QUOTE_MARK_TOKENS:
        return None  # "…," she said: a direct quote's attribution
    after = word_after(doc, attribution_end(scan, verb, subject))
    if after < len(doc) and doc[after].text == ":":
        return None  # "Speaking in X, she said:" introduces what follows, it reports nothing before
    return comma, ends_quoted


def before_piece(scan: QuoteScan, verb: Token) -> FoundQuote | None:
    """``There is a risk, some aides said, that …``: the clause before an attribution set inside a
    sentence whose reported clause goes on after it, as a quote of its own (the parse makes both
    clauses complements of the verb)."""
    if not _complement_before(verb) or scan.cue_lemma(verb) not in scan.lexicon.speech:
        return None
    span = _before(scan, verb)
    if span is None or not _one_plain_clause(scan, span, verb):
        return None
    return FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])


def _one_plain_clause(scan: QuoteScan, span: Span, verb: Token) -> bool:
    """The words before the attribution are the verb's complement clause itself: not an adverbial
    (``While not all of it is true, she said …``), not several clauses (``…; indeed, she said``),
    not a clause with a report of its own."""
    root = span.root
    if root.head.i != verb.i or root.dep_ != "ccomp" or span[0].dep_ == "mark" or not finite(root):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in root.children):
        return False  # "…, shortly after the senator quit his race, she said": a time, not a report
    return not any(t.text in (";", ":") or t.i != root.i and scan.lexicon.is_cue(t) for t in span)


def _complement_before(verb: Token) -> bool:
    """The parse makes a clause before the verb its complement (``The plan works, he told the
    board``): what the verb has after it (a listener, a second clause) does not stop the report."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _adverbial_of(span: Span, verb: Token) -> bool:
    """The words before the comma are an adverbial clause or phrase of the verb itself (``As the
    talks stalled, …``, ``After the vote, …``): the parse hangs a reported clause on the verb as
    ``ccomp`` or puts the verb in parataxis, never as its ``advcl`` or ``prep``."""
    root = span.root
    return root.head.i == verb.i and root.dep_ in ("advcl", "prep", "npadvmod")


def _continued(scan: QuoteScan, verb: Token, min_words: int = 3, *, own_reports: bool = False,
               tensed: bool = True) -> list[FoundQuote]:
    """``A, they said, and B.``: the clause after an inverted attribution is reported too; unless
    ``own_reports``, not when it holds a report of its own (``…, she said, adding that …``); unless
    not ``tensed``, only a clause with a verb of its own."""
    doc = scan.doc
    subject = _subject(scan, verb)
    if subject is None:
        return []
    after = word_after(doc, attribution_end(scan, verb, subject))
    if after >= len(doc) or doc[after].text != ",":
        return []
    _, para_end = scan.paragraph(verb.idx)
    start = word_after(doc, after)
    if start < len(doc) and doc[start].lower_ in ("and", "but", "while"):
        start = word_after(doc, start)
    end = min(doc[after].sent.end, scan.token_at_or_after(para_end))
    if end <= start or doc[start].text in QUOTE_MARK_TOKENS:
        return []
    span = trimmed(doc, start, end)
    if span is None or word_count(span) < min_words or not has_words_outside(span, scan.inside):
        return []
    if tensed and not any(t.tag_ in FINITE_TAGS and t.dep_ not in ("relcl", "acl") for t in span):
        return []
    if not own_reports and any(scan.lexicon.is_cue(t) and _reports_on_its_own(t) for t in span):
        return []  # "…, she said, adding that …": that report is found on its own
    return [FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])]


def _reports_on_its_own(cue: Token) -> bool:
    """A cue word in the continued clause that makes a report of its own (``adding that …``, ``and
    aides agreed that …``); a passive (``laws were thought safe``) or a main verb with an object
    (``she was considering a run``) does not."""
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "conj", "xcomp"):
        return True
    # "do not have to worry that …" hangs on the continued clause's own verb: part of it
    return any(c.dep_ == "ccomp" for c in cue.children) and cue.dep_ != "xcomp"
