"""A second report a pre-label swallows in a relative clause (``Ruiz said the levy, which the
unions say will close the mill, was fair``): a speech verb heading a relative clause inside the
pre-label's words, with a subject of its own that is not the relative word, reports its complement
(``will close the mill``) for that subject. ``nested.outermost`` drops such inner reports, and the
outer pre-label keeps its extent (gold keeps the relative clause in the outer content as often as
not), so the inner one is offered as a quote of its own (``relative:report``) with its verb as the
cue and its subject as the speaker.

Measured on PolNeAR train's tuning part (rates only, no text): shown in the pipeline, 6 of 17 paired
(overlap ≥ 50%) with a gold attribution no pre-label found (0.35; few). The same shape with a verb of
another cue class (1 of 6), or heading an adverbial clause (a speech verb 6 of 36, another cue verb 2
of 25), stays under the 0.17 a quote of its own needs and is not offered."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.records import CUE_REL
from annotator.nlp.convert import DocSuggestion, relations_of
from annotator.nlp.doc_words import negated
from annotator.nlp.frames.candidates import overlaps_any
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, Lexicon
from annotator.nlp.quotes.found import trimmed

RELATIVE_REPORT = "relative:report"
#: Right-rate of the suggestions by band (1-3, 4-8, 9+ words): 6 of 17 over all bands on tuning (few,
#: so one rate for every band).
RELATIVE_REPORT_SCORES = (0.35, 0.35, 0.35)
#: A verb's complements that carry what it reports.
_REPORTED_DEPS = ("ccomp", "xcomp", "dobj")
#: Tags of a relative word (``which``, ``who``, ``that`` as a relative pronoun, ``where``).
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def relative_reports(doc: Doc, lexicon: Lexicon, min_score: float,
                     taken: list[DocSuggestion]) -> list[DocSuggestion]:
    """Each relative report inside a non-direct pre-label (``inner_report``) clear of the other
    pre-labels and of ``taken``, when its score reaches ``min_score``."""
    score = RELATIVE_REPORT_SCORES[0]
    if score < min_score or "quotes" not in doc.spans:
        return []
    cues = {(r.head_start, r.head_end): (r.child_start, r.child_end) for r in relations_of(doc, CUE_REL)}
    ranges = [(s.quote_start, s.quote_end) for s in taken]
    out = []
    for quote in doc.spans["quotes"]:
        cue = cues.get((quote.start_char, quote.end_char))
        if quote._.quote_type == "direct" or cue is None:
            continue
        for verb in quote:
            if cue[0] <= verb.idx < cue[1]:
                continue
            found = inner_report(quote, verb, lexicon)
            if found is None or overlaps_any(found[0].start_char, found[0].end_char, ranges):
                continue
            piece, subject = found
            kind = "mixed" if any(t.text in QUOTE_MARK_TOKENS for t in piece) else "indirect"
            out.append(DocSuggestion(piece.start_char, piece.end_char, kind, verb.idx, verb.idx + len(verb.text),
                                     subject.start_char, subject.end_char, score, RELATIVE_REPORT))
            ranges.append((piece.start_char, piece.end_char))
    return out


def inner_report(quote: Span, verb: Token, lexicon: Lexicon) -> tuple[Span, Span] | None:
    """The words ``verb`` reports inside ``quote`` and its subject's phrase, when ``verb`` is a speech
    verb (not negated) heading a relative clause with a subject of its own before it that is not a
    relative word; else None."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or not lexicon.is_speech(verb) or negated(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.tag_ in _RELATIVE_TAGS or subject.left_edge.i < quote.start:
        return None
    parts = [c for c in verb.children if c.dep_ in _REPORTED_DEPS and c.i > verb.i]
    if not parts:
        return None
    doc = quote.doc
    start = max(parts[0].left_edge.i, verb.i + 1)  # (the relative word hangs on the complement)
    while start < parts[0].i and doc[start].dep_ == "mark":
        start += 1
    end = min(max(p.right_edge.i for p in parts) + 1, quote.end)
    piece = trimmed(doc, start, end) if start < end else None
    if piece is None:
        return None
    return piece, doc[subject.left_edge.i:subject.right_edge.i + 1]
