"""The suggestion scorer refitted on a team's decisions (issue 19): the shipped logistic models
(``nlp/suggest/scorer.py``, fitted offline on a news corpus) moved towards what this team takes.

What it reads off the decisions (the accepted documents, as ``suggestion_update`` reads them): a
suggestion the annotator took is a ``QUOTE`` in the document's ``spans``; one left alone stays in its
``suggestions`` and overlaps no quote. Each document is pre-labeled again by the rules and every
candidate the suggestions component would score (``suggest.propose.proposals``, the sources the
shipped scorer knows) is labeled *right* when it pairs with an accepted quote the rules' pre-labels
did not find (the scorer's overlap match), and *right with its speaker* when that quote's speaker is
its speaker too: the two models' targets, as the shipped fit labels them against gold.

The fit is a MAP update with the shipped weights as the prior mean: each model minimises its log
loss plus ``strength / 2 · ‖w - w_shipped‖²`` (Newton's method, numpy only). A few documents move the
weights a little, many move them more; a feature the decisions never show keeps its shipped weight.
The strength (the shipped weights themselves among the choices) is chosen by keys to the decisions on
folds of the decided documents (``scorer_folds``: what the annotator pays, not how well the
probabilities fit), or, below ``scorer_folds.MIN_DOCUMENTS``, by log loss on a held-out slice of them;
then the model is refitted on every document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from annotator.core.records import QUOTE, SPEAKER, Span, Task

#: Strengths tried (in examples' worth of pull towards the shipped weights); ``None``: the shipped
#: weights unchanged.
STRENGTHS: tuple[float | None, ...] = (None, 1000.0, 300.0, 100.0, 30.0, 10.0)
#: Pulls tried besides (``fit_team_scorer(intercepts=True)``): (strength, a weaker one for the intercepts: the
#: bias and each source's and cue class's own weight and their crosses), so what a team takes more or less
#: often of a source or a class of cue words moves fast while the rest of the model stays near the prior.
INTERCEPT_PULLS: tuple[tuple[float, float], ...] = ((1000.0, 10.0), (300.0, 10.0))
INTERCEPT_KINDS = ("source", "cue-class")
#: Below this many documents with candidates no slice is held out: the strongest pull is used.
MIN_DOCUMENTS_TO_CHOOSE = 8
#: A weaker pull (a later strength) replaces a stronger one only when its held-out log loss per
#: candidate is lower by this much: a smaller difference on a slice of a few documents is noise.
MIN_LOSS_GAIN = 0.0005
#: Share of the documents (by text hash) held out to choose the strength.
HELD_OUT_SHARE = 0.25
TARGETS = ("right", "attributed")


@dataclass
class Row:
    """One candidate: its named features, its source, and whether it was right (and with its speaker)."""

    feats: dict[str, float]
    source: str
    right: bool
    attributed: bool


@dataclass
class TeamFit:
    """The refitted table (``SuggestionScorer.from_table``'s form) and how it was chosen."""

    table: dict
    documents: int
    candidates: int
    right: int
    #: per target: the chosen strength (None: the shipped weights), and the held-out log loss of each tried
    strengths: dict[str, float | None] = field(default_factory=dict)
    held_out: dict[str, dict[str, float]] = field(default_factory=dict)
    #: the keys on folds of the decisions the strength was chosen by (``scorer_folds.KeysChoice.to_dict``)
    chosen_by: dict | None = None
    #: the promotion thresholds re-chosen on the same folds (``scorer_promotion.PromotionChoice.to_dict``)
    promotion: dict | None = None

    def to_dict(self) -> dict[str, object]:
        from annotator.training.scorer_folds import plain

        return {"documents": self.documents, "candidates": self.candidates, "right": self.right,
                "strengths": {t: plain(s) for t, s in self.strengths.items()}, "held_out_log_loss": self.held_out, "folds": self.chosen_by,
                "promotion": self.promotion}

    @property
    def moved(self) -> bool:
        """Whether any weight differs from the shipped ones (a strength was chosen for a model, or the
        promotion thresholds were moved)."""
        return any(s is not None for s in self.strengths.values()) or bool((self.promotion or {}).get("at"))


def _record(task: Task, edges: tuple[dict, dict], span, label: str, quote_type: str | None = None) -> Span | None:
    """``span`` (a spaCy Span) as a record of ``task`` (None when it is not on the task's token edges)."""
    if span is None:
        return None
    first, last = edges[0].get(span.start_char), edges[1].get(span.end_char)
    if first is None or last is None:
        return None
    return Span(span.start_char, span.end_char, first, last, label, text=task.text[span.start_char:span.end_char],
                quote_type=quote_type)


def document_rows(decided: Task, doc, lexicon, known) -> list[Row]:
    """The labeled candidates of one decided document, ``doc`` being its text as the rules pre-label it."""
    from annotator.measure.evaluation import Attribution, match_quotes_with_pieces, same_speaker, speakers_of
    from annotator.nlp.convert import doc_to_task
    from annotator.nlp.suggest.propose import proposals
    from annotator.nlp.suggest.scorer import DocFacts, features, proposal_neighbours

    base = doc_to_task(doc)
    gold = [s for s in decided.spans if s.label == QUOTE]
    found, _ = match_quotes_with_pieces(decided.text, gold, [s for s in base.spans if s.label == QUOTE])
    paired = {g.key for g, _ in found}
    missed = [g for g in gold if g.key not in paired]
    said = speakers_of(decided)
    facts = DocFacts.of(doc)
    edges = ({t.start: t.id for t in base.tokens}, {t.end: t.id for t in base.tokens})
    rows = []
    found = proposals(doc, lexicon, known)
    # what the other proposals say of each, as the component reads them
    for proposal, around in zip(found, proposal_neighbours(found), strict=True):
        quote = _record(base, edges, proposal.span, QUOTE, proposal.quote_type)
        if quote is None:
            continue
        pairs, _ = match_quotes_with_pieces(decided.text, missed, [quote]) if missed else ([], None)
        speaker = _record(base, edges, proposal.speaker, SPEAKER)
        mention = base.span_text(speaker) if speaker is not None else ""
        attributed = bool(pairs) and speaker is not None and pairs[0][0].key in said and same_speaker(
            said[pairs[0][0].key], [Attribution(speaker, mention, mention)])
        feats = features(facts, proposal.span, proposal.cue, proposal.speaker, proposal.source, proposal.quote_type,
                         lexicon)
        feats.update(around)
        rows.append(Row(feats, proposal.source, bool(pairs), attributed))
    return rows


def collect_rows(decided: Sequence[Task], *, base: str | None = None, nlp=None) -> list[list[Row]]:
    """Every decided document's labeled candidates, one list a document (``nlp``: a rules pipeline
    from ``base`` unless given; its suggestions component is not run: the rules' pre-labels alone)."""
    return parse_decided(decided, base=base, nlp=nlp)[2]


def parse_decided(decided: Sequence[Task], *, base: str | None = None, nlp=None) -> tuple[object, list, list[list[Row]]]:
    """The rules pipeline, each decided document parsed by it without the suggestions, and its labeled
    candidates (``collect_rows``)."""
    from annotator.nlp.convert import make_doc
    from annotator.nlp.lexicon import shared_lexicon
    from annotator.nlp.pipeline import SUGGESTIONS, load_pipeline

    if not decided:
        return nlp, [], []
    nlp = nlp or load_pipeline(base)
    table = pipeline_table(nlp)
    if not table.get("weights"):
        return nlp, [], []
    sources = frozenset(table.get("sources") or ())
    lexicon = shared_lexicon(nlp)
    with nlp.select_pipes(disable=[SUGGESTIONS] if SUGGESTIONS in nlp.pipe_names else []):
        # on the documents' own tokens, as ``prelabel`` runs the pipeline on them
        docs = list(nlp.pipe((make_doc(t, nlp) for t in decided), batch_size=16))
    return nlp, docs, [document_rows(task, doc, lexicon, sources) for task, doc in zip(decided, docs, strict=True)]


def _mapping(value) -> dict:
    """A weight table given as ``[[name, weight], …]`` (a spaCy config's form) or a mapping, as a dict."""
    if isinstance(value, (list, tuple)):
        return {str(name): float(w) for name, w in value}
    return dict(value or {})


def pipeline_table(nlp) -> dict:
    """The scorer table ``nlp``'s suggestions component was built with: its own ``scorer_weights`` (a
    pipeline saved with a team's or a prior's scorer, the base an update starts from), else the shipped
    table. The refit's prior: a team's decisions move the weights of the pipeline it started from."""
    from annotator.nlp.pipeline import SUGGESTIONS
    from annotator.nlp.suggest.scorer import shipped_table

    own = nlp.get_pipe_config(SUGGESTIONS).get("scorer_weights") if nlp is not None and \
        SUGGESTIONS in nlp.component_names else None
    if not own:
        return shipped_table()
    return {**own, "sources": list(own.get("sources") or []), "weights": _mapping(own.get("weights")),
            "promote_weights": _mapping(own.get("promote_weights")),
            "promote_shifts": _mapping(own.get("promote_shifts"))}


def _matrix(rows: Sequence[Row], index: Mapping[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(index)))
    for i, row in enumerate(rows):
        for name, value in row.feats.items():
            x[i, index[name]] = value
    return x


def is_intercept(name: str) -> bool:
    """Whether a feature is an intercept of a source or a cue class (or their cross, or the bias)."""
    return name == "bias" or all("=" in part and part.split("=", 1)[0] in INTERCEPT_KINDS for part in name.split("|"))


def pull_of(strength, names: Sequence[str], key: str = "weights"):
    """The strength of each weight: one for all, or for ``(strength, intercepts)`` the second on intercepts,
    or a matrix over ``names`` for model ``key`` (a ``prior_precision.PriorData``: the prior's rows)."""
    if hasattr(strength, "pull"):
        return strength.pull(key, names)
    if not isinstance(strength, (tuple, list)):
        return strength
    whole, intercepts = strength
    return np.array([intercepts if is_intercept(n) else whole for n in names], dtype=float)


def weighted_gram(x: np.ndarray, c: np.ndarray, rows: int = 256) -> np.ndarray:
    """``(x.T * c) @ x``, a few rows at a time over the columns those rows use: the rows of a few
    documents use a few hundred of the thousands of features, so this is tens of times cheaper."""
    out = np.zeros((x.shape[1], x.shape[1]))
    for start in range(0, x.shape[0], rows):
        block = x[start:start + rows]
        used = np.flatnonzero(np.any(block != 0.0, axis=0))
        block = block[:, used]
        out[np.ix_(used, used)] += (block.T * c[start:start + rows]) @ block
    return out


def fit_map(x: np.ndarray, y: np.ndarray, prior: np.ndarray, strength, iterations: int = 30) -> np.ndarray:
    """The weights minimising the log loss of ``y`` given ``x`` plus ``strength / 2 · ‖w - prior‖²``
    (``strength``: a number, or one per weight, or a matrix ``S`` for ``(w - prior)ᵀ S (w - prior) / 2``;
    Newton's method from the prior, halving a step that does not lower the objective)."""
    strength = np.asarray(strength, dtype=float)
    penalty = strength if strength.ndim == 2 else np.diag(np.broadcast_to(strength, prior.shape))

    def objective(w: np.ndarray) -> float:
        z = x @ w
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + (w - prior) @ penalty @ (w - prior) / 2)

    w, current = prior.copy(), objective(prior)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ (w - prior)
        hessian = weighted_gram(x, p * (1.0 - p)) + penalty
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while size > 1e-4:
            trial = w - size * step
            value = objective(trial)
            if value <= current:
                break
            size /= 2
        else:
            break
        w, moved, current = trial, float(np.max(np.abs(size * step))), value
        if moved < 1e-6:
            break
    return w


def log_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    z = x @ w
    return float(np.mean(np.logaddexp(0.0, z) - y * z)) if len(y) else 0.0


def _held_out(keys: Sequence[str]) -> list[bool]:
    """Which documents the strength is chosen on: a fixed share, by a hash of each document's key."""
    from zlib import crc32

    return [crc32(key.encode("utf-8")) % 1000 < HELD_OUT_SHARE * 1000 for key in keys]


def choose_strength(train: list[Row], held: list[Row], index, prior: np.ndarray, target: str
                    ) -> tuple[float | None, dict[str, float]]:
    """The strength whose fit on ``train`` has the lowest log loss on ``held`` (None: the shipped weights)."""
    x, y = _matrix(train, index), np.array([getattr(r, target) for r in train], dtype=float)
    hx, hy = _matrix(held, index), np.array([getattr(r, target) for r in held], dtype=float)
    losses: dict[str, float] = {}
    best: tuple[float, float | None] | None = None
    for strength in STRENGTHS:
        w = prior if strength is None else fit_map(x, y, prior, strength)
        loss = log_loss(hx, hy, w)
        losses["shipped" if strength is None else f"{strength:g}"] = round(loss, 5)
        if best is None or loss < best[0] - MIN_LOSS_GAIN:
            best = (loss, strength)
    return best[1], losses


def _split(documents: Sequence[list[Row]], keys: Sequence[str]) -> tuple[list[Row], list[Row]]:
    """The rows of the documents the strength is fitted on, and of those it is chosen on."""
    held = _held_out(keys)
    train = [r for d, h in zip(documents, held, strict=True) if not h for r in d]
    return train, [r for d, h in zip(documents, held, strict=True) if h for r in d]


def _slices(documents: Sequence[list[Row]], keys: Sequence[str], count: int) -> tuple[list[Row], list[Row]] | None:
    """The rows to fit and to choose the strength on (None: too few documents to hold a slice out)."""
    train, held = _split(documents, keys)
    return (train, held) if count >= MIN_DOCUMENTS_TO_CHOOSE and train and held else None


def _fit_target(fit: TeamFit, target: str, key: str, rows: list[Row], slices, names: list[str],
                shifts: Mapping[str, float], fixed: Mapping[str, float | None] | None = None) -> None:
    """Refit one model (``target``: right, or right with its speaker) into ``fit.table[key]``; ``slices``:
    the train and held-out rows to choose the strength on (None: too few documents, the strongest pull).
    ``shifts``, the per-type promotion thresholds folded into the shipped weights, are taken out before
    the fit (the model is refitted as it was fitted, calibrated) and folded in again after it."""
    from annotator.nlp.suggest.scorer import shifted

    if not fit.table[key]:
        fit.strengths[target] = None
        return
    shipped = shifted(fit.table[key], shifts, -1.0)
    index = {n: i for i, n in enumerate(names)}
    prior = np.array([shipped.get(n, 0.0) for n in names])
    if fixed is not None:
        strength = fixed[target]
    elif slices is not None:
        strength, fit.held_out[target] = choose_strength(*slices, index, prior, target)
    else:
        strength = max(s for s in STRENGTHS if s is not None)
    fit.strengths[target] = strength
    if strength is not None:
        w = fit_map(_matrix(rows, index), np.array([getattr(r, target) for r in rows], dtype=float), prior,
                    pull_of(strength, names, key))
        fit.table[key] = shifted({**shipped, **{n: round(float(v), 5) for n, v in zip(names, w, strict=True)}}, shifts)


def refit(documents: Sequence[list[Row]], keys: Sequence[str] | None = None, prior_table: Mapping | None = None,
          strengths: Mapping[str, float | None] | None = None) -> TeamFit:
    """The shipped table (``prior_table``) refitted on ``documents``' rows (one list a document; ``keys``
    name them for the held-out slice, by default their order); ``strengths`` (per target) fixes the
    strength instead of choosing it by held-out log loss."""
    from annotator.nlp.suggest.scorer import shipped_table

    prior_table = prior_table if prior_table is not None else shipped_table()
    keys = list(keys) if keys is not None else [str(i) for i in range(len(documents))]
    known = set(prior_table.get("sources") or ())
    documents = [[r for r in rows if r.source in known] for rows in documents]
    rows = [r for d in documents for r in d]
    table = {"sources": list(prior_table.get("sources") or []), "weights": dict(prior_table.get("weights") or {}),
             "promote_weights": dict(prior_table.get("promote_weights") or {}),
             "promote_shifts": dict(prior_table.get("promote_shifts") or {})}
    fit = TeamFit(table, documents=sum(1 for d in documents if d), candidates=len(rows),
                  right=sum(r.right for r in rows))
    if not rows:
        fit.strengths = {t: None for t in TARGETS}
        return fit
    names = sorted({n for r in rows for n in r.feats})  # a feature never seen keeps its prior weight exactly
    slices = None if strengths else _slices(documents, keys, fit.documents)
    shifts = {"weights": {}, "promote_weights": prior_table.get("promote_shifts") or {}}
    for target, key in zip(TARGETS, ("weights", "promote_weights"), strict=True):
        _fit_target(fit, target, key, rows, slices, names, shifts[key], strengths)
    return fit


def fit_team_scorer(decided: Sequence[Task], *, base: str | None = None, nlp=None, by_keys: bool = True,
                    prior_table: Mapping | None = None, promotion: bool = False, intercepts: bool = False,
                    prior_data: bool = False, strengths: Sequence[float] | None = None, keep: str = "gain") -> TeamFit:
    """The scorer refitted on ``decided`` (accepted documents): their candidates labeled, then ``refit``
    (towards ``prior_table``; unless given, the table the pipeline's suggestions were built with,
    ``pipeline_table``) at the strength chosen by keys on folds of
    them (``scorer_folds``; ``by_keys`` False, or too few documents: by held-out log loss); with ``promotion``
    the per-type promotion thresholds are then re-chosen on the same folds (``scorer_promotion``); with
    ``intercepts`` the folds also try ``INTERCEPT_PULLS``; with ``prior_data``, when the base pipeline's folder
    keeps its scorer's precision (``prior_precision.beside``), the pulls by the prior's rows too; ``strengths``
    replaces ``STRENGTHS``, and ``keep`` is the folds' rule (``scorer_folds.KEEP_RULES``)."""
    from annotator.nlp.pipeline import SUGGESTIONS
    from annotator.training import scorer_folds
    from annotator.training.prior_precision import beside, pulls

    nlp, docs, documents = parse_decided(decided, base=base, nlp=nlp)
    keys = [str(t.input_hash or t.text) for t in decided][:len(documents)]
    prior_table = prior_table if prior_table is not None else pipeline_table(nlp)
    if not by_keys or sum(1 for d in documents if d) < scorer_folds.MIN_DOCUMENTS or SUGGESTIONS not in nlp.component_names:
        return refit(documents, keys=keys, prior_table=prior_table)
    choice = scorer_folds.choose_by_keys(decided, docs, documents, keys, nlp.get_pipe(SUGGESTIONS), prior_table,
                                         (None, *(s for s in (STRENGTHS if strengths is None else strengths) if s is not None))
                                         + (INTERCEPT_PULLS if intercepts else ())
                                         + (pulls(beside(nlp)) if prior_data else ()), keep)
    fit = refit(documents, keys=keys, prior_table=prior_table, strengths={t: choice.strength for t in TARGETS})
    fit.chosen_by = choice.to_dict()
    suggester = nlp.get_pipe(SUGGESTIONS)
    if promotion and suggester.promote and suggester.promote_min_score is not None:
        _rechoose_promotion(fit, scorer_folds.fold_predictor(decided, docs, documents, keys, suggester, prior_table,
                                                             choice.strength), decided, suggester.promote_min_score)
    return fit


def _rechoose_promotion(fit: TeamFit, predict, decided: Sequence[Task], promote_min_score: float) -> None:
    """The per-type promotion thresholds re-chosen on the folds (``scorer_promotion``), folded into
    ``fit.table`` when a move is taken."""
    from annotator.training import scorer_promotion

    choice = scorer_promotion.choose(predict, decided, scorer_promotion.thresholds(fit.table, promote_min_score))
    fit.promotion = choice.to_dict()
    if choice.at is not None:
        fit.table = scorer_promotion.moved(fit.table, promote_min_score, choice.at)
