"""Keys per article to gold for ``bench/corpus.py``: the pre-labels' own (``measure.keys``' costs), and
beside them the keys with the suggestions on the screen, a perfect ranking of the same candidates and
the suggestions' right-rate by source and length band."""

from __future__ import annotations

from collections import Counter

from annotator.core.records import Suggestion, Task
from annotator.measure.keys import (KEY_COSTS, SUGGESTION_COSTS, fix_keys, keys_to_gold, keys_with_suggestions,
                                    perfect_ranking_keys, suggestion_fixes)
from annotator.nlp.suggest import BANDS, band


def print_keys(gold: list[Task], predicted: list[Task]) -> None:
    """Mean and median keys per article, without and with the extent fixes."""
    by_text = {p.text: p for p in predicted}
    per_doc = [keys_to_gold(g, by_text.get(g.text) or Task(text=g.text)) for g in gold]
    if not per_doc:
        return
    plain = sorted(fix_keys(fixes) for fixes in per_doc)
    whole = sorted(fix_keys(fixes, extent=True) for fixes in per_doc)
    total = sum(per_doc, Counter())
    share = KEY_COSTS["add"] * total["add"] / max(sum(plain), 1)
    print(f"keys per article to gold (add {KEY_COSTS['add']}, delete {KEY_COSTS['delete']}, speaker "
          f"{KEY_COSTS['speaker']}): mean {sum(plain) / len(plain):.1f}, median {plain[len(plain) // 2]} "
          f"(target <= 70); {share:.0%} of them adding missed quotes. Fixes per article: "
          + ", ".join(f"{k} {total[k] / len(per_doc):.1f}" for k in KEY_COSTS)
          + f"; with extent fixes ({KEY_COSTS['extent']}): mean {sum(whole) / len(whole):.1f}, "
          f"median {whole[len(whole) // 2]}")
    print_suggestion_keys(gold, [by_text.get(g.text) or Task(text=g.text) for g in gold], per_doc)


def kind_of(suggestion: Suggestion) -> str:
    """A suggestion's source and the band of its content's length (``scores.BANDS``)."""
    return f"{suggestion.source} {BANDS[band(len(suggestion.quote.text.split()))]}"


def print_suggestion_keys(gold: list[Task], predicted: list[Task], per_doc: list[Counter]) -> None:
    """Beside the pre-labels' keys: the suggestions per article, how many were right (taken), and the
    keys per article when the annotator visits every suggestion and takes the right ones; per source."""
    suggested = [suggestion_fixes(g, p, kind_of) for g, p in zip(gold, predicted, strict=True)]
    total = sum(suggested, Counter())
    if not total["visit"]:
        print("suggestions: none")
        return
    keys = sorted(keys_with_suggestions(fixes, s) for fixes, s in zip(per_doc, suggested, strict=True))
    n = len(gold)
    taken = total["take"] + total["replace"]
    ranked = sorted(perfect_ranking_keys(fixes, s) for fixes, s in zip(per_doc, suggested, strict=True))
    print(f"suggestions: {total['visit'] / n:.1f} per article, right {taken / total['visit']:.3f} "
          f"({taken / n:.1f} taken per article, {total['replace'] / n:.2f} of them another extent; their speaker "
          f"fixed {total['speaker'] / n:.1f}); keys per "
          f"article with suggestions (visit {SUGGESTION_COSTS['visit']}, take {SUGGESTION_COSTS['take']}): mean "
          f"{sum(keys) / n:.1f}, median {keys[n // 2]}; ranked perfectly (the right ones pre-labels, no wrong "
          f"one shown): mean {sum(ranked) / n:.1f}, median {ranked[n // 2]}")
    sources = sorted({k[2:] for k in total if k.startswith("n:")})
    print("suggestions by source and words (per article, right-rate): " + "; ".join(
        f"{src} {total[f'n:{src}'] / n:.2f}, {total[f'right:{src}'] / total[f'n:{src}']:.3f}" for src in sources))
