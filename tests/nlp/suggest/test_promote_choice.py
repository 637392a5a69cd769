"""A show model refitted alone keeps the promotion as it was: the proposals promoted are those the
kept choice model (``SuggestionScorer.choice_weights``) chooses, the others are shown as the new
show model chooses them (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.convert import suggestions_in
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import Suggester
from annotator.nlp.suggest.scorer import SuggestionScorer

pytestmark = pytest.mark.model

#: A commitment with an infinitive the rules leave out (a frame:infinitive candidate).
PLAN = "Councillor Imani Boateng tries to widen the ferry lanes before the summer festival."


def suggester(nlp_model, show: float, choice: float | None) -> Suggester:
    """Every proposal of ``frame:infinitive`` scored by ``show`` (its bias), right with its speaker
    surely, and chosen for promotion by ``choice`` (None: no kept choice model)."""
    kept = {} if choice is None else {"bias": choice}
    scorer = SuggestionScorer({"bias": show}, frozenset({"frame:infinitive"}), {"bias": 4.0}, kept,
                              None if choice is None else 0.2)
    return Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, scorer=scorer, scorer_min_score=0.2,
                     promote_min_score=0.9)


def run(nlp_model, every: Suggester):
    doc = nlp_model(PLAN)
    doc._.suggestions = None
    doc = every(doc)
    promoted = [q.text for q in doc.spans["quotes"] if q.text.startswith("to widen")]
    shown = [s for s in suggestions_in(doc) if PLAN[s.quote_start:s.quote_end].startswith("to widen")]
    return promoted, shown


def test_the_kept_choice_model_promotes_what_the_new_show_model_would_hide(nlp_model):
    promoted, shown = run(nlp_model, suggester(nlp_model, show=-3.0, choice=3.0))
    assert promoted == ["to widen the ferry lanes before the summer festival"] and shown == []


def test_without_a_kept_choice_model_the_show_model_chooses_what_is_promoted(nlp_model):
    promoted, shown = run(nlp_model, suggester(nlp_model, show=-3.0, choice=None))
    assert promoted == [] and shown == []


def test_what_the_kept_choice_model_leaves_out_is_shown_by_the_new_show_model(nlp_model):
    promoted, shown = run(nlp_model, suggester(nlp_model, show=3.0, choice=-3.0))
    assert promoted == []
    assert len(shown) == 1 and shown[0].score == pytest.approx(0.953, abs=1e-3)


def test_the_table_keeps_its_choice_model():
    table = {"sources": ["frame:clause"], "weights": {"bias": 1.0}, "promote_weights": {"bias": 2.0},
             "promote_choice": {"weights": [["bias", -1.0]], "min_score": 0.2}}
    scorer = SuggestionScorer.from_table(table)
    assert scorer.choice_weights == {"bias": -1.0} and scorer.choice_min_score == 0.2
    assert scorer.choice_logit([{"bias": 1.0}]) == -1.0 and scorer.logit([{"bias": 1.0}]) == 1.0
    assert SuggestionScorer.from_table(scorer.to_table()) == scorer
    plain = SuggestionScorer.from_table({k: v for k, v in table.items() if k != "promote_choice"})
    assert plain.choice_logit([{"bias": 1.0}]) == 1.0 and "promote_choice" not in plain.to_table()
    with pytest.raises(ValueError, match="promote_choice"):
        SuggestionScorer.from_table({**table, "promote_choice": {"weights": 3}})
    with pytest.raises(ValueError, match="min_score"):  # a choice model without its threshold chooses nothing
        SuggestionScorer.from_table({**table, "promote_choice": {"weights": [["bias", -1.0]]}})
