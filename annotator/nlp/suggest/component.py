"""The ``annotator_suggestions`` component: after the pre-labels, the candidate attributions no
pre-labeled quote overlaps (``propose``), scored by the measured right-rate of their source
(``scores``), none overlapping another (the higher score wins). They are kept apart from the
annotations: ``doc._.suggestions`` holds ``convert.DocSuggestion`` tuples of character offsets, which
``convert.doc_to_task`` writes to ``Task.suggestions``; the pre-labels are never changed."""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from annotator.nlp.convert import DocSuggestion
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.frames import FRAMES_PIPE, FrameAdder, FrameCounts
from annotator.nlp.suggest.extents import EXTENT_SOURCES, extent_suggestions
from annotator.nlp.suggest.learned import learned_proposals, with_learned
from annotator.nlp.suggest.propose import SOURCES, Proposal, choose, frame_source, proposals
from annotator.nlp.suggest.scores import COUNTS_WEIGHT, DEFAULT_SOURCES, MIN_SCORE, SCORES, table_score

SUGGESTIONS_PIPE = "annotator_suggestions"


@Language.factory(SUGGESTIONS_PIPE, assigns=["doc._.suggestions"], requires=["doc.spans"],
                  default_config={"enabled": True, "sources": [*DEFAULT_SOURCES, *EXTENT_SOURCES], "min_score": MIN_SCORE,
                                  "counts_weight": COUNTS_WEIGHT, "learned_min_score": None})
def make_suggester(nlp: Language, name: str, enabled: bool, sources: list[str], min_score: float,
                   counts_weight: float, learned_min_score: float | None) -> Suggester:
    """``learned_min_score``: read from pipelines saved before the counts updated the table's score
    (their own threshold); no longer used: ``min_score`` serves both."""
    unknown = sorted(set(sources) - set(SOURCES) - set(EXTENT_SOURCES))
    if unknown:
        raise ValueError(f"[components.{name}] sources: unknown {', '.join(unknown)} "
                         f"(known: {', '.join(SOURCES + EXTENT_SOURCES)})")
    if counts_weight <= 0:
        raise ValueError(f"[components.{name}] counts_weight: must be above 0, not {counts_weight}")
    frames = nlp.get_pipe(FRAMES_PIPE) if FRAMES_PIPE in nlp.component_names else None
    return Suggester(enabled=enabled, sources=sources, min_score=min_score, lexicon=shared_lexicon(nlp),
                     frames=frames, counts_weight=counts_weight)


class Suggester:
    """Writes ``doc._.suggestions``: candidate attributions the pre-labels left out.

    ``sources``: which kinds to propose; ``scores``: each source's right-rate by the content's
    length (its suggestions' score; a source without one is never suggested); ``min_score``: leave
    out suggestions scored lower;
    ``enabled=False``: propose nothing (the documents are left as they are).

    With a trained frames component (``frames``, ``annotator train --design frames``: how often the
    team annotated each frame and cue word), every frame's candidates are proposed and the team's
    counts update the table's score: (annotated + W · table score) / (proposed + W) for the
    candidate's frame and cue word, W = ``counts_weight``. Without counts for a word that is the
    table's score; with many, the team's own rate; the same ``min_score`` leaves out the low ones.
    The rule classes keep their table score."""

    def __init__(self, *, enabled: bool = True, sources: Iterable[str] = DEFAULT_SOURCES,
                 min_score: float = MIN_SCORE, lexicon: Lexicon | None = None,
                 scores: dict[str, tuple[float, ...]] | None = None,
                 frames: FrameAdder | None = None, counts_weight: float = COUNTS_WEIGHT) -> None:
        self.enabled = enabled
        self.sources = frozenset(sources)
        self.min_score = min_score
        self.lexicon = lexicon or Lexicon()
        self.scores = dict(SCORES if scores is None else scores)
        self.frames = frames
        self.counts_weight = counts_weight

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled:
            return doc
        live = {s for s in self.sources if max(self.scores.get(s, ()), default=-1.0) >= self.min_score}
        counts = self.frames.counts if self.frames is not None and self.frames.counts.counts else None
        rate = None
        if counts is not None:
            live |= {frame_source(frame.name) for frame in self.frames.frames}

            def rate(proposal: Proposal) -> float | None:
                if proposal.candidate is None:
                    return None
                return self.counted_score(counts, proposal)
        learned = learned_proposals(doc, self.lexicon)  # (a trained pipeline's own quotes, with their rates)
        chosen = choose(proposals(doc, self.lexicon, frozenset(live)) + [p for p, _ in learned], self.scores,
                        self.min_score, with_learned(rate, learned))
        suggested = [suggestion_of(p, score) for p, score in chosen]
        # another extent for a pre-labeled quote (``extents``), clear of the quotes suggested above
        doc._.suggestions = suggested + extent_suggestions(doc, self.lexicon, self.sources, self.min_score, suggested)
        return doc

    def counted_score(self, counts: FrameCounts, proposal: Proposal) -> float:
        """The table's score of a frame's candidate updated by the team's counts of its frame and cue
        word (a frame the table lacks starts from its own counted rate)."""
        prior = table_score(self.scores, proposal.source, proposal.words)
        if prior is None:
            prior = counts.rate(proposal.candidate)
        positive, seen = counts.word_counts(proposal.candidate)
        return (positive + self.counts_weight * prior) / (seen + self.counts_weight)


def suggestion_of(proposal: Proposal, score: float) -> DocSuggestion:
    cue, speaker = proposal.cue, proposal.speaker
    return DocSuggestion(proposal.span.start_char, proposal.span.end_char, proposal.quote_type,
                         cue.start_char if cue is not None else None, cue.end_char if cue is not None else None,
                         speaker.start_char if speaker is not None else None,
                         speaker.end_char if speaker is not None else None, round(score, 3), proposal.source)
