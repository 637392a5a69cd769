"""A report inside a pre-labeled report, offered as a quote of its own: ``Ruiz said the levy, which
the council called unfair, would pass`` pre-labels ``the levy … would pass`` for Ruiz, and the quote
rules' ``which the council called unfair`` (``quotes/nested.py`` drops it from the pre-labels) is
offered with its own cue and speaker (``extent:inner-report``).

Only a report that opens inside the outer words, after their first word (a relative clause, an
adverbial clause, a second clause), and whose cue has no personal pronoun as its subject: where the
outer words are the inner report's own clause (``Ruiz said the council called it unfair``), or its
speaker is a pronoun (often the outer speaker again), gold marks the inner one far less often."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.convert import DocSuggestion
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.quotes.found import FoundQuote, trimmed
from annotator.nlp.quotes.nested import inner_reports
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan
from annotator.nlp.suggest.scores import table_score

INNER_REPORT = "extent:inner-report"
#: The holder's extent cut before an offered report in an adverbial clause (it replaces the holder).
BEFORE_INNER = "extent:before-inner-report"

#: Right-rate by band of the inner reports offered (1-3, 4-8, 9+ words): the scorer pairs the report
#: with a gold attribution no pre-label found.
INNER_REPORT_SCORES: dict[str, tuple[float, float, float]] = {INNER_REPORT: (0.167, 0.317, 0.206),
                                                             BEFORE_INNER: (0.0, 0.071, 0.231)}


#: How an offered report's cue hangs inside the holder's words: an adverbial clause (``…, after
#: critics warned that …``), a relative clause, a preposition's clause (``despite claims by …``).
#: Not a second verb of the holder's clause (``conj``: mostly the same speaker going on, which gold
#: joins to the holder) nor the holder's reported clause itself (``ccomp``).
INNER_DEPS = frozenset({"advcl", "relcl", "pcomp"})


def opening(report: FoundQuote) -> int:
    """The first token of the report's clause: its cue's, its content's or its cue's subject's."""
    return min(report.cue.start, report.cue.root.left_edge.i, report.span.start)


def offered(report: FoundQuote, holder_start: int) -> bool:
    """The report opens after the holder's first word, its cue hangs as one of ``INNER_DEPS`` and has
    no personal pronoun as its subject."""
    return left_out(report, holder_start) is None


def left_out(report: FoundQuote, holder_start: int) -> str | None:
    """Why ``offered`` leaves the report out (None: it does not): it opens at the holder's start, its cue
    hangs as a ``conj`` or another dependency not in ``INNER_DEPS``, or its subject is a personal pronoun."""
    root = report.cue.root
    if opening(report) <= holder_start:
        return "opens at the holder's start"
    if root.dep_ not in INNER_DEPS:
        return "conj" if root.dep_ == "conj" else "other dependency"
    return "pronoun subject" if any(_personal(c) for c in root.children) else None


def _personal(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "PRP"


def _pronoun(speaker: Span | None) -> bool:
    """A personal pronoun the speaker rules reached past the report's own clause (often the holder's
    speaker, whom gold does not name for the inner report)."""
    return speaker is not None and len(speaker) == 1 and speaker[0].tag_ == "PRP"


def inner_report_suggestions(doc: Doc, lexicon: Lexicon, min_score: float,
                             extent_min_score: float) -> list[DocSuggestion]:
    """Each report ``nested.outermost`` dropped that ``offered`` keeps, scored by its band at
    ``min_score`` or more, with its cue and the speaker the speaker rules read off that cue; and the
    holder cut before it (``_holder_cut``) at ``extent_min_score`` or more."""
    out = []
    scan = None
    for report, holder_start in inner_reports(doc):
        if not offered(report, holder_start):
            continue
        out += _holder_cut(doc, report, holder_start, extent_min_score)
        score = table_score(INNER_REPORT_SCORES, INNER_REPORT, len(report.span.text.split()))
        if score is None or score < min_score:
            continue
        if scan is None:
            scan = SpeakerScan(doc=doc, text=doc_text(doc).text, lexicon=lexicon)
        speaker = speaker_from_rules(scan, report.cue, report.span)
        if _pronoun(speaker):
            continue
        where = (speaker.start_char, speaker.end_char) if speaker is not None else (None, None)
        out.append(DocSuggestion(report.span.start_char, report.span.end_char, report.quote_type,
                                 report.cue.start_char, report.cue.end_char, *where, round(score, 3), INNER_REPORT))
    return out


def _holder_cut(doc: Doc, report: FoundQuote, holder_start: int, extent_min_score: float) -> list[DocSuggestion]:
    """The pre-label holding ``report`` cut before it (``BEFORE_INNER``), when the report is an
    adverbial clause: gold, marking the inner report, mostly ends the holder's content before it."""
    if report.cue.root.dep_ != "advcl":
        return []
    holder = next((q for q in doc.spans.get("quotes", []) if q.start == holder_start and q._.quote_type != "direct"
                   and report.span.end <= q.end), None)
    cut = trimmed(doc, holder_start, opening(report)) if holder is not None else None
    if cut is None or len(cut) < 2:
        return []
    score = table_score(INNER_REPORT_SCORES, BEFORE_INNER, len(cut.text.split()))
    if score is None or score < extent_min_score:
        return []
    return [DocSuggestion(cut.start_char, cut.end_char, holder._.quote_type, None, None, None, None, round(score, 3),
                          BEFORE_INNER, holder.start_char, holder.end_char)]
