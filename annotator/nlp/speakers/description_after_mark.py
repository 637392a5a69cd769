"""``"…," the editorial read``, ``"…?" the 52-year-old asked``, ``"…," a voice-over in the video
states``: right after a quote's closing mark, a short description and then a speech verb, which
the parser took for a noun or hung on the description; the description spoke (``after_mark``
reads the names; ``trailing_attribution.described_after_mark`` asks this for quotes without a cue)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The longest description between the closing mark and the verb, in tokens.
MAX_WORDS = 6
#: What a description may be made of (``the``, ``43``, ``-``, ``year``, ``old``, ``editorial``).
_IN_DESCRIPTION = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN", "PUNCT"})
_ENDS_DESCRIPTION = frozenset({"NOUN", "PROPN", "ADJ"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    """The cue rule: the description between the closing mark and the cue."""
    if cue_kind(cue) != VERB:
        return None
    doc = cue.doc
    mark = next((i for i in range(cue.start - 1, max(-1, cue.start - 2 - MAX_WORDS), -1)
                 if doc[i].text in QUOTE_MARK_TOKENS), None)
    if mark is None or quote is not None and not quote.start <= mark <= quote.end + 2:
        return None
    return description(doc, mark + 1, cue.start)


def description(doc: Doc, start: int, end: int) -> Span | None:
    """The words from ``start`` (past a comma) to ``end`` when they are a description opened by a
    determiner (``the editorial``, ``a voice-over in the video``: a prepositional phrase may follow)."""
    if start < end and doc[start].text == ",":
        start += 1
    words = doc[start:end]
    if not len(words) or words[0].pos_ != "DET":
        return None
    cut = next((t.i for t in words if t.pos_ == "ADP"), end)  # "a voice-over in the video": the voice-over
    head = doc[start:cut]
    if not len(head) or head[-1].pos_ not in _ENDS_DESCRIPTION \
            or any(t.pos_ not in _IN_DESCRIPTION or t.is_punct and t.text != "-" for t in head) \
            or any(t.pos_ not in _IN_DESCRIPTION and t.pos_ != "ADP" for t in words):
        return None
    return head
