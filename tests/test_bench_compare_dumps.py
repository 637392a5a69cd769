"""``bench/compare_dumps.py``: the paired difference of keys per article between two pre-labelings of
the same articles, its bootstrap interval, the articles better / worse / unchanged and the fixes that
moved; two dumps that cannot be compared are refused with exit 2. Sentences of our own."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task, Token
from annotator.measure.keys import KEY_COSTS, SUGGESTION_COSTS
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from compare_dumps import compare, main  # bench/compare_dumps.py

PLACES = ("Lisbon", "Oslo", "Quito", "Perth", "Tunis", "Hanoi", "Lima", "Riga", "Accra", "Bern", "Cairo", "Dakar")


def text_of(place: str) -> str:
    return (f"The ferry to {place} was late again. The harbour master said the tides were calm.\n"
            f"Ortiz warned the fares would rise. The captain blamed the storm, the crew said.")


def tokens_of(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), i, text[m.end():m.end() + 1].isspace())
            for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))]


def at(text: str, words: str, label: str) -> Span:
    first = text.index(words)
    starts = {t.start: t.id for t in tokens_of(text)}
    ends = {t.end: t.id for t in tokens_of(text)}
    return Span(first, first + len(words), starts[first], ends[first + len(words)], label, text=words,
                quote_type="indirect" if label == QUOTE else None)


def task(text: str, *attributions: tuple[str, str, str], suggested: tuple[str, str] | None = None) -> Task:
    """A task of ``text`` with each (content, cue, speaker) as a quote with its CUE and SAID_BY, and
    ``suggested`` (content, speaker) as a suggestion."""
    spans: list[Span] = []
    relations: list[Relation] = []
    for content, cue, speaker in attributions:
        said, cue_span, speaker_span = at(text, content, QUOTE), at(text, cue, CUE), at(text, speaker, SPEAKER)
        spans += [said, cue_span, speaker_span]
        relations += [Relation(said, cue_span, CUE_REL), Relation(said, speaker_span, SAID_BY)]
    suggestions = []
    if suggested:
        suggestions.append(Suggestion(at(text, suggested[0], QUOTE), speaker=at(text, suggested[1], SPEAKER),
                                      score=0.4, source="frame:test"))
    return Task(text=text, tokens=tokens_of(text), spans=spans, relations=relations, suggestions=suggestions)


TIDES = ("the tides were calm", "said", "The harbour master")
FARES = ("the fares would rise", "warned", "Ortiz")
INVENTED = ("The ferry to", "late", "The ferry")


def gold_of(place: str) -> Task:
    return task(text_of(place), TIDES, FARES)


def test_identical_pre_labels_differ_by_nothing_and_the_interval_holds_zero():
    gold = [gold_of(place) for place in PLACES]
    predicted = [task(text_of(place), *((TIDES,) if i % 3 else (TIDES, FARES))) for i, place in enumerate(PLACES)]
    result = compare(gold, predicted, list(predicted), resamples=500)
    for paired in result["measures"].values():
        assert paired.diff == 0 and paired.low <= 0 <= paired.high
        assert (paired.better, paired.worse, paired.unchanged) == (0, 0, len(PLACES))
    assert all(a == b for a, b in result["fixes"].values())


def test_adding_a_missed_quote_to_every_article_is_told_from_noise():
    gold = [gold_of(place) for place in PLACES]
    # A's articles differ among themselves (some invent a quote), B is A with the missed quote added.
    extra = [(INVENTED,) if i % 2 else () for i in range(len(PLACES))]
    before = [task(text_of(place), TIDES, *more) for place, more in zip(PLACES, extra, strict=True)]
    after = [task(text_of(place), TIDES, FARES, *more) for place, more in zip(PLACES, extra, strict=True)]
    result = compare(gold, before, after, resamples=500)
    plain = result["measures"]["plain"]
    assert plain.diff == -KEY_COSTS["add"]
    assert plain.high < 0 and plain.better == len(PLACES)
    assert result["fixes"]["add"] == (len(PLACES), 0)


def test_the_counts_on_three_articles_one_better_one_worse_one_unchanged():
    gold = [gold_of(place) for place in PLACES[:3]]
    first, second, third = (text_of(place) for place in PLACES[:3])
    before = [task(first, TIDES), task(second, TIDES, FARES), task(third, TIDES)]
    after = [task(first, TIDES, FARES),  # the missed quote found: better
             task(second, TIDES, FARES, INVENTED),  # a quote invented: worse
             task(third, TIDES, suggested=("the fares would rise", "Ortiz"))]  # a right suggestion taken
    result = compare(gold, before, after, resamples=200)
    plain, with_suggestions = result["measures"]["plain"], result["measures"]["with suggestions"]
    assert (plain.better, plain.worse, plain.unchanged) == (1, 1, 1)
    assert plain.mean_a == 2 * KEY_COSTS["add"] / 3
    assert plain.diff == (-KEY_COSTS["add"] + KEY_COSTS["delete"]) / 3
    taken = SUGGESTION_COSTS["visit"] + SUGGESTION_COSTS["take"]
    assert with_suggestions.diff == (-KEY_COSTS["add"] + KEY_COSTS["delete"] - KEY_COSTS["add"] + taken) / 3
    assert (with_suggestions.better, with_suggestions.worse, with_suggestions.unchanged) == (2, 1, 0)
    assert result["fixes"] == {"add": (2, 1), "delete": (0, 1), "speaker": (0, 0), "extent": (0, 0),
                               "visit": (0, 1), "taken": (0, 1)}


def write_dump(folder: Path, gold: list[Task], predicted: list[Task]) -> Path:
    folder.mkdir(parents=True)
    for name, tasks in (("gold.jsonl", gold), ("predicted.jsonl", predicted)):
        (folder / name).write_text("".join(json.dumps(t.to_dict()) + "\n" for t in tasks), encoding="utf-8")
    return folder


def test_the_command_prints_both_measures_and_refuses_dumps_it_cannot_compare(tmp_path, capsys):
    gold = [gold_of(place) for place in PLACES[:4]]
    before = [task(g.text, TIDES) for g in gold]
    a = write_dump(tmp_path / "a", gold, before)
    b = write_dump(tmp_path / "b", gold, [task(g.text, TIDES, FARES) for g in gold])
    assert main([str(a), str(b), "--resamples", "100"]) == 0
    out = capsys.readouterr().out
    assert "keys plain: A 8.000, B 0.000; B - A -8.000" in out and "keys with suggestions" in out

    (b / "predicted.jsonl").unlink()
    assert main([str(a), str(b)]) == 2
    assert str(b / "predicted.jsonl") in capsys.readouterr().err

    other = write_dump(tmp_path / "other", gold[:3], before[:3])
    assert main([str(a), str(other)]) == 2
    err = capsys.readouterr().err
    assert str(other / "gold.jsonl") in err and "1 only in A" in err

    regold = write_dump(tmp_path / "regold", [task(g.text, TIDES) for g in gold], before)
    assert main([str(a), str(regold)]) == 2
    assert "4 articles have other gold" in capsys.readouterr().err

    lacking = write_dump(tmp_path / "lacking", gold, before[:3])
    assert main([str(lacking), str(a)]) == 2
    assert str(lacking / "predicted.jsonl") in capsys.readouterr().err


def test_dumps_whose_gold_differs_are_scored_against_the_gold_asked_for(tmp_path, capsys):
    """Our marks code reads the gold too: ``--gold`` scores both pre-labelings against one dump's gold."""
    gold = [gold_of(place) for place in PLACES[:4]]
    before = [task(g.text, TIDES) for g in gold]
    a = write_dump(tmp_path / "a", gold, before)
    regold = write_dump(tmp_path / "regold", [task(g.text, TIDES) for g in gold], before)
    assert main([str(a), str(regold), "--resamples", "100", "--gold", "both"]) == 0
    out = capsys.readouterr().out
    against_a, against_b = out.split("against B's gold")
    assert "against A's gold (4 articles with other gold in B)" in against_a
    assert "keys plain: A 8.000, B 8.000; B - A +0.000" in against_a
    assert "keys plain: A 0.000, B 0.000; B - A +0.000" in against_b
    assert main([str(a), str(regold), "--resamples", "100", "--gold", "b"]) == 0
    out = capsys.readouterr().out
    assert "against B's gold" in out and "against A's gold" not in out and "A 0.000, B 0.000" in out
    other = write_dump(tmp_path / "other", gold[:3], before[:3])
    assert main([str(a), str(other), "--gold", "a"]) == 2
    assert "1 only in A" in capsys.readouterr().err
