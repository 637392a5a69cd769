"""What bringing a pre-labeled document to gold costs an annotator, in keys (issue 17's estimate):
the fixes counted as the scorer pairs quotes, each at its cost in the annotate screen."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Mapping, Sequence

from annotator.core.records import QUOTE, Span, Suggestion, Task
from annotator.core.suggestion_edits import with_extent
from annotator.measure.evaluation import Attribution, match_quotes_with_pieces, same_speaker, speakers_of

#: Estimated keys for one fix in the annotate screen (issue 17): add a missed quote with its
#: speaker, delete an invented one, add or fix a speaker, fix a quote's extent.
KEY_COSTS = {"add": 8, "delete": 3, "speaker": 5, "extent": 5}


def keys_to_gold(gold: Task, pred: Task) -> Counter:
    """The fixes an annotator makes to turn ``pred`` into ``gold``, counted by kind (as the scorer
    pairs quotes): a gold quote not found is added (with its speaker), a quote that found none is
    deleted, a found quote whose speaker is missing or wrong gets one, a speaker where gold has
    none is deleted, and a found quote whose boundaries differ is fixed (``extent``)."""
    g_quotes = _gold_quotes(gold)
    p_quotes = [s for s in pred.spans if s.label == QUOTE]
    pairs, pieces = match_quotes_with_pieces(gold.text, g_quotes, p_quotes)
    found, right = {g.key for g, _ in pairs}, {p.key for _, p in pairs} | set(pieces)
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    fixes: Counter = Counter(add=sum(1 for q in g_quotes if q.key not in found),
                             delete=sum(1 for q in p_quotes if q.key not in right))
    for g, p in pairs:
        _fix_found(fixes, g, p, g_attr, p_attr.get(p.key))
    return fixes


def _gold_quotes(gold: Task) -> list[Span]:
    """Gold's QUOTE spans an annotator must have (those marked optional left out)."""
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    return [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) not in optional]


def _fix_found(fixes: Counter, g: Span, quote: Span, g_attr: dict, said: list | None) -> None:
    """The fixes of a found quote ``quote`` (gold ``g``) whose speakers are ``said`` (None: none):
    a speaker missing or wrong, a speaker where gold has none, its boundaries."""
    gold_has_speaker = g.key in g_attr
    fix = speaker_fix(gold_has_speaker, gold_has_speaker and bool(said) and same_speaker(g_attr[g.key], said),
                      bool(said))
    if fix is not None:
        fixes[fix] += 1
    if (g.start, g.end) != (quote.start, quote.end):
        fixes["extent"] += 1


def speaker_fix(gold_has_speaker: bool, speaker_right: bool, has_speaker: bool) -> str | None:
    """The fix a found quote's speaker needs: ``speaker`` when gold has one and the quote's is missing
    or wrong, ``delete`` when gold has none and the quote has one; else None."""
    if gold_has_speaker and not speaker_right:
        return "speaker"
    if not gold_has_speaker and has_speaker:
        return "delete"
    return None


def mean_keys(gold: Sequence[Task], predicted: Sequence[Task], *, extent: bool = False) -> float:
    """Mean keys per document to bring ``predicted`` (matched to ``gold`` by text) to gold; extent
    fixes are left out unless ``extent``."""
    by_text = {p.text: p for p in predicted}
    total = 0
    for task in gold:
        fixes = keys_to_gold(task, by_text.get(task.text) or Task(text=task.text))
        total += fix_keys(fixes, extent=extent)
    return total / max(len(gold), 1)


def fix_keys(fixes: Mapping[str, int], *, extent: bool = False) -> int:
    """The keys the ``fixes`` (``keys_to_gold``'s counts by kind) cost at ``KEY_COSTS``; extent fixes
    are left out unless ``extent``."""
    return sum(KEY_COSTS[kind] * fixes.get(kind, 0) for kind in KEY_COSTS if extent or kind != "extent")


# -- suggestions ---------------------------------------------------------------------------------

#: Keys for a suggestion (issue 17, INCEpTION's recommendations): every suggestion is reached with
#: one key (``visit``), a right one is taken with one more (``take``); a wrong one is left alone.
SUGGESTION_COSTS = {"visit": 1, "take": 1}


def suggestion_fixes(gold: Task, pred: Task, kind: Callable[[Suggestion], str] | None = None) -> Counter:
    """What the annotator does with ``pred``'s suggestions: visits every one; takes each that the
    scorer pairs with a gold quote the pre-labels did not find (``right``: an attribution no longer
    added by hand), then fixes its speaker (``speaker``; ``delete`` when gold has none) and its
    extent as for a pre-label. Counted by kind, and per source (or per ``kind(suggestion)``) as
    ``n:KIND`` / ``right:KIND``. Another extent for a pre-labeled quote (``replaces``) is taken
    (``replace``) when, with it, that quote pairs with a gold quote no pre-label found and the keys
    to gold fall: the fixes it saves are ``saved:KIND``, those it brings are counted by kind; the
    suggestions of quotes of their own are then paired with what is still missed."""
    kind = kind or _source
    suggestions = pred.suggestions
    out: Counter = Counter(visit=len(suggestions))
    if not suggestions:
        return out
    if any(s.replaces is not None for s in suggestions):
        pred = _take_extents(gold, pred, out, kind)
        suggestions = [s for s in suggestions if s.replaces is None]
    g_quotes = _gold_quotes(gold)
    pairs, _ = match_quotes_with_pieces(gold.text, g_quotes, [s for s in pred.spans if s.label == QUOTE])
    found = {g.key for g, _ in pairs}
    missed = [q for q in g_quotes if q.key not in found]
    by_key = {s.quote.key: s for s in suggestions}
    taken, _ = match_quotes_with_pieces(gold.text, missed, [s.quote for s in suggestions])
    g_attr = speakers_of(gold)
    for suggestion in suggestions:
        out[f"n:{kind(suggestion)}"] += 1
    for g, quote in taken:
        suggestion = by_key[quote.key]
        out["take"] += 1
        out[f"right:{kind(suggestion)}"] += 1
        speaker = suggestion.speaker
        said = [Attribution(speaker, pred.span_text(speaker), pred.span_text(speaker))] if speaker else None
        _fix_found(out, g, quote, g_attr, said)
    return out


def _source(suggestion: Suggestion) -> str:
    return suggestion.source or "?"


def _take_extents(gold: Task, pred: Task, out: Counter, kind: Callable[[Suggestion], str]) -> Task:
    """``pred`` after the annotator took, for each pre-labeled quote, the offered extent that saves
    the most keys among the right ones (``suggestion_fixes``), each counted in ``out``."""
    before = keys_to_gold(gold, pred)
    by_quote: dict[Span, list[Suggestion]] = {}
    for suggestion in pred.suggestions:
        if suggestion.replaces is not None:
            out[f"n:{kind(suggestion)}"] += 1
            by_quote.setdefault(suggestion.replaces, []).append(suggestion)
    for old, offered in by_quote.items():
        if old not in pred.spans:
            continue
        best, best_cost, best_fixes = None, fix_keys(before) - SUGGESTION_COSTS["take"], before
        for suggestion in offered:
            after = _with_quote(pred, old, suggestion.quote)
            fixes = keys_to_gold(gold, after)
            if _pairs_a_missed_quote(gold, pred, after, suggestion.quote) and fix_keys(fixes) < best_cost:
                best, best_cost, best_fixes = (suggestion, after), fix_keys(fixes), fixes
        if best is None:
            continue
        out["replace"] += 1
        out[f"right:{kind(best[0])}"] += 1
        for fix in KEY_COSTS:
            change = best_fixes[fix] - before[fix]
            out[fix if change > 0 else f"saved:{fix}"] += abs(change)
        pred, before = best[1], best_fixes
    return pred


def _with_quote(pred: Task, old: Span, quote: Span) -> Task:
    spans, relations = with_extent(pred.spans, pred.relations, old, quote.replace(quote_type=old.quote_type))
    return Task(text=pred.text, tokens=pred.tokens, spans=spans, relations=relations)


def _pairs_a_missed_quote(gold: Task, pred: Task, after: Task, quote: Span) -> bool:
    """Whether ``quote`` in ``after`` pairs with a gold quote that no quote of ``pred`` paired with."""
    g_quotes = _gold_quotes(gold)
    found = {g.key for g, _ in match_quotes_with_pieces(gold.text, g_quotes, [s for s in pred.spans
                                                                              if s.label == QUOTE])[0]}
    pairs, _ = match_quotes_with_pieces(gold.text, g_quotes, [s for s in after.spans if s.label == QUOTE])
    return any(p.key == quote.key and g.key not in found for g, p in pairs)


def keys_with_suggestions(fixes: Counter, suggested: Counter, *, extent: bool = False) -> int:
    """Keys to gold when the pre-labels' ``fixes`` (``keys_to_gold``) come with ``suggested``
    (``suggestion_fixes``): each taken suggestion is an attribution not added by hand, and costs
    its visit, its take and its own fixes instead; a taken extent saves the fixes ``saved:KIND`` and
    brings its own; every other suggestion costs its visit."""
    return (perfect_ranking_keys(fixes, suggested, extent=extent) + SUGGESTION_COSTS["visit"] * suggested["visit"]
            + SUGGESTION_COSTS["take"] * (suggested["take"] + suggested["replace"]))


def perfect_ranking_keys(fixes: Counter, suggested: Counter, *, extent: bool = False) -> int:
    """Keys to gold had a perfect ranker sorted the same candidates: every suggestion that is right
    (``suggestion_fixes``' takes and replaces) a pre-label, with its own fixes, and no wrong one shown:
    ``keys_with_suggestions`` without the visits and the takes, how far better scoring alone could go."""
    plain = {kind: fixes[kind] - suggested[f"saved:{kind}"] for kind in KEY_COSTS}
    plain["add"] -= suggested["take"]
    own = ("add", "speaker", "delete") + (("extent",) if extent else ())
    return fix_keys(plain, extent=extent) + sum(KEY_COSTS[kind] * suggested[kind] for kind in own)


def document_keys(gold: Task, predicted: Task) -> tuple[int, int]:
    """The keys to bring ``predicted`` to ``gold``: plain (extents not counted), and with suggestions
    (``keys_with_suggestions``), from one count of the fixes."""
    fixes = keys_to_gold(gold, predicted)
    return fix_keys(fixes), keys_with_suggestions(fixes, suggestion_fixes(gold, predicted))
