"""Demoting the rules' unsure pre-labels to suggestions: a learned model (``DemoteModel``, the same
kind of logistic model as the scorer's, over the same features of the parse, ``feature_blocks``,
with the source ``prelabel``) gives each quote the rules pre-labeled the probability that it is
right; one under the component's ``demote_min_score`` is taken out of ``doc.spans["quotes"]`` (with
its CUE and SAID_BY relations, and its cue and speaker when no other quote has them) and offered as
a suggestion instead, with the same span, type, cue and speaker (source ``demoted``).

Its weights are a table (``demote_weights.json``, written by ``bench/fit_demote.py`` from PolNeAR's
tuning part)::

    {"weights": {"bias": 1.2, "type=indirect": -0.4, ...}, "min_score": 0.3,
     "type_min_scores": {"direct": 0.6}, ...}   # optional: a quote type's own threshold

(other keys say how it was made and are not read)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Mapping

from spacy.tokens import Doc, Span

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER
from annotator.nlp.convert import DocSuggestion, relations_in
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.scorer import (
    CROSSES, DocFacts, Features, crossed, feature_blocks, merged, read_weight_pairs, sigmoid, stored_table, weighted_sum,
)

#: The source the demotion model's features name (``source=prelabel``): the rules' quote, whichever rule found it.
PRELABEL_SOURCE = "prelabel"
#: The source of a demoted pre-label's suggestion.
DEMOTED_SOURCE = "demoted"
WEIGHTS_FILE = Path(__file__).with_name("demote_weights.json")
#: The scorer's crosses and those of the quote's type with the cue's and content's parse (a rule's
#: quote is right less often as indirect than as direct, and more so for some cues and heads).
DEMOTE_CROSSES: tuple[tuple[str, str], ...] = CROSSES + (
    ("type", "cue-class"), ("type", "head-dep"), ("type", "band"), ("cue-class", "band"), ("cue-dep", "head-dep"),
    ("type", "cue-dep"), ("speaker", "band"), ("type", "first-tag"), ("type", "head-tag"))


@dataclass(frozen=True)
class PreLabel:
    """A pre-labeled quote with its cue and speaker (None: none), as the rules wrote them, and the rule
    that found it (the span's ``id_``, ``quotes.found.FoundQuote.rule``; empty: not a quote rule's)."""

    span: Span
    quote_type: str
    cue: Span | None
    speaker: Span | None
    rule: str = ""


def prelabels(doc: Doc) -> list[PreLabel]:
    """The quotes of ``doc.spans["quotes"]``, each with its first cue and first speaker."""
    quotes = list(doc.spans.get("quotes", []))
    if not quotes:
        return []
    by_chars = {name: {(s.start_char, s.end_char): s for s in doc.spans.get(name, [])} for name in ("cues", "speakers")}
    cues: dict[tuple[int, int], Span] = {}
    speakers: dict[tuple[int, int], Span] = {}
    for r in relations_in(doc):
        if r.head_label != QUOTE:
            continue
        head, child = (r.head_start, r.head_end), (r.child_start, r.child_end)
        if r.label == CUE_REL and child in by_chars["cues"]:
            cues.setdefault(head, by_chars["cues"][child])
        elif r.label == SAID_BY and child in by_chars["speakers"]:
            speakers.setdefault(head, by_chars["speakers"][child])
    return [PreLabel(q, q._.quote_type or "indirect", cues.get((q.start_char, q.end_char)),
                     speakers.get((q.start_char, q.end_char)), q.id_) for q in quotes]


def prelabel_features(facts: DocFacts, prelabel: PreLabel, among: AmongPreLabels, lexicon: Lexicon) -> Features:
    """The features of a pre-label before the crosses of ``DEMOTE_CROSSES``: the scorer's (``feature_blocks``
    with the source ``prelabel``), the rule that found it (``rule=reports:reported``; a name the
    weights do not know weighs nothing) and what the other pre-labels of its Doc say of it
    (``among``), also crossed with its type."""
    feats = merged(feature_blocks(facts, prelabel.span, prelabel.cue, prelabel.speaker, PRELABEL_SOURCE,
                                  prelabel.quote_type, lexicon, crosses=False))
    if prelabel.rule:
        feats[f"rule={prelabel.rule}"] = 1.0
    own = among.features(prelabel)
    feats.update(own)
    feats.update((f"type={prelabel.quote_type}|{name}", value) for name, value in own.items())
    return feats


@dataclass(frozen=True)
class AmongPreLabels:
    """What a Doc's pre-labels say of each other, read once: how many have each cue, each speaker's
    head word and each cue's lemma, their token ranges, the share that are direct, the speakers
    resolved to someone (with a ``COREF``, by characters), and the token ranges another range overlaps
    (``overlapping``)."""

    cues: Counter
    heads: Counter
    lemmas: Counter
    spans: tuple[tuple[int, int], ...]
    direct_share: float
    resolved: frozenset[tuple[int, int]]

    @cached_property
    def overlapping(self) -> frozenset[tuple[int, int]]:
        """The token ranges of ``spans`` another of them overlaps (``overlapping_ranges``), read once."""
        return overlapping_ranges(self.spans)

    @classmethod
    def of(cls, doc: Doc, found: list[PreLabel]) -> AmongPreLabels:
        resolved = frozenset((r.head_start, r.head_end) for r in relations_in(doc)
                             if r.label == COREF and r.head_label == SPEAKER)
        return cls(Counter((p.cue.start, p.cue.end) for p in found if p.cue is not None),
                   Counter(p.speaker.root.lower_ for p in found if p.speaker is not None),
                   Counter(p.cue.root.lemma_ for p in found if p.cue is not None),
                   tuple((p.span.start, p.span.end) for p in found),
                   sum(p.quote_type == "direct" for p in found) / max(len(found), 1), resolved)

    def features(self, prelabel: PreLabel) -> Features:
        """Whether another pre-label shares its cue or overlaps it, how many others have a speaker with
        its speaker's head word or a cue with its cue's lemma, whether its speaker is resolved, and the
        share of the Doc's pre-labels that are direct (the scorer's ``…-of-prelabel`` features count
        the pre-label itself)."""
        span, cue, speaker = prelabel.span, prelabel.cue, prelabel.speaker
        start, end = span.start, span.end
        return {
            "pl-shares-cue": float(cue is not None and self.cues[(cue.start, cue.end)] > 1),
            "pl-overlaps-quote": float((start, end) in self.overlapping),
            "pl-log-speaker-quotes": math.log1p(self.heads[speaker.root.lower_] - 1) if speaker is not None else 0.0,
            "pl-log-cue-quotes": math.log1p(self.lemmas[cue.root.lemma_] - 1) if cue is not None else 0.0,
            "pl-speaker-resolved": float(speaker is not None and (speaker.start_char, speaker.end_char) in self.resolved),
            "pl-direct-share": self.direct_share,
        }


def overlapping_ranges(ranges: tuple[tuple[int, int], ...]) -> frozenset[tuple[int, int]]:
    """The ranges (start, end) that share a place with another range of ``ranges`` (one of the same
    start and end is not another), in one pass over them in order: each is compared with those after it
    that start before it ends (each pair of a Doc's pre-labels was compared before)."""
    ordered = sorted(set(ranges))
    found: set[tuple[int, int]] = set()
    for i, (start, end) in enumerate(ordered):
        for s, e in ordered[i + 1:]:
            if s >= end:
                break
            if start < e:
                found.update(((start, end), (s, e)))
    return frozenset(found)


@dataclass(frozen=True)
class DemoteModel:
    """The probability that a pre-label is right (``weights``, by feature name, ``bias`` among them);
    one under ``min_score`` is demoted, or under its quote type's own threshold in ``type_min_scores``."""

    weights: Mapping[str, float]
    min_score: float
    type_min_scores: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> DemoteModel:
        weights, at = read_weight_pairs(table.get("weights")), table.get("min_score")
        if not isinstance(weights, Mapping) or not isinstance(at, (int, float)) or not 0 <= at <= 1:
            raise ValueError("a demotion table needs 'weights' (feature name → weight) and 'min_score' (0 to 1)")
        by_type = table.get("type_min_scores", {})
        if not isinstance(by_type, Mapping) or not all(isinstance(v, (int, float)) and 0 <= v <= 1
                                                       for v in by_type.values()):
            raise ValueError("a demotion table's 'type_min_scores' maps a quote type to its threshold (0 to 1)")
        return cls({str(k): float(v) for k, v in weights.items()}, float(at),
                   {str(k): float(v) for k, v in by_type.items()})

    def threshold(self, quote_type: str) -> float:
        """The score a pre-label of ``quote_type`` is demoted under."""
        return self.type_min_scores.get(quote_type, self.min_score)

    def probability(self, feats: Features) -> float:
        """The probability that a pre-label is right, from ``prelabel_features``."""
        return sigmoid(weighted_sum(self.weights, crossed(feats, DEMOTE_CROSSES)))

    def unsure(self, doc: Doc, lexicon: Lexicon, facts: DocFacts | None = None,
               found: list[PreLabel] | None = None) -> list[tuple[PreLabel, float]]:
        """The pre-labels of ``doc`` scored under their type's threshold (``threshold``), with their
        probabilities (``found``: ``prelabels(doc)``, when read already)."""
        found = prelabels(doc) if found is None else found
        if not found:
            return []
        facts = DocFacts.of(doc) if facts is None else facts
        among = AmongPreLabels.of(doc, found)
        scored = ((p, self.probability(prelabel_features(facts, p, among, lexicon))) for p in found)
        return [(p, score) for p, score in scored if score < self.threshold(p.quote_type)]


def shipped_table() -> dict:
    """The shipped demotion table (``WEIGHTS_FILE``), read once; empty when none has been fitted."""
    return stored_table(WEIGHTS_FILE)


def default_demoter() -> DemoteModel | None:
    """The shipped model, or None when none has been fitted."""
    table = shipped_table()
    return DemoteModel.from_table(table) if table.get("weights") else None


def demote(doc: Doc, unsure: list[tuple[PreLabel, float]]) -> list[DocSuggestion]:
    """Take each of ``unsure`` out of the pre-labels (its relations, and its cue and speaker when no
    other quote has them, with the speaker's ``COREF``); its suggestion, with its probability as the score."""
    if not unsure:
        return []
    gone = {(p.span.start_char, p.span.end_char) for p, _ in unsure}
    relations = relations_in(doc)
    theirs = [r for r in relations if r.head_label == QUOTE and (r.head_start, r.head_end) in gone]
    kept = [r for r in relations if r not in theirs]
    used = {(r.child_start, r.child_end, r.child_label) for r in kept if r.head_label == QUOTE}
    freed = {(r.child_start, r.child_end, r.child_label) for r in theirs} - used
    doc._.relations = [r for r in kept if not (r.label == COREF and (r.head_start, r.head_end, r.head_label) in freed)]
    doc.spans["quotes"] = [q for q in doc.spans["quotes"] if (q.start_char, q.end_char) not in gone]
    for name, label in (("cues", CUE), ("speakers", SPEAKER)):
        doc.spans[name] = [s for s in doc.spans[name] if (s.start_char, s.end_char, label) not in freed]
    return [suggestion_of(p, score) for p, score in unsure]


def suggestion_of(prelabel: PreLabel, score: float) -> DocSuggestion:
    return doc_suggestion(prelabel.span, prelabel.quote_type, prelabel.cue, prelabel.speaker, score, DEMOTED_SOURCE)


def doc_suggestion(span: Span, quote_type: str, cue: Span | None, speaker: Span | None, score: float,
                   source: str) -> DocSuggestion:
    """A suggestion of ``span`` with its cue and speaker (None: none), its score to three places."""
    return DocSuggestion(span.start_char, span.end_char, quote_type,
                         cue.start_char if cue is not None else None, cue.end_char if cue is not None else None,
                         speaker.start_char if speaker is not None else None,
                         speaker.end_char if speaker is not None else None, round(score, 3), source)
