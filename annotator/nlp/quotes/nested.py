"""A report inside another report's content: ``Ruiz said the board, which Okafor criticized,
would meet`` gives ``the board … would meet`` to Ruiz, and ``which Okafor criticized`` inside it is
part of what Ruiz said. News attribution corpora seldom mark the inner one as an attribution of its
own (PolNeAR train's tuning part: 34 of 178 such indirect and mixed pre-labels matched a gold one),
so a quote whose cue and words lie inside another indirect or mixed quote's words is dropped.

The speaker's next act is the exception (``Ruiz said the levy would pass, adding that …``): a
participle after a comma, or a verb after ``and``/``but``, with no subject of its own, hanging on
the outer report's own verb and reporting a clause of its own, is a second report by the same
speaker; the outer report stops before it and the inner one is kept."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.quotes.clause_end import comma_cut
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for
from annotator.nlp.doc_words import word_before
from annotator.nlp.quotes.scan import QuoteScan

#: Dependencies that make a verb a subject of its own clause.
_OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: ``doc.user_data`` key of the reports ``outermost`` drops (``inner_reports`` reads them): the
#: suggestions offer some of them as quotes of their own (``suggest/inner_reports.py``).
INNER_REPORTS = "annotator.inner_reports"


def outermost(found: list[FoundQuote], scan: QuoteScan | None = None) -> list[FoundQuote]:
    """``found`` less the indirect and mixed quotes whose cue and words lie inside another
    indirect or mixed quote (direct quotes are kept whatever holds them); the speaker's next act
    (``next_act_start``) is kept and cuts the report holding it, when ``scan`` is given."""
    reports = [f for f in found if f.quote_type != "direct"]
    cuts: dict[int, int] = {}
    kept = []
    dropped: list[tuple] = []
    for f in found:
        holders = [] if f.quote_type == "direct" or f.cue is None else [o for o in reports if holds(o, f)]
        if not holders:
            kept.append(f)
            continue
        starts = [next_act_start(o, f) if scan is not None else None for o in holders]
        if any(start is None for start in starts):
            dropped.append((f.span.start, f.span.end, f.cue.start, f.cue.end, f.quote_type, f.rule,
                            min(o.span.start for o in holders)))
            continue
        kept.append(f)
        for outer, start in zip(holders, starts, strict=True):
            cuts[id(outer)] = min(cuts.get(id(outer), start), start)
    if scan is not None:
        scan.doc.user_data[INNER_REPORTS] = dropped
    return [_cut(scan, f, cuts[id(f)]) if id(f) in cuts else f for f in kept]


def inner_reports(doc: Doc) -> list[tuple[FoundQuote, int]]:
    """The reports ``outermost`` dropped from ``doc`` (each inside another report's words), each with
    the token where the first report holding it starts."""
    out = []
    for start, end, cue_start, cue_end, quote_type, rule, holder in doc.user_data.get(INNER_REPORTS, ()):
        out.append((FoundQuote(doc[start:end], quote_type, doc[cue_start:cue_end], rule=rule), holder))
    return out


def next_act_start(outer: FoundQuote, inner: FoundQuote) -> int | None:
    """Where the speaker's next act starts inside ``outer`` (the comma or conjunction before the
    inner report's cue), when ``inner`` is one: its cue a verb with no subject of its own, a
    participle after a comma or a verb after ``and``/``but``, hanging on the verb of ``outer``'s
    words, with its words after it; else None."""
    span, cue = outer.span, inner.cue.root
    if cue.pos_ != "VERB" or inner.span.start <= cue.i or any(c.dep_ in _OWN_SUBJECT_DEPS for c in cue.children):
        return None
    if not _tops(span, cue.head) or not _reported_by(cue.head, outer.cue):
        return None
    doc = span.doc
    before = word_before(doc, cue.left_edge.i)
    if before <= span.start + 1:
        return None
    comma = comma_cut(doc, cue.left_edge.i)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and comma is not None:
        return comma
    if cue.dep_ == "conj" and doc[before].lower_ in ("and", "but"):
        return before
    return None


def _tops(span: Span, verb: Token) -> bool:
    """``verb`` is a verb of the span that hangs from a word outside it: what the words report."""
    return verb.pos_ in ("VERB", "AUX") and span.start <= verb.i < span.end \
        and (verb.head.i == verb.i or not span.start <= verb.head.i < span.end)


def _reported_by(verb: Token, cue: Span) -> bool:
    """``verb`` heads the clause ``cue`` reports (the speaker rules then give the participle the
    cue's speaker: ``speakers.mentions.subject_of``)."""
    return verb.dep_ == "ccomp" and cue.start <= verb.head.i < cue.end


def _cut(scan: QuoteScan, found: FoundQuote, end: int) -> FoundQuote:
    span = trimmed(found.span.doc, found.span.start, end)
    if span is None:
        return found
    return FoundQuote(span, type_for(span, scan.inside), found.cue, found.claims, found.rule)


def holds(outer: FoundQuote, inner: FoundQuote) -> bool:
    """``inner`` (with a cue) lies inside ``outer``, words and cue, and is not ``outer`` itself."""
    span, cue = inner.span, inner.cue
    start, end = outer.span.start, outer.span.end
    return outer is not inner and (start, end) != (span.start, span.end) \
        and start <= cue.start and cue.end <= end and start <= span.start and span.end <= end
