"""Token-level BIO tags for three layers of a doc: entities, quotes and speakers.

Quotes (and speakers) may overlap each other; a BIO column holds one span per token, so where
two overlap the longer one is kept (``spacy.util.filter_spans``). Whitespace tokens are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.training import biluo_to_iob, offsets_to_biluo_tags
from spacy.training.iob_utils import doc_to_biluo_tags
from spacy.util import filter_spans

from annotator.core.records import QUOTE, SPEAKER
from annotator.nlp.convert import SPAN_GROUPS

OUTSIDE = "O"


@dataclass(frozen=True)
class TaggedToken:
    #: the token's index in the doc
    index: int
    text: str
    ner: str
    quote: str
    speaker: str


def span_layer_tags(doc: Doc, group: str, label: str) -> list[str]:
    """BIO tags for one span group, overlapping spans resolved to the longest (spaCy's own BILUO → IOB)."""
    spans = filter_spans(doc.spans.get(group, []))
    return biluo_to_iob(offsets_to_biluo_tags(doc, [(s.start_char, s.end_char, label) for s in spans]))


def entity_tags(doc: Doc) -> list[str]:
    """BIO tags of ``doc.ents``; a token whose entity tag is missing is ``O``."""
    return biluo_to_iob(doc_to_biluo_tags(doc, missing=OUTSIDE))


def tagged_tokens(doc: Doc) -> list[TaggedToken]:
    """Every token that is not whitespace, with its entity, quote and speaker tag."""
    quotes = span_layer_tags(doc, SPAN_GROUPS[QUOTE], QUOTE)
    speakers = span_layer_tags(doc, SPAN_GROUPS[SPEAKER], SPEAKER)
    return [TaggedToken(token.i, token.text, ner, quote, speaker)
            for token, ner, quote, speaker in zip(doc, entity_tags(doc), quotes, speakers, strict=True)
            if not token.is_space]


def bio_label_names(labels: list[str]) -> list[str]:
    """Tag names with fixed ids: ``O`` first, then ``B-``/``I-`` for each label in the order given."""
    return [OUTSIDE] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]
