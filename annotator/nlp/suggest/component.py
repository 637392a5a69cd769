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
from annotator.nlp.suggest.propose import SOURCES, Proposal, choose, proposals
from annotator.nlp.suggest.scores import DEFAULT_SOURCES, SCORES

SUGGESTIONS_PIPE = "annotator_suggestions"


@Language.factory(SUGGESTIONS_PIPE, assigns=["doc._.suggestions"], requires=["doc.spans"],
                  default_config={"enabled": True, "sources": list(DEFAULT_SOURCES), "min_score": 0.0})
def make_suggester(nlp: Language, name: str, enabled: bool, sources: list[str], min_score: float) -> Suggester:
    unknown = sorted(set(sources) - set(SOURCES))
    if unknown:
        raise ValueError(f"[components.{name}] sources: unknown {', '.join(unknown)} (known: {', '.join(SOURCES)})")
    return Suggester(enabled=enabled, sources=sources, min_score=min_score, lexicon=shared_lexicon(nlp))


class Suggester:
    """Writes ``doc._.suggestions``: candidate attributions the pre-labels left out.

    ``sources``: which kinds to propose; ``scores``: each source's right-rate (its suggestions'
    score; a source without one is never suggested); ``min_score``: leave out sources rated lower;
    ``enabled=False``: propose nothing (the documents are left as they are)."""

    def __init__(self, *, enabled: bool = True, sources: Iterable[str] = DEFAULT_SOURCES, min_score: float = 0.0,
                 lexicon: Lexicon | None = None, scores: dict[str, float] | None = None) -> None:
        self.enabled = enabled
        self.sources = frozenset(sources)
        self.min_score = min_score
        self.lexicon = lexicon or Lexicon()
        self.scores = dict(SCORES if scores is None else scores)

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled:
            return doc
        live = frozenset(s for s in self.sources if self.scores.get(s, -1.0) >= self.min_score)
        chosen = choose(proposals(doc, self.lexicon, live), self.scores, self.min_score)
        doc._.suggestions = [suggestion_of(p, score) for p, score in chosen]
        return doc


def suggestion_of(proposal: Proposal, score: float) -> DocSuggestion:
    cue, speaker = proposal.cue, proposal.speaker
    return DocSuggestion(proposal.span.start_char, proposal.span.end_char, proposal.quote_type,
                         cue.start_char if cue is not None else None, cue.end_char if cue is not None else None,
                         speaker.start_char if speaker is not None else None,
                         speaker.end_char if speaker is not None else None, round(score, 3), proposal.source)
