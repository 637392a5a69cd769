"""The promotion model scores the sources of ``promote_sources`` too: a source the show model does not
know keeps the rate table's shown score and is promoted by the promotion model (session 46; our own
sentences)."""

from __future__ import annotations

import pytest

from annotator.core.records import SAID_BY
from annotator.nlp.convert import doc_to_task, suggestions_in
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import Suggester
from annotator.nlp.suggest.scorer import SuggestionScorer, shipped_table
from annotator.nlp.suggest.scores import SCORES

#: A commitment with an infinitive and a speaker (a ``frame:infinitive`` candidate).
PLAN = "Councillor Imani Boateng tries to widen the ferry lanes before the summer festival."


def test_the_table_reads_and_writes_the_sources_the_promotion_model_scores():
    table = {"sources": ["frame:clause"], "weights": {"bias": 1.0}, "promote_weights": {"bias": 2.0},
             "promote_sources": ["frame:clause", "rule:partisan-noun"]}
    scorer = SuggestionScorer.from_table(table)
    assert scorer.promotes_source("rule:partisan-noun") and not scorer.knows("rule:partisan-noun")
    assert scorer.promotes_source("frame:clause") and not scorer.promotes_source("frame:object")
    assert scorer.to_table()["promote_sources"] == ["frame:clause", "rule:partisan-noun"]
    assert SuggestionScorer.from_table(scorer.to_table()) == scorer
    plain = SuggestionScorer.from_table({k: v for k, v in table.items() if k != "promote_sources"})
    assert plain.promotes_source("frame:clause") and not plain.promotes_source("rule:partisan-noun")
    assert "promote_sources" not in plain.to_table()
    with pytest.raises(ValueError, match="promote_sources"):
        SuggestionScorer.from_table({**table, "promote_sources": "rule:partisan-noun"})


def test_the_shipped_promotion_model_weighs_each_source_it_alone_scores():
    table = shipped_table()
    promoted = table.get("promote_sources", table["sources"])  # (none given: the show model's sources)
    assert set(table["sources"]) <= set(promoted) <= set(SCORES)
    for source in set(promoted) - set(table["sources"]):
        assert f"source={source}" in table["promote_weights"], source


def suggester(nlp_model, promote_sources, choice: dict[str, float] | None = None) -> Suggester:
    """A scorer that knows only ``frame:clause`` for showing and is sure of every promotable proposal of
    ``promote_sources`` (None: its ``sources``); ``choice``: a kept choice model."""
    scorer = SuggestionScorer({"bias": 3.0}, frozenset({"frame:clause"}), {"bias": 4.0}, choice or {},
                              0.2 if choice else None,
                              promote_sources=None if promote_sources is None else frozenset(promote_sources))
    return Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, scorer=scorer, scorer_min_score=0.2,
                     promote_min_score=0.9)


def run(nlp_model, every: Suggester):
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):  # the shipped scorer would promote it first
        doc = nlp_model(PLAN)
    doc = every(doc)
    task = doc_to_task(doc)
    promoted = [(q.text, q.id_) for q in doc.spans["quotes"] if q.text.startswith("to widen")]
    said = [task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY
            and task.span_text(r.head_span).startswith("to widen")]
    shown = [s.score for s in suggestions_in(doc) if PLAN[s.quote_start:s.quote_end].startswith("to widen")]
    return promoted, said, shown


@pytest.mark.model
@pytest.mark.parametrize("choice", [None, {"bias": 3.0}])
def test_a_source_only_the_promotion_model_scores_is_promoted_with_its_speaker(nlp_model, choice):
    promoted, said, shown = run(nlp_model, suggester(nlp_model, ("frame:clause", "frame:infinitive"), choice))
    assert promoted == [("to widen the ferry lanes before the summer festival", "promoted:frame:infinitive")]
    assert said == ["Imani Boateng"] and shown == []


@pytest.mark.model
def test_without_it_in_promote_sources_it_stays_shown_with_the_tables_score(nlp_model):
    promoted, said, shown = run(nlp_model, suggester(nlp_model, None))
    assert promoted == [] and said == []
    assert shown == [SCORES["frame:infinitive"][2]]  # 9 words: the last band
