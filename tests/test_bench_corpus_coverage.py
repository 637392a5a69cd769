"""``bench/corpus.py --coverage`` (``bench/corpus_coverage.py``): where a missed gold attribution stands
against the suggestions, and the parse shape of the ones no candidate covers; sentences of our own."""

from __future__ import annotations

import sys

import pytest

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from corpus_coverage import PLACES, attribution_shape, coverage_places, extent_kind, gold_shapes  # bench/corpus_coverage.py

TEXT = ("The union said the mill would close. The mayor praised the budget. "
        "The council doubts the figures. Farmers fear a drought.")


def span(text: str, label: str, start_at: int = 0) -> Span:
    start = TEXT.index(text, start_at)
    return Span(start, start + len(text), 0, 0, label, text=text, quote_type="indirect" if label == QUOTE else None)


def attribution(content: str, cue: str, speaker: str) -> tuple[Span, list[Relation]]:
    quote = span(content, QUOTE)
    return quote, [Relation(quote, span(cue, CUE), CUE_REL), Relation(quote, span(speaker, SPEAKER), SAID_BY)]


def gold_task() -> Task:
    quotes, relations = [], []
    for content, cue, speaker in (("the mill would close", "said", "The union"), ("the budget", "praised", "The mayor"),
                                  ("the figures", "doubts", "The council"), ("a drought", "fear", "Farmers")):
        quote, rels = attribution(content, cue, speaker)
        quotes.append(quote)
        relations += rels
    return Task(text=TEXT, spans=quotes + [r.child_span for r in relations], relations=relations)


def test_each_missed_attribution_stands_in_the_first_place_that_holds_it():
    gold = gold_task()
    # the first found as pre-labeled; the second suggested; the third only a hidden candidate's;
    # the fourth under a shown suggestion of another extent
    pred = Task(text=TEXT, spans=[span("the mill would close", QUOTE)],
                suggestions=[Suggestion(span("the budget", QUOTE), source="rule:free-object"),
                             Suggestion(span("Farmers fear a drought.", QUOTE), source="frame:clause")])
    figures = span("the figures", QUOTE)
    places = coverage_places(gold, pred, [(figures.start, figures.end, "rule:free-object")])
    assert places == {span("the budget", QUOTE).key: (PLACES[1], "rule:free-object"),
                      figures.key: (PLACES[2], "rule:free-object"),
                      span("a drought", QUOTE).key: (PLACES[3], "")}
    # without any suggestion or candidate, none is covered
    bare = coverage_places(gold, Task(text=TEXT, spans=[span("the mill would close", QUOTE)]), [])
    assert set(bare.values()) == {(PLACES[-1], "")}


def test_a_pre_label_of_another_extent_is_told_by_how_it_differs():
    gold = gold_task()
    said, mill = span("said", CUE), span("The union said the mill would close. The mayor praised", QUOTE)
    # the whole sentence pre-labeled with the gold cue inside it; then the same words with that cue
    whole = Task(text=TEXT, spans=[mill])
    assert extent_kind(gold, whole, span("the mill would close", QUOTE), [mill]) == "holds it, gold's cue inside it"
    cued = Task(text=TEXT, spans=[mill, said], relations=[Relation(mill, said, CUE_REL)])
    assert extent_kind(gold, cued, span("the mill would close", QUOTE), [mill]) == "holds it, same cue"
    close = span("close", QUOTE)
    assert extent_kind(gold, Task(text=TEXT, spans=[close]), span("the mill would close", QUOTE), [close]) \
        == "inside it, no cue"
    places = coverage_places(gold, Task(text=TEXT, spans=[close]), [])
    assert places[span("the mill would close", QUOTE).key] == (PLACES[0], "inside it, no cue")


@pytest.mark.model
def test_the_shape_names_how_the_content_hangs_from_its_cue(nlp_model):
    doc = nlp_model("The senator said that the bridge would close. The plan was criticized by the union. "
                    "The board complained about the delays.")
    text = doc.text

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    assert attribution_shape(doc, at("the bridge would close"), at("said")) == \
        "content ccomp of the cue; cue VERB; content head VERB"
    assert attribution_shape(doc, at("The plan"), at("was criticized")) == \
        "content nsubjpass of the cue; cue VERB passive; content head NOUN"
    assert attribution_shape(doc, at("the delays"), at("complained about")) == \
        "content pobj of the cue (about); cue VERB; content head NOUN"
    gold = Task(text=text, spans=[], relations=[])
    assert gold_shapes(doc, gold) == {}


@pytest.mark.model
def test_bench_corpus_prints_the_coverage_of_a_brat_corpus(tmp_path):
    from tests.formats.test_brat_import import TEXT as BRAT_TEXT, attribution_ann

    bench_scripts.write_brat_train(tmp_path, {"budget": (BRAT_TEXT, attribution_ann(BRAT_TEXT))})

    result = bench_scripts.run_bench("corpus.py", str(tmp_path), "--coverage", "--speed-docs", "0")

    assert result.returncode == 0, result.stderr
    assert "missed gold attributions (a quote with a source no pre-label pairs with)" in result.stdout
    assert all(place in result.stdout for place in PLACES)
