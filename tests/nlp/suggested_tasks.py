"""Pre-labeled tasks with suggestions at a chosen score, written by hand for the ``--order uncertain`` tests."""

from __future__ import annotations

from annotator.core.records import QUOTE, Suggestion, Task
from tests.formats.records_by_hand import make_task

#: two attributions by cue words no speech-verb list holds, so only the suggestions tell of them
TWO_HUNCHES = ("The ferry captain reckoned the storm would pass by noon. "
               "Several harbour workers grumbled that the pier needed repairs.")


def suggested(text: str, offers: list[tuple[str, str, str, float | None]]) -> Task:
    """``text`` with no pre-labels and one suggestion per (quote, cue, speaker, score)."""
    specs = [spec for quote, cue, speaker, _ in offers
             for spec in ((f"{QUOTE}:indirect", quote), ("CUE", cue), ("SPEAKER", speaker))]
    spans = make_task(text, specs).spans
    offered = [Suggestion(spans[3 * i], spans[3 * i + 1], spans[3 * i + 2], score, "rule:test")
               for i, (_, _, _, score) in enumerate(offers)]
    bare = make_task(text)
    return Task(text=text, tokens=bare.tokens, suggestions=offered, meta=bare.meta)


#: the same shape in other words
OTHER_HUNCHES = ("The gallery owner reckoned the paintings would sell by spring. "
                 "Several local artists grumbled that the rent was too high.")


def hunches(score: float | None) -> Task:
    """``TWO_HUNCHES`` with both attributions suggested at ``score``."""
    return suggested(TWO_HUNCHES, [("the storm would pass by noon", "reckoned", "The ferry captain", score),
                                   ("the pier needed repairs", "grumbled", "Several harbour workers", score)])


def other_hunches(score: float | None) -> Task:
    """``OTHER_HUNCHES`` with both attributions suggested at ``score``."""
    return suggested(OTHER_HUNCHES, [("the paintings would sell by spring", "reckoned", "The gallery owner", score),
                                     ("the rent was too high", "grumbled", "Several local artists", score)])
