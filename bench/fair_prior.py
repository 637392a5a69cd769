"""A fair prior for ``bench/active.py --prior-from N``: the suggestion scorer fitted the shipped way
(``bench/fit_scorer.py``: ``scorer_data.collect``, ``scorer_choice.fit`` and ``choose_thresholds``) on the
pool's documents from the N-th on, which the simulated team never reaches, saved as a rules pipeline whose
suggestions component scores with it (``scorer_weights``, and its own show and promotion thresholds). The
team's updates then start from a scorer that never saw the documents they decide, as a real team's
documents are new to the shipped weights. The table (feature names and numbers) is cached outside the
repository."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from annotator.core.records import Task  # noqa: E402


def precision_file(cache: Path) -> Path:
    """Where the prior's precision (``training/prior_precision.py``) is kept beside its cached table."""
    return cache.with_name(cache.name + ".precision.npz")


def fit_prior(documents: list[Task], cache: Path | None = None) -> dict:
    """The scorer table fitted on ``documents`` as ``bench/fit_scorer.py`` fits the shipped one (read from
    ``cache`` when it is there; written to it after a fit, with the precision of its rows beside it,
    ``precision_file``)."""
    if cache is not None and cache.is_file() and precision_file(cache).is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    from scorer_choice import choose_thresholds, fit  # bench/scorer_choice.py
    from scorer_data import collect  # bench/scorer_data.py

    from annotator.nlp.pipeline import SUGGESTIONS, add_components, load_model
    from annotator.nlp.suggest.extents import EXTENT_SOURCES

    started = time.monotonic()
    nlp = add_components(load_model(None))
    suggester = nlp.get_pipe(SUGGESTIONS)
    suggester.sources = frozenset(EXTENT_SOURCES)  # the candidates are gathered apart, as fit_scorer does
    suggester.scorer = None
    suggester.promote = False
    rows = collect(nlp, documents)
    table = choose_thresholds(rows, fit(rows, "right"), fit(rows, "attributed"))
    print(f"  prior fitted on {len(documents)} documents in {(time.monotonic() - started) / 60:.1f} min", flush=True)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(table), encoding="utf-8")
        prior_precision(rows, table).save(precision_file(cache))
    return table


def prior_precision(rows, table: dict):
    """The precision of ``table``'s two models over the candidates they were fitted on (``rows``,
    ``scorer_data.DocRows``; their features crossed as the fit crossed them), at the weights as fitted
    (the promotion shifts taken out)."""
    from annotator.nlp.suggest.scorer import CROSSES, crossed, shifted
    from annotator.training.prior_precision import precision_of

    started = time.monotonic()
    feats = [crossed(c.feats, CROSSES) for r in rows for c in r.candidates]
    precision = precision_of(feats, {"weights": table["weights"], "promote_weights": shifted(
        table["promote_weights"], table.get("promote_shifts") or {}, -1.0)})
    print(f"  the prior's precision over {len(precision.names)} features from {len(feats):,} candidates in "
          f"{(time.monotonic() - started) / 60:.1f} min", flush=True)
    return precision


def prior_pipeline(table: dict, base: str | None = None):
    """The rules' pipeline whose suggestions component scores with ``table`` at its own thresholds."""
    from annotator.nlp.pipeline import SUGGESTIONS, add_components, load_model, set_suggestions
    from annotator.training.team_scorer import config_table

    nlp = add_components(load_model(base))
    config = {k: v for k, v in nlp.get_pipe_config(SUGGESTIONS).items() if k != "factory"}
    config.update(scorer_weights=config_table(table), scorer_min_score=table["min_score"],
                  promote_min_score=table["promote_min_score"])
    nlp.replace_pipe(SUGGESTIONS, SUGGESTIONS, config=config)
    return set_suggestions(nlp, True)


def prior_base(table: dict, folder: Path, base: str | None = None, precision=None) -> str:
    """``prior_pipeline`` saved to ``folder``: the ``--base`` the simulated team's updates start from;
    with ``precision`` (``training/prior_precision.PriorPrecision``) saved beside its config, where the
    refits find the prior's rows (``prior_precision.beside``)."""
    from annotator.training.prior_precision import PRECISION_FILE

    prior_pipeline(table, base).to_disk(folder)
    if precision is not None:
        precision.save(folder / PRECISION_FILE)
    return str(folder)
