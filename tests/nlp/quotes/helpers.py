"""What a quote rule found, as (type, text, cue) triples."""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteScan


def found_by(rule, doc: Doc, lexicon: Lexicon | None = None) -> list[tuple[str, str, str | None]]:
    """A document rule (``scan -> found``) run on ``doc``."""
    scan = QuoteScan.of(doc, lexicon or Lexicon())
    return [(f.quote_type, f.span.text, f.cue.text if f.cue is not None else None) for f in rule(scan)]


def found_at(rule, doc: Doc, lexicon: Lexicon | None = None) -> list[tuple[str, str, str | None]]:
    """A cue-word rule (``scan, token -> found``) tried on every token of ``doc``."""
    scan = QuoteScan.of(doc, lexicon or Lexicon())
    return [(f.quote_type, f.span.text, f.cue.text if f.cue is not None else None)
            for token in doc for f in rule(scan, token)]
