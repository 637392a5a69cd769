"""How unsure the pre-labels of a document look (``--order uncertain``): read off a pre-labeled task
alone, so it works with the rules and with a trained pipeline alike. Each sign of a likely error
counts: a quote with no speaker or no cue, a quote of the kinds the pre-labeler gets wrong most
(indirect, mixed), a speech verb that cues no quote (an attribution the pre-labeler
may have missed), and quoted words that no QUOTE covers. The suggestions say how unsure the
pipeline is outright: each adds the entropy of its score (the estimated probability that it is
right), so a document with many suggestions near 0.5 is one whose answers teach the model most."""

from __future__ import annotations

import math
from dataclasses import dataclass

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, Task
from annotator.nlp.lexicon import inflections
from annotator.nlp.cue_words import SPEECH_VERBS
from annotator.nlp.marks import find_marked_segments
from annotator.nlp.word_lists import word_set

#: What each sign of doubt weighs. A missing speaker costs an attribution outright; a missing cue
#: or a quote of a weak kind is a fix the annotator often makes; a cue word with no quote is where
#: the pre-labeler's recall fails (a third of the quotes are never found). The two entropies are in
#: bits: a suggestion at 0.5 weighs as much as a quote without a speaker, one at 0.9 or 0.1 under half.
WEIGHTS = {"no speaker": 1.0, "no cue": 0.5, "weak kind": 0.5, "cue word without quote": 1.0,
           "quoted words without quote": 1.0, "suggestion entropy": 1.0, "scored quote entropy": 1.0}
#: Quote kinds the rules score lowest on (held-out attributed F1 0.44 indirect, 0.59 mixed, 0.90 direct).
WEAK_KINDS = frozenset({"indirect", "mixed"})
#: Quoted segments shorter than this many words are names or scare quotes, not speech.
MIN_QUOTED_WORDS = 4
#: A suggestion without a score is as unsure as can be.
UNSCORED = 0.5

#: The speech verbs too often something else to count as a cue word here (``words/doubt.txt``).
AMBIGUOUS_SPEECH_VERBS = word_set("AMBIGUOUS_SPEECH_VERBS")
_CUE_WORDS = frozenset(form for lemma in SPEECH_VERBS if lemma not in AMBIGUOUS_SPEECH_VERBS
                       for form in inflections(lemma))


#: ``Doubt.density`` counts a document shorter than this many characters as this long (a two-line
#: document with one sign is not the most doubtful of all).
MIN_DENSITY_CHARS = 1000


@dataclass(frozen=True)
class Doubt:
    """The signs counted on one document (the entropies summed in bits) and their weighted sum
    (higher: less sure); ``chars``: the document's length."""

    signs: dict[str, float]
    chars: int = 0

    @property
    def score(self) -> float:
        return sum(WEIGHTS[name] * count for name, count in self.signs.items())

    @property
    def density(self) -> float:
        """The weighted signs per 1,000 characters: a long article has more of every sign only
        because it is long."""
        return self.score * 1000 / max(self.chars, MIN_DENSITY_CHARS)


def entropy(p: float) -> float:
    """How unsure, in bits, a yes/no answer right with probability ``p`` is (1 at 0.5, 0 at 0 and 1)."""
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def doubt(task: Task) -> Doubt:
    """The signs of doubt in a pre-labeled task (its spans, relations and suggestions as the
    pre-labeler left them). A cue word or quoted passage a suggestion already offers counts through
    that suggestion's score, not as a blind miss."""
    quotes = [s for s in task.spans if s.label == QUOTE]
    linked = {label: {r.head_span for r in task.relations if r.label == label} for label in (SAID_BY, CUE_REL)}
    suggestions = task.suggestions or ()
    cues = [s for s in task.spans if s.label == CUE] + [s.cue for s in suggestions if s.cue is not None]
    offered = quotes + [s.quote for s in suggestions]
    signs = {
        "no speaker": sum(q not in linked[SAID_BY] for q in quotes),
        "no cue": sum(q not in linked[CUE_REL] for q in quotes),
        "weak kind": sum(q.quote_type in WEAK_KINDS for q in quotes),
        "cue word without quote": sum(
            1 for token in task.tokens
            if token.text.lower() in _CUE_WORDS and not _covered(token.start, token.end, cues)),
        "quoted words without quote": sum(
            1 for segment in find_marked_segments(task.text)
            if len(task.text[segment.start:segment.end].split()) >= MIN_QUOTED_WORDS
            and not _covered(segment.start, segment.end, offered)),
        "suggestion entropy": sum(entropy(UNSCORED if s.score is None else s.score) for s in suggestions),
        # a pre-labeled quote that came with a model's confidence (a Prodigy task, a scoring model)
        "scored quote entropy": sum(entropy(q.score) for q in quotes if q.score is not None),
    }
    return Doubt(signs, len(task.text))


def _covered(start: int, end: int, spans) -> bool:
    return any(s.start < end and start < s.end for s in spans)
