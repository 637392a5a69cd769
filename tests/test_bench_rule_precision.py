"""``bench/rule_precision.py``: each pre-label against gold (right, a speaker to fix, wrong and where it
stands), and the script skips without the corpus; sentences of our own."""

from __future__ import annotations

import sys
from collections import Counter

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from rule_precision import keys_of, outcomes  # bench/rule_precision.py

TEXT = ("The pier is expected to reopen in June. The harbour master said the tides were calm.\n"
        "Ortiz said the fares would rise. The ferry was delayed by the storm, the captain said.\n"
        "Boats were late again.")


def task(*attributions: tuple[str, str, str | None]) -> Task:
    """A task of ``TEXT`` with each (content, cue, speaker or None) as a quote with its CUE and SAID_BY."""
    def at(words: str, label: str) -> Span:
        first = TEXT.index(words)
        return Span(first, first + len(words), 0, 0, label, text=words, quote_type="indirect" if label == QUOTE else None)

    spans: list[Span] = []
    relations: list[Relation] = []
    for content, cue, speaker in attributions:
        said = at(content, QUOTE)
        linked = [(at(cue, CUE), CUE_REL)] + ([(at(speaker, SPEAKER), SAID_BY)] if speaker else [])
        spans += [said, *(child for child, _ in linked)]
        relations += [Relation(said, child, label) for child, label in linked]
    return Task(text=TEXT, spans=spans, relations=relations)


def test_each_pre_label_is_right_a_speaker_fix_or_wrong_and_where_a_wrong_one_stands():
    gold = task(("to reopen in June", "expected", None),
                ("the tides were calm", "said", "The harbour master"),
                ("the fares would rise", "said", "Ortiz"),
                ("The ferry was delayed by the storm", "said", "the captain"))
    predicted = task(("to reopen in June", "expected", "The pier"),  # gold has no source
                     ("the tides were calm", "said", "The harbour master"),  # right
                     ("the fares would rise", "said", None),  # no speaker
                     ("The ferry was delayed", "said", "the captain"),  # right
                     ("by the storm, the captain said", "said", "the captain"),  # a second one over that gold
                     ("Boats were late again", "said", "the captain"))  # nothing in gold near
    found = {q.text: (outcome, place) for q, outcome, place in outcomes(gold, predicted)}
    assert found == {
        "to reopen in June": ("speaker where gold has none", ""),
        "the tides were calm": ("right", ""),
        "the fares would rise": ("speaker missing", ""),
        "The ferry was delayed": ("right", ""),
        "by the storm, the captain said": ("wrong", "over gold another found"),
        "Boats were late again": ("wrong", "no gold in paragraph"),
    }


def test_a_rules_keys_are_its_deletes_and_speaker_fixes():
    row = Counter({"wrong": 2, "speaker where gold has none": 1, "speaker missing": 1, "speaker wrong": 1})
    assert keys_of(row) == 3 * 3 + 2 * 5


def test_rule_precision_skips_without_the_corpus(tmp_path):
    bench_scripts.assert_skips_without_corpus("rule_precision.py", tmp_path)
