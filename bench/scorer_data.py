"""The rows ``bench/fit_scorer.py`` fits on: every candidate the suggestions component would score
(``suggest.propose.proposals``, every source of the rate table), its features (``suggest.scorer``)
and whether it is right (paired by the scorer with a gold attribution the pre-labels did not find),
with each document's pre-labels to simulate showing and promoting them. Features are names and
numbers only; the cache (under /tmp, never in the repository) also keeps the tasks."""

from __future__ import annotations

import pickle
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.records import CUE, QUOTE, SPEAKER, Span, Task
from annotator.measure.evaluation import Attribution, match_quotes_with_pieces, same_speaker, speakers_of
from annotator.measure.keys import KEY_COSTS, SUGGESTION_COSTS, speaker_fix
from annotator.nlp.convert import doc_to_task
from annotator.nlp.lexicon import shared_lexicon
from annotator.nlp.suggest.propose import Proposal, proposals
from annotator.nlp.suggest.scorer import DocFacts, base_features, proposal_neighbours
from annotator.nlp.suggest.scores import SCORES


@dataclass
class Candidate:
    """One proposal: its features before any cross (``scorer.base_features``; the fit crosses them),
    source, words, and its spans as records of the document's task."""

    feats: dict[str, float]
    source: str
    quote: Span
    cue: Span | None
    speaker: Span | None
    right: bool = False
    #: right, and its speaker is gold's (what a pre-label needs)
    attributed: bool = False
    #: the keys showing it saves (``show_gain``): negative for a wrong one
    gain: int = -SUGGESTION_COSTS["visit"]


@dataclass
class DocRows:
    """A document's gold, its pre-labels (with the extents the component offered) and candidates."""

    gold: Task
    base: Task
    candidates: list[Candidate] = field(default_factory=list)


def span_record(task: Task, span, label: str, quote_type: str | None = None) -> Span | None:
    """``span`` (a spaCy Span) as a record of ``task`` (None when not on its token edges)."""
    if span is None:
        return None
    starts = {t.start: t.id for t in task.tokens}
    ends = {t.end: t.id for t in task.tokens}
    first, last = starts.get(span.start_char), ends.get(span.end_char)
    if first is None or last is None:
        return None
    return Span(span.start_char, span.end_char, first, last, label, text=task.text[span.start_char:span.end_char],
                quote_type=quote_type)


def candidate_of(task: Task, facts: DocFacts, proposal: Proposal, lexicon) -> Candidate | None:
    quote = span_record(task, proposal.span, QUOTE, proposal.quote_type)
    if quote is None:
        return None
    feats = base_features(facts, proposal.span, proposal.cue, proposal.speaker, proposal.source, proposal.quote_type,
                     lexicon)
    return Candidate(feats, proposal.source, quote, span_record(task, proposal.cue, CUE),
                     span_record(task, proposal.speaker, SPEAKER))


def show_gain(right: bool, gold_has_speaker: bool, speaker_right: bool, has_speaker: bool) -> int:
    """The keys a shown suggestion saves, as ``measure/keys.py`` counts them: a wrong one costs its
    visit; a right one saves its add less its visit and take, and less the fix of its speaker
    (``keys.speaker_fix``)."""
    if not right:
        return -SUGGESTION_COSTS["visit"]
    fix = speaker_fix(gold_has_speaker, speaker_right, has_speaker)
    return KEY_COSTS["add"] - SUGGESTION_COSTS["visit"] - SUGGESTION_COSTS["take"] - (KEY_COSTS[fix] if fix else 0)


def label(rows: DocRows) -> None:
    """Mark each candidate right when it pairs with a gold quote the pre-labels did not find,
    attributed when its speaker is that quote's too, and its ``gain`` (``show_gain``)."""
    gold = [s for s in rows.gold.spans if s.label == QUOTE]
    found, _ = match_quotes_with_pieces(rows.gold.text, gold, [s for s in rows.base.spans if s.label == QUOTE])
    paired = {g.key for g, _ in found}
    missed = [g for g in gold if g.key not in paired]
    said = speakers_of(rows.gold)
    for candidate in rows.candidates:
        pairs, _ = match_quotes_with_pieces(rows.gold.text, missed, [candidate.quote])
        candidate.right = bool(pairs)
        speaker = candidate.speaker
        mention = rows.base.span_text(speaker) if speaker is not None else ""
        candidate.attributed = bool(pairs) and speaker is not None and pairs[0][0].key in said and same_speaker(
            said[pairs[0][0].key], [Attribution(speaker, mention, mention)])
        candidate.gain = show_gain(bool(pairs), bool(pairs) and pairs[0][0].key in said, candidate.attributed,
                                   speaker is not None)


def collect(nlp, gold: list[Task], batch_size: int = 16) -> list[DocRows]:
    """Pre-label ``gold``'s texts with ``nlp`` (its suggestions component offering extents only) and
    gather every candidate of every rate-table source."""
    lexicon = shared_lexicon(nlp)
    sources = frozenset(SCORES)
    out = []
    started = time.perf_counter()
    for n, (g, doc) in enumerate(zip(gold, nlp.pipe([g.text for g in gold], batch_size=batch_size),
                                     strict=True), 1):
        base = doc_to_task(doc)
        base.suggestions = [s for s in base.suggestions if s.replaces is not None]
        facts = DocFacts.of(doc)
        rows = DocRows(g, base)
        found = proposals(doc, lexicon, sources)
        for proposal, around in zip(found, proposal_neighbours(found), strict=True):
            candidate = candidate_of(base, facts, proposal, lexicon)
            if candidate is not None:
                candidate.feats.update(around)
                rows.candidates.append(candidate)
        label(rows)
        out.append(rows)
        if n % 100 == 0:
            print(f"  {n} of {len(gold)} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def save(rows: list[DocRows], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        pickle.dump(rows, out)


def load(path: Path) -> list[DocRows]:
    with open(path, "rb") as source:
        return pickle.load(source)
