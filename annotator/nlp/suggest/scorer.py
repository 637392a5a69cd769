"""A learned score for a suggestion: the probability that it is a right attribution, from what the
parse says about it, never from its words. A logistic model: the features of one suggestion
(``features``: its source, length, speaker kind, the cue's classes in our lexicon, the parse around
cue and content, quote marks, the pre-labels near it, its place in the document) are names with
values; the score is the sigmoid of their weighted sum. The weights are a table keyed by feature
names (``scorer_weights.json``, written by ``bench/fit_scorer.py`` from PolNeAR's tuning part, or a
pipeline's own in its config); a source the model was not fitted on keeps the rate
table's score (``scores.table_score``)."""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Mapping

from spacy.tokens import Doc, Span

from annotator.nlp.cue_words import CUE_VERB_CLASSES, STANCE_NOUN_PREPOSITIONS
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.suggest.scores import BANDS, band

Features = dict[str, float]

#: Named-entity labels of a speaker, by kind.
_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group", "LOC": "place",
                 "FAC": "place"}
#: Coarse tags kept as they are; any other is "other" (a rare tag gets no weight of its own).
_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADP", "PRON", "ADV", "SCONJ", "DET", "NUM", "PART"})
_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "dobj", "pobj", "nsubj", "nsubjpass",
                   "conj", "prep", "amod", "attr", "acomp", "appos", "pcomp", "oprd", "npadvmod", "parataxis",
                   "compound", "dep", "csubj", "agent", "dative", "advmod", "aux", "auxpass", "poss"})
_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD", "NN", "NNS", "NNP", "NNPS", "JJ", "IN", "TO",
                   "WDT", "WP", "WRB", "DT", "PRP", "PRP$", "RB", "CD", "``", "''", "-LRB-", ","})


def _kind(value: str, known: frozenset[str]) -> str:
    return value if value in known else "other"


@dataclass
class DocFacts:
    """What every suggestion of one Doc reads: its text's lines and quoted segments, and the
    sentences and paragraphs that hold a pre-labeled quote (``doc.spans["quotes"]``)."""

    doc: Doc
    paragraph_starts: list[int]
    segments: list[tuple[int, int]]
    quoted_sentences: set[int] = field(default_factory=set)
    direct_sentences: set[int] = field(default_factory=set)
    quoted_paragraphs: set[int] = field(default_factory=set)
    sentence_starts: list[int] = field(default_factory=list)
    _segment_ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._segment_ends = [e for _, e in self.segments]

    @classmethod
    def of(cls, doc: Doc) -> DocFacts:
        shared = doc_text(doc)
        facts = cls(doc, shared.paragraph_starts, [(s.start, s.end) for s in shared.segments])
        facts.sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        for quote in doc.spans.get("quotes", []):
            sentence = facts.sentence_of(quote.start)
            facts.quoted_sentences.add(sentence)
            if quote._.quote_type == "direct":
                facts.direct_sentences.add(sentence)
            facts.quoted_paragraphs.add(facts.paragraph_of(quote.start_char))
        return facts

    def sentence_of(self, token: int) -> int:
        return bisect_right(self.sentence_starts, token) - 1

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1

    def in_marks(self, start: int, end: int) -> float:
        """The share of ``start``–``end``'s characters inside quotation marks (the segments are in
        order and apart, so only those from the first ending after ``start`` can overlap)."""
        segments, inside = self.segments, 0
        for i in range(bisect_right(self._segment_ends, start), len(segments)):
            s, e = segments[i]
            if s >= end:
                break
            inside += min(end, e) - max(start, s)
        return inside / max(end - start, 1)


def speaker_kind(speaker: Span | None) -> str:
    """none, a pronoun (first person apart), an entity by kind, another proper name, or a common noun."""
    if speaker is None:
        return "none"
    root = speaker.root
    if root.pos_ == "PRON":
        return "first-person" if "1" in root.morph.get("Person") else "pronoun"
    kind = _ENTITY_KINDS.get(root.ent_type_)
    if kind is not None:
        return kind
    return "proper" if root.pos_ == "PROPN" else "noun"


def cue_classes(cue: Span, lexicon: Lexicon) -> list[str]:
    """The classes of our lexicon that the cue's words belong to (membership only: no word)."""
    lemmas = {t.lemma_.lower() for t in cue} | {t.lower_ for t in cue}
    tables = {
        "speech": lexicon.speech, "cognition": lexicon.cognition, "object": lexicon.object_verbs,
        "infinitive": lexicon.infinitive_verbs, "stance": lexicon.stance_verbs,
        "intention": lexicon.intention_verbs, "regard": lexicon.regard_verbs, "evidence": lexicon.evidence_verbs,
        "noun": lexicon.nouns, "adjective": lexicon.adjectives, "judgement": lexicon.judgement_verbs,
        "passive": lexicon.passive_verbs, "prepositional": lexicon.prepositional_verbs,
        "adjective-preposition": lexicon.adjective_prepositions, "stance-noun": STANCE_NOUN_PREPOSITIONS,
        "light": lexicon.light_verbs, "linking": lexicon.linking_verbs,
    }
    found = [name for name, words in tables.items() if not lemmas.isdisjoint(words)]
    found += [f"class-{name}" for name, words in CUE_VERB_CLASSES.items() if not lemmas.isdisjoint(words)]
    return found


def features(facts: DocFacts, quote: Span, cue: Span | None, speaker: Span | None, source: str,
             quote_type: str, lexicon: Lexicon) -> Features:
    """The named features of one suggestion (values 0–1 or small logs); every name is ours."""
    words = len(quote.text.split())
    band_name = BANDS[band(words)]
    out: Features = {"bias": 1.0, f"source={source}": 1.0, f"band={band_name}": 1.0,
                     f"source={source}|band={band_name}": 1.0, "log-words": math.log1p(words),
                     f"type={quote_type}": 1.0}
    out.update(_content_features(facts, quote))
    out.update(_cue_features(facts, quote, cue, lexicon))
    kind = speaker_kind(speaker)
    out[f"speaker={kind}"] = 1.0
    out[f"source={source}|speaker={kind}"] = 1.0
    if speaker is not None:
        out["speaker-in-content-sentence"] = float(facts.sentence_of(speaker.start) == facts.sentence_of(quote.start))
        out["speaker-in-marks"] = float(facts.in_marks(speaker.start_char, speaker.end_char) > 0.5)
        out["speaker-after-content"] = float(speaker.start >= quote.end)
    return out


def _content_features(facts: DocFacts, quote: Span) -> Features:
    doc, head = facts.doc, quote.root
    sentence = facts.sentence_of(quote.start)
    sent_start = facts.sentence_starts[sentence]
    next_start = facts.sentence_starts[sentence + 1] if sentence + 1 < len(facts.sentence_starts) else len(doc)
    paragraph = facts.paragraph_of(quote.start_char)
    first_sentence_of_paragraph = facts.paragraph_of(doc[sent_start].idx) < paragraph or sent_start == 0 or \
        facts.paragraph_of(doc[sent_start - 1].idx) < paragraph
    marks = facts.in_marks(quote.start_char, quote.end_char)
    return {
        f"head-pos={_kind(head.pos_, _POS)}": 1.0, f"head-dep={_kind(head.dep_, _DEPS)}": 1.0,
        f"head-tag={_kind(head.tag_, _TAGS)}": 1.0, f"first-tag={_kind(quote[0].tag_, _TAGS)}": 1.0,
        "head-has-subject": float(any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)),
        "head-negated": float(any(c.dep_ == "neg" for c in head.children)),
        "starts-sentence": float(quote.start == sent_start),
        "ends-sentence": float(quote.end >= next_start - 1),
        "crosses-sentence": float(quote.end > next_start),
        "content-in-marks": marks, "content-partly-in-marks": float(0 < marks < 1),
        "has-mark-token": float(any(t.text in QUOTE_MARK_TOKENS for t in quote)),
        "sentence-has-prelabel": float(sentence in facts.quoted_sentences),
        "sentence-has-direct-prelabel": float(sentence in facts.direct_sentences),
        "paragraph-has-prelabel": float(paragraph in facts.quoted_paragraphs),
        "first-paragraph": float(paragraph == 0),
        "log-paragraph": math.log1p(paragraph),
        "first-sentence-of-paragraph": float(first_sentence_of_paragraph),
        "log-sentence-words": math.log1p(next_start - sent_start),
        "position": quote.start / max(len(doc), 1),
    }


def _cue_features(facts: DocFacts, quote: Span, cue: Span | None, lexicon: Lexicon) -> Features:
    if cue is None:
        return {"cue=none": 1.0}
    root = cue.root
    out: Features = {f"cue-pos={_kind(root.pos_, _POS)}": 1.0, f"cue-dep={_kind(root.dep_, _DEPS)}": 1.0,
                     f"cue-tag={_kind(root.tag_, _TAGS)}": 1.0,
                     "cue-negated": float(any(c.dep_ == "neg" for c in root.children)),
                     "cue-in-marks": float(facts.in_marks(cue.start_char, cue.end_char) > 0.5),
                     "cue-heads-content": float(quote.root.head == root or quote.root.head.head == root)}
    classes = cue_classes(cue, lexicon)
    out.update({f"cue-class={name}": 1.0 for name in classes})
    out["cue-in-lexicon"] = float(bool(classes))
    if cue.start >= quote.end:
        out["cue-after-content"] = 1.0
        gap = cue.start - quote.end
    elif cue.end <= quote.start:
        gap = quote.start - cue.end
    else:
        out["cue-inside-content"] = 1.0
        gap = 0
    out["log-cue-gap"] = math.log1p(gap)
    out["cue-other-sentence"] = float(facts.sentence_of(cue.start) != facts.sentence_of(quote.start))
    return out


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _dot(weights: Mapping[str, float], feats: Mapping[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in feats.items())


@dataclass(frozen=True)
class SuggestionScorer:
    """Two fitted logistic models over the ``sources`` they were fitted on, each a table of weights
    by feature name (``bias`` among them): ``weights``, the probability that a suggestion is right
    (its score), and ``promote_weights``, that it is right with its speaker too (what a pre-label
    needs; none: never promoted). A suggestion of another source is not theirs to score: the caller
    keeps the rate table's score."""

    weights: Mapping[str, float]
    sources: frozenset[str]
    promote_weights: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> SuggestionScorer:
        """From the stored form: ``{"weights": {name: weight}, "sources": [...], "promote_weights": {…}}``."""
        weights, sources = _pairs_read(table.get("weights")), table.get("sources")
        promote_weights = _pairs_read(table.get("promote_weights") or {})
        if not isinstance(weights, Mapping) or not isinstance(sources, (list, tuple)) \
                or not isinstance(promote_weights, Mapping):
            raise ValueError("a scorer table needs 'weights' (feature name → weight) and 'sources' (a list); "
                             "'promote_weights', when given, is feature name → weight too")
        return cls({str(k): float(v) for k, v in weights.items()}, frozenset(str(s) for s in sources),
                   {str(k): float(v) for k, v in promote_weights.items()})

    def to_table(self) -> dict[str, object]:
        return {"sources": sorted(self.sources), "weights": dict(sorted(self.weights.items())),
                "promote_weights": dict(sorted(self.promote_weights.items()))}

    def knows(self, source: str) -> bool:
        return source in self.sources

    def probability(self, feats: Mapping[str, float]) -> float:
        """The probability that the suggestion is right (its score)."""
        return sigmoid(_dot(self.weights, feats))

    def promote_probability(self, feats: Mapping[str, float]) -> float:
        """The probability that it is right with its speaker (0 without ``promote_weights``)."""
        return sigmoid(_dot(self.promote_weights, feats)) if self.promote_weights else 0.0


def _pairs_read(weights: object) -> object:
    """A weight table given as ``[[name, weight], …]`` (the form a spaCy config can hold: its option
    names cannot carry the ``=`` of our feature names) read as a mapping; any other value as it is."""
    if isinstance(weights, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in weights):
        return dict(weights)
    return weights


#: The shipped models and thresholds, written by ``bench/fit_scorer.py`` (its ``_made_by`` names the
#: command and commit): feature names and numbers only, no word of the corpus.
WEIGHTS_FILE = Path(__file__).with_name("scorer_weights.json")


@cache
def shipped_table() -> dict:
    """The shipped table (``WEIGHTS_FILE``), read once; empty when none has been fitted."""
    if not WEIGHTS_FILE.is_file():
        return {}
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))


def default_scorer() -> SuggestionScorer | None:
    """The shipped model, or None when none has been fitted."""
    table = shipped_table()
    return SuggestionScorer.from_table(table) if table.get("weights") else None
