"""``According to the audit summary, Lee and two porters told …``: the parser may join the first noun
of a quote to the speaker's phrase (``summary`` with ``Lee`` as its conjunct), so the mention runs
into the quote and no rule's answer is taken; the mention is cut where the quote opens."""

from __future__ import annotations

from spacy.tokens import Span

#: Words a cut mention does not end on (the comma or ``and`` before the quote).
_TRAILING_POS = frozenset({"PUNCT", "CCONJ", "SPACE", "ADP", "DET"})


def cut_before_quote(speaker: Span | None, quote: Span | None) -> Span | None:
    """``speaker`` when it does not run into ``quote``; else, when its head word comes before the
    quote, its words before the quote's first token (without a trailing comma, conjunction,
    preposition or determiner) if they are a noun phrase (a noun or a pronoun, no verb); else
    ``speaker`` unchanged (the component refuses it)."""
    if speaker is None or quote is None or not speaker.start < quote.start < speaker.end \
            or speaker.root.i >= quote.start:
        return speaker
    end = quote.start
    doc = speaker.doc
    while end > speaker.start and (doc[end - 1].pos_ in _TRAILING_POS or doc[end - 1].is_quote):
        end -= 1
    cut = doc[speaker.start:end]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in cut) or any(t.pos_ in ("VERB", "AUX") for t in cut):
        return speaker
    return cut
