"""``Officials "are still counting the votes," she said``: the subject of the quoted words stands
before the opening mark, at the start of the sentence. News attribution corpora mark the subject
with the quoted words as one mixed content, up to and with the closing mark; the quote alone leaves
its subject to be added by hand."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes.scan import QuoteScan

#: The most words a subject before the opening mark may have (``The new plans``, ``Ms. Ode's aide``).
MAX_SUBJECT_WORDS = 6
#: The most words a longer subject may have (``Farm groups in the north, and the dairy unions too,``):
#: one whose every word hangs on the quoted verb (``_hangs_inside``).
MAX_LONG_SUBJECT_WORDS = 30


def with_subject(scan: QuoteScan, segment: MarkedSegment, span: Span) -> Span | None:
    """The quoted words ``span`` with the subject before their opening mark, from the start of the
    sentence to the closing mark: when the words between are a short noun phrase outside marks
    (no verb, no punctuation) whose head is the subject of a verb inside the quote, or a longer
    one (up to ``MAX_LONG_SUBJECT_WORDS``, commas and all) that is wholly that subject, before
    quoted words that go on its sentence in lower case (``Is it fair?`` opens a sentence of its
    own); else None."""
    doc = scan.doc
    if segment.close_at is None or span.start < 2:
        return None
    mark = span.start - 1
    start = span[0].sent.start
    if not 1 <= mark - start <= MAX_LONG_SUBJECT_WORDS or doc[mark].idx != segment.open_at:
        return None
    before = doc[start:mark]
    if any(scan.quoted(t.idx) or t.is_space for t in before):
        return None
    short = mark - start <= MAX_SUBJECT_WORDS and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in before)
    if not short and not (span[0].is_lower and _hangs_inside(before, span)):
        return None
    if not any(t.dep_ in SUBJECT_DEPS and span.start <= t.head.i < span.end for t in before):
        return None
    close = scan.token_at_or_after(segment.close_at)
    if close >= len(doc) or doc[close].idx != segment.close_at:
        return None
    return doc[start:close + 1]


def _hangs_inside(before: Span, span: Span) -> bool:
    """Every word of ``before`` belongs to the subject of a verb inside ``span`` (its head word,
    reached through its heads, is that subject): ``Farm groups in the north, and the dairy unions
    too, "will not pay,"`` is one clause; words of their own clause (``He lost, and voters "were
    angry"``) are not."""
    subjects = [t for t in before if t.dep_ in SUBJECT_DEPS and span.start <= t.head.i < span.end]
    if not subjects:
        return False
    inside = {t.i for s in subjects for t in s.subtree}
    return all(t.i in inside or t.is_punct and t.i == before.end - 1 for t in before)
