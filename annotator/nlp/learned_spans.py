"""The learned pre-labeler's span model and the component around it. Two designs:

- ``ner``: a spaCy ``ner`` (``attribution_ner``) trained on QUOTE/SPEAKER/CUE runs first, and
  ``annotator_learned_spans`` moves what it found out of ``doc.ents`` into our span groups before
  the base model's own ``ner`` runs, so the learned labels never clobber the model's entities.
- ``spancat``: after the base model, an ``annotator_learned_spans`` configured with
  ``candidates_key`` proposes the spans the parse gives (``parse_candidates``), a spaCy
  ``spancat`` (``attribution_spancat``, listening to the base model's shared tok2vec)
  labels them, and a second ``annotator_learned_spans`` with ``source`` set to its span key keeps
  the best-scored of overlapping spans of a label and fills the same span groups; the quotes' scores
  go with them (``learned_quotes``' ``attrs["scores"]``) for the linker's ``min_learned_score``.

Either design's ``annotator_learned_spans`` may hold ``rate_bins``/``rates`` (measured on the training
run's dev part, ``training/model_suggestions.py``): each learned quote's score mapped to how often such
a quote is right as a suggestion, written to ``attrs["rates"]`` with the source name
(``attrs["source"]``, ``model:spancat``/``model:ner``) for the suggestions (``nlp/suggest/learned.py``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from annotator.core.records import CUE, QUOTE, SPEAKER
from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.parse_candidates import attribution_candidates
from annotator.nlp import span_model  # noqa: F401  (registers the span classifier's layers for spacy.load)

#: The pipe name of the learned tagger inside a trained pipeline (it is spaCy's own ``ner`` factory).
LEARNED_TAGGER = "attribution_ner"
#: The pipe that empties ``doc.ents`` into span groups, right after the tagger.
LEARNED_SPANS = "annotator_learned_spans"
LEARNED_LABELS = (QUOTE, SPEAKER, CUE)
#: Where the tagger's spans wait for the linker (which merges them with the rules' and fills SPAN_GROUPS).
LEARNED_GROUPS = {QUOTE: "learned_quotes", SPEAKER: "learned_speakers", CUE: "learned_cues"}
#: The ``spancat`` design: its pipe, the proposing pipe, and their span keys.
LEARNED_SPANCAT = "attribution_spancat"
CANDIDATES = "annotator_parse_candidates"
CANDIDATES_KEY = "attribution_candidates"
SPANCAT_KEY = "attribution_sc"
#: The ``attrs`` key of a learned span group holding each span's score (the spancat design only: the
#: ner design's spans have none, and count as sure).
SCORES = "scores"
#: The ``attrs`` keys of ``learned_quotes`` holding each quote's right-rate as a suggestion, and the
#: suggestions' source name (only when the pipeline's ``annotator_learned_spans`` has ``rates``).
RATES = "rates"
SOURCE = "source"
#: The pipe that runs the learned spans' model, in either design.
LEARNED_MODELS = (LEARNED_TAGGER, LEARNED_SPANCAT)


@Language.factory(LEARNED_SPANS, assigns=["doc.spans", "doc.ents"], requires=["doc.ents"],
                  default_config={"source": "ents", "candidates_key": "", "rate_bins": [], "rates": []})
def make_learned_spans(nlp: Language, name: str, source: str, candidates_key: str, rate_bins: list[float],
                       rates: list[float]) -> LearnedSpans | ParseCandidates:
    """``rate_bins``: the lower edges of score bins, ascending; ``rates``: each bin's right-rate as a
    suggestion (empty: the model proposes no suggestions)."""
    if candidates_key:
        return ParseCandidates(candidates_key)
    if len(rate_bins) != len(rates) or list(rate_bins) != sorted(rate_bins):
        raise ValueError(f"[components.{name}] rate_bins and rates: one rate per bin, bins ascending "
                         f"(got {list(rate_bins)} and {list(rates)})")
    if any(not 0.0 <= r <= 1.0 for r in rates):
        raise ValueError(f"[components.{name}] rates: each between 0 and 1, not {list(rates)}")
    return LearnedSpans(source, rate_bins=tuple(rate_bins), rates=tuple(rates))


class ParseCandidates:
    """Puts the spans the parse proposes (``attribution_candidates``) in ``doc.spans[key]`` for the
    span classifier's preset suggester. Runs after the parser and the base ``ner``."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.key] = [Span(doc, start, end) for start, end in attribution_candidates(doc)]
        return doc


class LearnedSpans:
    """Moves the model's QUOTE/SPEAKER/CUE spans into the ``learned_*`` span groups: from
    ``doc.ents`` (``source="ents"``: the ner design; ``doc.ents`` is left empty), or from the span
    group ``source`` (the spancat design: of overlapping spans of one label, the best-scored wins).

    A quote is one span per paragraph in our records, so a predicted span is cut at line breaks.
    With ``rates``, each learned quote's score (1.0 without one) is mapped to its bin's rate.
    """

    def __init__(self, source: str = "ents", *, rate_bins: tuple[float, ...] = (), rates: tuple[float, ...] = ()) -> None:
        self.source = source
        self.rate_bins = rate_bins
        self.rates = rates

    @property
    def source_name(self) -> str:
        """The suggestions' source: ``model:ner`` or ``model:spancat``."""
        return "model:ner" if self.source == "ents" else "model:spancat"

    def __call__(self, doc: Doc) -> Doc:
        doc = self._from_ents(doc) if self.source == "ents" else self._from_span_group(doc)
        group = doc.spans[LEARNED_GROUPS[QUOTE]]
        if self.rates:
            group.attrs[RATES] = [rate_of(self.rate_bins, self.rates, s) for s in learned_scores(group)]
            group.attrs[SOURCE] = self.source_name
        return doc

    def _from_ents(self, doc: Doc) -> Doc:
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

    def _from_span_group(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        found = doc.spans[self.source] if self.source in doc.spans else []
        scores = found.attrs.get("scores") if len(found) else None
        ranked = sorted(((float(numpy.max(scores[i])) if scores is not None else 0.0, span) for i, span in enumerate(found)),
                        key=lambda pair: (-pair[0], pair[1].start, -pair[1].end))
        groups: dict[str, list[tuple[Span, float]]] = {group: [] for group in LEARNED_GROUPS.values()}
        taken: dict[str, list[Span]] = {label: [] for label in LEARNED_GROUPS}
        for score, span in ranked:
            if span.label_ not in LEARNED_GROUPS:
                continue
            if any(span.start < t.end and t.start < span.end for t in taken[span.label_]):
                continue
            taken[span.label_].append(span)
            groups[LEARNED_GROUPS[span.label_]].extend((part, score) for part in split_at_line_breaks(span))
        for group, pairs in groups.items():
            pairs.sort(key=lambda pair: pair[0].start)
            doc.spans[group] = SpanGroup(doc, name=group, attrs={SCORES: [round(score, 4) for _, score in pairs]},
                                         spans=[span for span, _ in pairs])
        return doc


def learned_scores(group: SpanGroup) -> list[float]:
    """Each span's score in a learned span group (1.0 for every span when the model gave none)."""
    scores = group.attrs.get(SCORES)
    if scores is None or len(scores) != len(group):
        return [1.0] * len(group)
    return [float(score) for score in scores]


def bin_of(bins: Sequence[float], score: float) -> int:
    """The bin (index of its lower edge in ``bins``, ascending) ``score`` falls in; the first below its edge."""
    return max(bisect_right(bins, score) - 1, 0)


def rate_of(bins: Sequence[float], rates: Sequence[float], score: float) -> float:
    """The rate of the bin ``score`` falls in."""
    return rates[bin_of(bins, score)]


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

