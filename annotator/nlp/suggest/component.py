"""The ``annotator_suggestions`` component: after the pre-labels, the candidate attributions no
pre-labeled quote overlaps (``propose``), scored by the learned scorer (``scorer``: the probability
that one is right, from its parse) or, for a source it was not fitted on, by the measured right-rate
of their source (``scores``), none overlapping another (the higher score wins). They are kept apart
from the annotations: ``doc._.suggestions`` holds ``convert.DocSuggestion`` tuples of character
offsets, which ``convert.doc_to_task`` writes to ``Task.suggestions``. The surest, scored at least
``promote_min_score`` with a cue and a speaker, become pre-labels instead (``promote``). The rules'
pre-labels the demotion model rates under its ``demote_min_score`` go the other way: they are taken out
of the pre-labels and suggested instead (``demote``); the candidates they overlap are proposed as if
they were gone already (``Suggester.leaving``)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from annotator.nlp.convert import DocSuggestion
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.frames import FRAMES_PIPE, FrameAdder, FrameCounts
from annotator.nlp.frames.candidates import overlaps_any
from annotator.nlp.paused_collector import collector_paused
from annotator.nlp.suggest.demote import DemoteModel, PreLabel, default_demoter, demote, doc_suggestion, prelabels
from annotator.nlp.suggest.demote import shipped_table as demote_table
from annotator.nlp.suggest.doubtful import DOUBTFUL_SCORE, doubtful
from annotator.nlp.suggest.extents import EXTENT_SOURCES, extent_suggestions, giving_way
from annotator.nlp.suggest.learned import learned_proposals, with_learned
from annotator.nlp.suggest.promote import promotable, promote
from annotator.nlp.suggest.promote_gates import gated, spoken_gated
from annotator.nlp.suggest.propose import SOURCES, Proposal, choose, frame_source, proposals
from annotator.nlp.suggest.scorer import (
    DocFacts, Features, SuggestionScorer, default_scorer, feature_blocks, merged, proposal_neighbours, shipped_table,
    sigmoid, vectors_for,
)
from annotator.nlp.suggest.scores import COUNTS_WEIGHT, DEFAULT_SOURCES, MIN_SCORE, SCORES, table_score
from annotator.nlp.suggest.vectors import MODELS

SUGGESTIONS_PIPE = "annotator_suggestions"
#: The learned scorer's thresholds chosen with its weights (``bench/fit_scorer.py``): show a
#: suggestion it scores at least this, and make one a pre-label at this or more (None: never).
SCORER_MIN_SCORE: float = shipped_table().get("min_score", MIN_SCORE)
PROMOTE_MIN_SCORE: float | None = shipped_table().get("promote_min_score")
#: Make a suggestion with a cue and no speaker a pre-label without a source (PolNeAR's
#: ``Attribution-no-source``: ``the bridge is expected | to open in May``) when its score is at
#: least this: the break-even of the keys, since a right one saves its visit and take (2) and a
#: wrong one costs its delete (3) instead of its visit (1). None: never.
PROMOTE_SOURCELESS_MIN_SCORE: float | None = 0.5
#: The demotion model's threshold chosen with its weights (``bench/fit_demote.py``): a rule's pre-label
#: it scores under this becomes a suggestion (None: none fitted).
DEMOTE_MIN_SCORE: float | None = demote_table().get("min_score")


@Language.factory(SUGGESTIONS_PIPE, assigns=["doc._.suggestions", "doc.spans", "doc._.relations"],
                  requires=["doc.spans"],
                  default_config={"enabled": True, "sources": [*DEFAULT_SOURCES, *EXTENT_SOURCES], "min_score": MIN_SCORE,
                                  "counts_weight": COUNTS_WEIGHT, "learned_min_score": None, "scorer": True,
                                  "scorer_min_score": SCORER_MIN_SCORE, "promote": True,
                                  "promote_min_score": PROMOTE_MIN_SCORE,
                                  "promote_sourceless_min_score": PROMOTE_SOURCELESS_MIN_SCORE, "scorer_weights": None,
                                  "demote": True, "demote_min_score": DEMOTE_MIN_SCORE, "demote_weights": None})
def make_suggester(nlp: Language, name: str, enabled: bool, sources: list[str], min_score: float,
                   counts_weight: float, learned_min_score: float | None, scorer: bool, scorer_min_score: float,
                   promote: bool, promote_min_score: float | None, promote_sourceless_min_score: float | None,
                   scorer_weights: dict | None, demote: bool = True, demote_min_score: float | None = DEMOTE_MIN_SCORE,
                   demote_weights: dict | None = None) -> Suggester:
    """``learned_min_score``: read from pipelines saved before the counts updated the table's score
    (their own threshold); no longer used: ``min_score`` serves both. ``scorer``: score with the
    learned model (``scorer_weights``, a pipeline's own, else the shipped one) where it knows the
    source; ``promote``: make the suggestions it scores at least ``promote_min_score`` pre-labels, and
    those with a cue and no speaker scored at least ``promote_sourceless_min_score`` pre-labels without a
    source; ``demote``: suggest instead the rules' pre-labels the demotion model (``demote_weights``, else
    the shipped one) scores under ``demote_min_score`` (None: the model's own; a quote type with a threshold
    of its own in the table, ``type_min_scores``, keeps it)."""
    unknown = sorted(set(sources) - set(SOURCES) - set(EXTENT_SOURCES))
    if unknown:
        raise ValueError(f"[components.{name}] sources: unknown {', '.join(unknown)} "
                         f"(known: {', '.join(SOURCES + EXTENT_SOURCES)})")
    if counts_weight <= 0:
        raise ValueError(f"[components.{name}] counts_weight: must be above 0, not {counts_weight}")
    frames = nlp.get_pipe(FRAMES_PIPE) if FRAMES_PIPE in nlp.component_names else None
    try:
        model = vectors_for(SuggestionScorer.from_table(scorer_weights) if scorer_weights else default_scorer(), nlp) \
            if scorer else None
    except ValueError as err:
        raise ValueError(f"[components.{name}] scorer_weights: {err}") from None
    try:
        demoter = (DemoteModel.from_table(demote_weights) if demote_weights else default_demoter()) if demote else None
    except ValueError as err:
        raise ValueError(f"[components.{name}] demote_weights: {err}") from None
    if demoter is not None and demote_min_score is not None:
        demoter = replace(demoter, min_score=demote_min_score)  # (a type's own threshold in the table stays)
    return Suggester(enabled=enabled, sources=sources, min_score=min_score, lexicon=shared_lexicon(nlp),
                     frames=frames, counts_weight=counts_weight, scorer=model, scorer_min_score=scorer_min_score,
                     promote=promote, promote_min_score=promote_min_score,
                     promote_sourceless_min_score=promote_sourceless_min_score, demoter=demoter)


class Suggester:
    """Writes ``doc._.suggestions``: candidate attributions the pre-labels left out.

    ``sources``: which kinds to propose; ``scores``: each source's right-rate by the content's
    length (its suggestions' score; a source without one is never suggested); ``min_score``: leave
    out suggestions scored lower;
    ``enabled=False``: propose nothing (the documents are left as they are).

    ``scorer``: the learned model; a proposal of a source it knows is scored by it and shown at
    ``scorer_min_score`` or more, and made a pre-label (``promote``) at ``promote_min_score`` or
    more when it has a cue and a speaker; one with a cue and no speaker is made a pre-label without a
    source at ``promote_sourceless_min_score`` or more (of any score it is shown with). ``scorer=None``
    or ``promote=False`` switch either off. ``demoter``: the demotion model; the rules' pre-labels it
    scores under its threshold are suggested instead (``demote``; None: none is), and so are the
    pre-labels of a doubtful class (``doubtful``) while ``doubt`` holds.

    With a trained frames component (``frames``, ``annotator train --design frames``: how often the
    team annotated each frame and cue word), every frame's candidates are proposed and the team's
    counts update the table's score: (annotated + W · table score) / (proposed + W) for the
    candidate's frame and cue word, W = ``counts_weight``. Without counts for a word that is the
    table's score; with many, the team's own rate; the same ``min_score`` leaves out the low ones.
    The rule classes keep their table score."""

    def __init__(self, *, enabled: bool = True, sources: Iterable[str] = DEFAULT_SOURCES,
                 min_score: float = MIN_SCORE, lexicon: Lexicon | None = None,
                 scores: dict[str, tuple[float, ...]] | None = None,
                 frames: FrameAdder | None = None, counts_weight: float = COUNTS_WEIGHT,
                 scorer: SuggestionScorer | None = None, scorer_min_score: float = SCORER_MIN_SCORE,
                 promote: bool = True, promote_min_score: float | None = PROMOTE_MIN_SCORE,
                 promote_sourceless_min_score: float | None = PROMOTE_SOURCELESS_MIN_SCORE,
                 demoter: DemoteModel | None = None) -> None:
        self.enabled = enabled
        self.sources = frozenset(sources)
        self.min_score = min_score
        self.lexicon = lexicon or Lexicon()
        self.scores = dict(SCORES if scores is None else scores)
        self.frames = frames
        self.counts_weight = counts_weight
        self.scorer = scorer
        self.scorer_min_score = scorer_min_score
        self.promote = promote
        self.promote_min_score = promote_min_score
        self.promote_sourceless_min_score = promote_sourceless_min_score
        self.demoter = demoter
        self.doubt = True

    @collector_paused
    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled:
            return doc
        # the rules' pre-labels are rated as the rules left them, before any is promoted
        facts = DocFacts.of(doc) if self.demoter is not None else None  # (the scorer reads the same)
        rules = prelabels(doc) if self.demoter is not None or self.doubt else None  # (read once for both)
        unsure = self.demoter.unsure(doc, self.lexicon, facts, rules) if self.demoter is not None else []
        learned = learned_proposals(doc, self.lexicon)  # (a trained pipeline's own quotes, with their rates)
        found = proposals(doc, self.lexicon, self.live_sources(), self.leaving(doc, unsure, rules)) \
            + [p for p, _ in learned]
        rate, modelled, described, choosing = self.rated(doc, found, learned, facts)
        if choosing:  # promoted as the kept show model chooses; the others shown as the new one chooses
            first = self.scorer_chosen(found, rate, choosing, self.scorer.choice_min_score)
            promoted = [(p, modelled.get(id(p), score)) for p, score in first if self.promotes(p, described)]
            taken = [p.chars for p, _ in promoted]
            rest = [p for p in found if not overlaps_any(*p.chars, taken)]
            chosen = sorted(self.scorer_chosen(rest, rate, modelled, self.scorer_min_score) + promoted,
                            key=lambda pair: pair[0].span.start)
            up = {id(p) for p, _ in promoted}
        else:
            if modelled:  # the scorer's proposals at its own threshold, the others at ``min_score``
                chosen = self.scorer_chosen(found, rate, modelled, self.scorer_min_score)
            else:
                chosen = choose(found, self.scores, self.min_score, rate)
            up = {id(p) for p, _ in chosen if self.promotes(p, described)}
        up |= {id(p) for p, score in chosen if self.promotes_sourceless(p, self.without_term(doc, p, score, modelled))
               or self.promotes_spoken(p, score)}
        suggested = [suggestion_of(p, score) for p, score in chosen]
        # another extent for a pre-labeled quote (``extents``), clear of the quotes chosen above
        extents = extent_suggestions(doc, self.lexicon, self.sources, self.min_score, suggested)
        lifted = [p for p, _ in chosen if id(p) in up]
        promote(doc, lifted, self.lexicon)
        # a comma run-on over a clause now promoted gives way to it, as to a rule's pre-label (session 38)
        extents = giving_way(extents, [p.span for p in lifted])
        apart = {(p.span.start_char, p.span.end_char) for p, _ in unsure}
        doubted = doubtful(doc, apart) if self.doubt else []
        demoted = demote(doc, unsure + [(p, DOUBTFUL_SCORE) for p in doubted])
        if demoted:  # (an extent offered for a demoted quote has no quote left to replace)
            gone = {(s.quote_start, s.quote_end) for s in demoted}
            extents = [s for s in extents if (s.replaces_start, s.replaces_end) not in gone]
        doc._.suggestions = [s for s, (p, _) in zip(suggested, chosen, strict=True) if id(p) not in up] + extents \
            + demoted
        return doc

    def leaving(self, doc: Doc, unsure, rules: list[PreLabel] | None = None) -> frozenset[tuple[int, int]]:
        """The characters of the rules' pre-labels that will be demoted (``unsure``, and those of a
        doubtful class while ``doubt`` holds): the candidates they overlap are proposed all the same,
        as if they were suggestions already (on tuning, those shown such a pre-label hid were right
        about a third of the time). ``rules``: ``demote.prelabels(doc)``, when read already."""
        apart = {(p.span.start_char, p.span.end_char) for p, _ in unsure}
        if self.doubt:
            apart |= {(p.span.start_char, p.span.end_char) for p in doubtful(doc, apart, rules)}
        return frozenset(apart)

    def scorer_chosen(self, found: list[Proposal], rate, scored: dict[int, float],
                      at: float) -> list[tuple[Proposal, float]]:
        """``choose`` over ``found``: the scorer's proposals (``scored``, by ``id``) at ``at`` or more,
        the others at ``min_score``."""
        kept = [p for p in found if id(p) not in scored or scored[id(p)] >= at]
        return choose(kept, self.scores, 0.0, self.thresholded(rate, scored))

    def team_counts(self):
        """The trained frames component's counts of what the team annotated, or None (none yet)."""
        return self.frames.counts if self.frames is not None and self.frames.counts.counts else None

    def live_sources(self) -> frozenset[str]:
        """The sources worth proposing: those with a table score of ``min_score`` or more or that the
        scorer knows, and every frame's when the team's counts may raise its score."""
        live = {s for s in self.sources if max(self.scores.get(s, ()), default=-1.0) >= self.min_score
                or (self.scorer is not None and self.scorer.knows(s))}
        if self.team_counts() is not None:
            live |= {frame_source(frame.name) for frame in self.frames.frames}
        return frozenset(live)

    def rated(self, doc: Doc, found: list[Proposal], learned, facts: DocFacts | None = None):
        """How ``found`` is scored: the rate (a trained model's own, or the team's counts, else None
        for a proposal), and the learned scorer's probabilities and features (``modelled``) of those
        no rate scores."""
        counts = self.team_counts()
        if counts is None:
            rate = with_learned(None, learned)
            return (rate, *self.modelled(doc, found, rate, facts))
        # the team's counts move what the pipeline would show without them: the learned scorer's
        # probability where it scores the proposal, else the table's score; the scorer keeps the
        # proposals no other rate scores (as ``modelled`` given the rate), all scored once
        shown, shown_features, choosing = self.modelled(doc, found, None, facts)

        def counted(proposal: Proposal) -> float | None:
            if proposal.candidate is None:
                return None
            return self.counted_score(counts, proposal, shown.get(id(proposal)))
        rate = with_learned(counted, learned)
        unrated = {id(p) for p in found if rate(p) is None}
        return (rate, {key: value for key, value in shown.items() if key in unrated},
                {key: value for key, value in shown_features.items() if key in unrated},
                {key: value for key, value in choosing.items() if key in unrated})

    def modelled(self, doc: Doc, found: list[Proposal], rate,
                 facts: DocFacts | None = None) -> tuple[dict[int, float], dict[int, list[Features]], dict[int, float]]:
        """The learned scorer's probability that each proposal it scores is right (by ``id``): those
        of a source it was fitted on and that no other rate (a team's counts, a trained model's own)
        scores; and, only when promoting, the features of those that could be promoted, in blocks
        (``promotes`` reads off them whether one is right with its speaker too, for the few ``choose``
        keeps); and, when promoting with a kept choice model (``SuggestionScorer.choice_weights``),
        its probabilities, by which the promoted proposals are chosen (else empty). Each proposal's
        features include what all of ``found`` say of it (``neighbour_features``)."""
        scorer = self.scorer
        if scorer is None:
            return {}, {}, {}
        promoting = self.promote and self.promote_min_score is not None
        # those the promotion model scores (``promote_sources``; a source only it scores is described, its
        # shown score the table's)
        promoted_by_model = {id(p) for p in found if promoting and promotable(p) and scorer.promotes_source(p.source)}
        known = [p for p in found if (scorer.knows(p.source) or id(p) in promoted_by_model)
                 and (rate is None or rate(p) is None)]
        if not known:
            return {}, {}, {}
        facts = DocFacts.of(doc) if facts is None else facts
        kept_choice = promoting and bool(scorer.choice_weights)
        right, described, choosing = {}, {}, {}
        around = dict(zip(map(id, found), proposal_neighbours(found), strict=True))
        lexicon = self.lexicon
        term = scorer.vectors.of(doc) if scorer.vectors is not None and scorer.vectors.reads(doc) else None
        for p in known:
            blocks = feature_blocks(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
            blocks.append(around[id(p)])
            if scorer.knows(p.source):
                if term is not None:  # (the base model's vectors stacked on the scorer: ``suggest/vectors.py``)
                    blocks.append(term.block(p.span, p.cue, p.speaker))
                right[id(p)] = sigmoid(scorer.logit(blocks))
                if kept_choice:
                    choosing[id(p)] = sigmoid(scorer.choice_logit(blocks))
            if id(p) in promoted_by_model:
                described[id(p)] = blocks
        return right, described, choosing

    def thresholded(self, rate, modelled: dict[int, float]):
        """``choose``'s rate when some proposals are the scorer's (already at least its threshold):
        the others are left out below ``min_score``, as ``choose`` would leave them."""
        def scored(proposal: Proposal) -> float | None:
            if id(proposal) in modelled:
                return modelled[id(proposal)]
            score = rate(proposal) if rate is not None else None
            score = table_score(self.scores, proposal.source, proposal.words) if score is None else score
            return score if score is not None and score >= self.min_score else -1.0
        return scored

    def promotes(self, proposal: Proposal, described: dict[int, list[Features]]) -> bool:
        """Whether a chosen proposal becomes a pre-label: scored right with its speaker at
        ``promote_min_score`` or more (``described`` holds the features of the promotable ones
        only, in blocks, and only when promoting)."""
        blocks = described.get(id(proposal))
        return blocks is not None and self.scorer.promote_probability(merged(blocks)) >= self.promote_min_score

    def without_term(self, doc: Doc, proposal: Proposal, score: float, modelled: dict[int, float]) -> float:
        """A chosen proposal's score as the show model gives it without the vectors' term
        (``suggest/vectors.py``), for a proposal with a cue and no speaker the scorer scored: the term
        reorders what is shown; a pre-label without a source stays the shipped model's call (the term
        would promote pieces such as a naming verb's subject). Any other score as it is."""
        term = self.scorer.vectors if self.scorer is not None else None
        if term is None or "show" not in term.models or proposal.speaker is not None or proposal.cue is None \
                or id(proposal) not in modelled or not 0.0 < score < 1.0 or not term.reads(doc):
            return score
        shift = term.block(doc, proposal.span, proposal.cue, proposal.speaker)[MODELS["show"]]
        return sigmoid(math.log(score / (1.0 - score)) - shift)

    def promotes_spoken(self, proposal: Proposal, score: float) -> bool:
        """Whether a chosen proposal with a cue and a speaker that the promotion model left becomes a
        pre-label with its speaker: a shape a hand gate of ``promote_gates.spoken_gated`` promotes at
        its shown ``score``."""
        return self.promote and self.promote_min_score is not None and promotable(proposal) \
            and spoken_gated(proposal, score)

    def promotes_sourceless(self, proposal: Proposal, score: float) -> bool:
        """Whether a chosen proposal with a cue and no speaker becomes a pre-label without a source:
        shown with a score of ``promote_sourceless_min_score`` or more, or a shape a hand gate of
        ``promote_gates`` promotes at a lower score (a holderless report noun's ``about`` topic whatever
        its score)."""
        at = self.promote_sourceless_min_score
        return self.promote and at is not None and proposal.speaker is None and proposal.cue is not None \
            and (score >= at or gated(proposal, score))

    def counted_score(self, counts: FrameCounts, proposal: Proposal, prior: float | None = None) -> float:
        """``prior`` (the learned scorer's probability, when it scores the proposal), else the table's
        score of a frame's candidate, updated by the team's counts of its frame and cue word (a frame the
        table lacks starts from its own counted rate)."""
        if prior is None:
            prior = table_score(self.scores, proposal.source, proposal.words)
        if prior is None:
            prior = counts.rate(proposal.candidate)
        positive, seen = counts.word_counts(proposal.candidate)
        return (positive + self.counts_weight * prior) / (seen + self.counts_weight)


def suggestion_of(proposal: Proposal, score: float) -> DocSuggestion:
    return doc_suggestion(proposal.span, proposal.quote_type, proposal.cue, proposal.speaker, score, proposal.source)
