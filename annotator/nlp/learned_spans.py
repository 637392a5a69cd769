"""The learned pre-labeler's span tagger: a spaCy ``ner`` trained on QUOTE/SPEAKER/CUE, and the
component that moves what it found out of ``doc.ents`` into our span groups before the base
model's own ``ner`` runs, so the learned labels never clobber the model's entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import CUE, QUOTE, SPEAKER
from annotator.nlp.convert import ensure_span_groups

#: The pipe name of the learned tagger inside a trained pipeline (it is spaCy's own ``ner`` factory).
LEARNED_TAGGER = "attribution_ner"
#: The pipe that empties ``doc.ents`` into span groups, right after the tagger.
LEARNED_SPANS = "annotator_learned_spans"
LEARNED_LABELS = (QUOTE, SPEAKER, CUE)
#: Where the tagger's spans wait for the linker (which merges them with the rules' and fills SPAN_GROUPS).
LEARNED_GROUPS = {QUOTE: "learned_quotes", SPEAKER: "learned_speakers", CUE: "learned_cues"}


@Language.factory(LEARNED_SPANS, assigns=["doc.spans", "doc.ents"], requires=["doc.ents"])
def make_learned_spans(nlp: Language, name: str) -> LearnedSpans:
    return LearnedSpans()


class LearnedSpans:
    """Moves the tagger's QUOTE/SPEAKER/CUE entities into the ``learned_*`` span groups and leaves
    ``doc.ents`` empty.

    A quote is one span per paragraph in our records, so a predicted span is cut at line breaks.
    """

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        groups: dict[str, list[Span]] = {group: [] for group in LEARNED_GROUPS.values()}
        for ent in doc.ents:
            if ent.label_ in LEARNED_GROUPS:
                groups[LEARNED_GROUPS[ent.label_]].extend(split_at_line_breaks(ent))
        # "missing", not "outside": the base model's ner must see no preset annotation at all.
        doc.set_ents([], default="missing")
        for group, spans in groups.items():
            doc.spans[group] = spans
        return doc


def split_at_line_breaks(span: Span) -> list[Span]:
    """The parts of ``span`` between whitespace tokens that hold a newline, without those tokens."""
    doc = span.doc
    parts = []
    start = span.start
    for i in range(span.start, span.end):
        if doc[i].is_space and "\n" in doc[i].text:
            if i > start:
                parts.append(Span(doc, start, i, label=span.label))
            start = i + 1
    if span.end > start:
        parts.append(Span(doc, start, span.end, label=span.label))
    return [p for p in parts if not all(t.is_space or t.is_punct for t in p)]
