"""What a parse-shape source proposed, as (content, cue, speaker) triples; what the suggester showed."""

from __future__ import annotations

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.shapes import every_shape


def shape_found(nlp_model, text: str, sources: set[str], *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker or None) of the candidates of ``sources`` in ``text``, as the suggester's
    shapes propose them (``gated``: only where their gates let them try)."""
    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in every_shape(scan, sources, gated=gated)]


def shown(doc, sources: set[str] | None = None) -> list[tuple[str, str, str | None, str | None]]:
    """(content, source, cue or None, speaker or None) of ``doc``'s suggestions (of ``sources`` only, if given)."""
    text = doc.text
    return [(text[s.quote_start:s.quote_end], s.source,
             text[s.cue_start:s.cue_end] if s.cue_start is not None else None,
             text[s.speaker_start:s.speaker_end] if s.speaker_start is not None else None)
            for s in doc._.suggestions if sources is None or s.source in sources]
