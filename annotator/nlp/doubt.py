"""How unsure the pre-labels of a document look (``--order uncertain``): read off a pre-labeled task
alone, so it works with the rules and with a trained pipeline alike. Each sign of a likely error
counts: a quote with no speaker or no cue, a quote of the kinds the pre-labeler gets wrong most
(indirect, mixed), a speech verb that cues no quote (an attribution the pre-labeler
may have missed), and quoted words that no QUOTE covers."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, Task
from annotator.nlp.lexicon import inflections
from annotator.nlp.cue_words import SPEECH_VERBS
from annotator.nlp.marks import find_marked_segments

#: What each sign of doubt weighs. A missing speaker costs an attribution outright; a missing cue
#: or a quote of a weak kind is a fix the annotator often makes; a cue word with no quote is where
#: the pre-labeler's recall fails (a third of the quotes are never found).
WEIGHTS = {"no speaker": 1.0, "no cue": 0.5, "weak kind": 0.5, "cue word without quote": 1.0,
           "quoted words without quote": 1.0}
#: Quote kinds the rules score lowest on (held-out attributed F1 0.44 indirect, 0.59 mixed, 0.90 direct).
WEAK_KINDS = frozenset({"indirect", "mixed"})
#: Quoted segments shorter than this many words are names or scare quotes, not speech.
MIN_QUOTED_WORDS = 4

#: Speech verbs that are as often something else (``continue``, ``read``, ``post``, ``report``, ``add``…)
#: are left out: a doubt that fires on every document orders nothing.
AMBIGUOUS_SPEECH_VERBS = frozenset({"continue", "read", "post", "report", "add", "note", "answer", "charge",
                                    "counter", "estimate", "indicate", "signal", "state", "write", "observe",
                                    "maintain", "respond", "cry", "snap", "show"})
_CUE_WORDS = frozenset(form for lemma in SPEECH_VERBS if lemma not in AMBIGUOUS_SPEECH_VERBS
                       for form in inflections(lemma))


@dataclass(frozen=True)
class Doubt:
    """The signs counted on one document and their weighted sum (higher: less sure)."""

    signs: dict[str, int]

    @property
    def score(self) -> float:
        return sum(WEIGHTS[name] * count for name, count in self.signs.items())


def doubt(task: Task) -> Doubt:
    """The signs of doubt in a pre-labeled task (its spans and relations as the pre-labeler left them)."""
    quotes = [s for s in task.spans if s.label == QUOTE]
    linked = {label: {r.head_span for r in task.relations if r.label == label} for label in (SAID_BY, CUE_REL)}
    cues = [s for s in task.spans if s.label == CUE]
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
            and not _covered(segment.start, segment.end, quotes)),
    }
    return Doubt(signs)


def _covered(start: int, end: int, spans) -> bool:
    return any(s.start < end and start < s.end for s in spans)
