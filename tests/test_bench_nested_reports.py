"""``bench/nested_reports.py`` and ``bench/nested_cuts.py``: a missed gold attribution under a pre-label
with another cue, classed by the path from gold's cue to ours and what opens gold's report; sentences of
our own."""

from __future__ import annotations

import sys

import pytest

from annotator.core.records import QUOTE, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from nested_cuts import clause_verbs, missed_gold, pairs_any, piece_of  # bench/nested_cuts.py
from nested_reports import cue_head, opener, path_up  # bench/nested_reports.py


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.model
def test_a_report_nested_in_the_reported_clause_hangs_on_our_cue_by_ccomp(nlp_model):
    doc = nlp_model("The minister said the opposition claims the count was rigged.")
    assert path_up(_token(doc, "claims"), _token(doc, "said")) == "ccomp"


@pytest.mark.model
def test_a_second_report_after_and_opens_with_the_conjunction(nlp_model):
    doc = nlp_model("The mayor said the bridge was safe and the engineers warned that it was not.")
    warned = _token(doc, "warned")
    assert path_up(warned, _token(doc, "said")) == "conj<ccomp"
    # the two words before the second report's first word: a function word as it is, else its part of speech
    assert opener(doc, warned.left_edge.i, _token(doc, "said").i + 1) == "ADJ and"
    assert opener(doc, _token(doc, "said").i + 1, _token(doc, "said").i + 1) == "at our start"


@pytest.mark.model
def test_a_clause_of_its_own_inside_a_report_and_its_reported_words(nlp_model):
    doc = nlp_model("The mayor said the bridge was safe and the engineers warned that it was not.")
    quote = doc[_token(doc, "said").i + 1:len(doc) - 1]
    cue = doc[_token(doc, "said").i:_token(doc, "said").i + 1]
    verbs = clause_verbs(quote, cue)
    assert [v.text for v in verbs] == ["warned"]
    assert piece_of(verbs[0]).text == "it was not"
    assert cue_head(cue).text == "said"


def test_a_gold_quote_a_pre_label_pairs_with_is_not_missed():
    text = "Lee said the levy would pass and Kim said it would fail."
    first, second = (text.index("the levy would pass"), text.index(" and")), (text.index("it would"), len(text) - 1)
    gold = Task(text=text, spans=[Span(*first, 0, 0, QUOTE), Span(*second, 0, 0, QUOTE)])
    predicted = Task(text=text, spans=[Span(first[0], first[1], 0, 0, QUOTE)])
    missed = missed_gold(gold, {text: predicted})
    assert [(q.start, q.end) for q in missed] == [second]
    assert pairs_any(second, missed) and not pairs_any(first, missed)


def test_the_script_skips_without_the_corpus(tmp_path):
    bench_scripts.assert_skips_without_corpus("nested_reports.py", tmp_path, "--parse-cache", str(tmp_path / "pc"))
