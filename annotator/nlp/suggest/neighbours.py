"""What a proposal's neighbours among all of one Doc's proposals say of it (``neighbour_features``):
features of the learned scorer (``scorer.py``) that read the other candidates, not the parse."""

from __future__ import annotations

import math

from typing import TYPE_CHECKING, Sequence

from annotator.nlp.suggest.scorer_features import Features

if TYPE_CHECKING:
    from annotator.nlp.suggest.propose import Proposal


def neighbour_features(places: list[tuple[int, int, int | None]]) -> list[Features]:
    """What each proposal's neighbours among all of one Doc's proposals say of it, by its place:
    ``places`` holds each proposal's content (token start and end) and its cue's start (None without
    a cue); out: for each, how many others propose the same content (``log-same-span``), overlap it
    (``log-overlapping``), share its cue (``log-same-cue``), and whether a longer one holds it
    (``inside-other``) or it holds a shorter one (``contains-other``). Counts of shapes, never words:
    a content that several sources reach, or one that another candidate cuts otherwise, is right at
    other rates."""
    spans: dict[tuple[int, int], int] = {}
    cues: dict[int, int] = {}
    for start, end, cue in places:
        spans[(start, end)] = spans.get((start, end), 0) + 1
        if cue is not None:
            cues[cue] = cues.get(cue, 0) + 1
    ordered = sorted(spans)
    # the furthest end of the spans up to each one: the earlier spans are searched back only while
    # one of them can still reach past ``start`` (without this, every pair was compared)
    reach, furthest = [], -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)
    facts: dict[tuple[int, int], tuple[int, bool, bool]] = {}
    for i, (start, end) in enumerate(ordered):
        overlapping, inside, contains = spans[(start, end)] - 1, False, False
        for j in range(i - 1, -1, -1):  # (earlier starts: any may reach past ``start``)
            if reach[j] <= start:
                break
            s, e = ordered[j]
            if e > start:
                overlapping += spans[(s, e)]
                inside = inside or e >= end
                contains = contains or (s == start and e < end)
        for s, e in ordered[i + 1:]:
            if s >= end:
                break
            overlapping += spans[(s, e)]
            contains = contains or e <= end
            inside = inside or (s == start and e > end)
        facts[(start, end)] = (overlapping, inside, contains)
    out = []
    for start, end, cue in places:
        overlapping, inside, contains = facts[(start, end)]
        out.append({"log-same-span": math.log1p(spans[(start, end)] - 1), "log-overlapping": math.log1p(overlapping),
                    "log-same-cue": math.log1p(cues[cue] - 1) if cue is not None else 0.0,
                    "inside-other": float(inside), "contains-other": float(contains)})
    return out


def proposal_neighbours(found: Sequence[Proposal]) -> list[Features]:
    """``neighbour_features`` of one Doc's proposals, in their order: each read by its content and its
    cue's start (the suggestions component, the team's refit and the shipped fit's gathering read them so)."""
    return neighbour_features([(p.span.start, p.span.end, p.cue.start if p.cue is not None else None) for p in found])
