"""How often a team annotated each (frame, cue word) candidate as an attribution: counts by key,
and a rate smoothed from the most specific key towards the frame's own rate, so a word seen once
counts for little and a word never seen gets its frame's rate."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from annotator.core.errors import UserError
from annotator.nlp.frames.candidates import Candidate

#: The counts file's name inside the component's folder of a saved pipeline.
COUNTS_FILE = "counts.json"
FORMAT = "annotator-frame-counts"
#: How many candidates' worth of weight the broader key's rate has against a key's own counts.
PRIOR_WEIGHT = 2.0


def keys_of(candidate: Candidate) -> tuple[str, str, str]:
    """The keys a candidate is counted under, broadest first: its frame; the frame and cue word; and
    those with where the cue stands."""
    frame = candidate.frame
    return frame, f"{frame}|{candidate.word}", f"{frame}|{candidate.word}|{candidate.place}"


@dataclass
class FrameCounts:
    """key → [times annotated as an attribution, times proposed]."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, candidate: Candidate, positive: bool) -> None:
        for key in keys_of(candidate):
            seen = self.counts.setdefault(key, [0, 0])
            seen[0] += int(positive)
            seen[1] += 1

    def update(self, labelled: Iterable[tuple[Candidate, bool]]) -> FrameCounts:
        for candidate, positive in labelled:
            self.add(candidate, positive)
        return self

    def remove(self, labelled: Iterable[tuple[Candidate, bool]]) -> FrameCounts:
        """Take these candidates' counts out again (the counts without some documents)."""
        for candidate, positive in labelled:
            for key in keys_of(candidate):
                seen = self.counts[key]
                seen[0] -= int(positive)
                seen[1] -= 1
                if not seen[1]:
                    del self.counts[key]
        return self

    def rate(self, candidate: Candidate) -> float:
        """The smoothed share of such candidates annotated as attributions (0 for a frame never seen)."""
        rate = 0.0
        for level, key in enumerate(keys_of(candidate)):
            positive, seen = self.counts.get(key, (0, 0))
            if level == 0:
                if not seen:
                    return 0.0
                rate = (positive + 0.5) / (seen + 1)
            else:
                rate = (positive + PRIOR_WEIGHT * rate) / (seen + PRIOR_WEIGHT)
        return rate

    def word_counts(self, candidate: Candidate) -> tuple[int, int]:
        """(times annotated, times proposed) of the candidate's frame and cue word; (0, 0) if never seen."""
        positive, seen = self.counts.get(keys_of(candidate)[1], (0, 0))
        return positive, seen

    def __len__(self) -> int:
        return len(self.counts)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "counts": self.counts}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, name: str = COUNTS_FILE) -> FrameCounts:
        """Counts written by ``to_json``; anything else is a ``UserError`` naming ``name``."""
        try:
            data = json.loads(text)
        except ValueError as err:
            raise FrameCountsError(f"{name}: not the frame counts 'annotator train' writes (line {err.lineno}: "
                                   f"{err.msg})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("counts"), dict):
            raise FrameCountsError(f"{name}: not the frame counts 'annotator train' writes (no '{FORMAT}' format "
                                   "with its counts)")
        counts = {}
        for key, value in data["counts"].items():
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and v >= 0 for v in value)
                    and value[0] <= value[1]):
                raise FrameCountsError(f"{name}: the counts of {key!r} are not [annotated, proposed] "
                                       f"whole numbers: {value!r}")
            counts[key] = list(value)
        return cls(counts)

    @classmethod
    def read(cls, path: Path) -> FrameCounts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise FrameCountsError(f"{path}: cannot read the frame counts ({err})") from None
        return cls.from_json(text, str(path))


class FrameCountsError(UserError, ValueError):
    """A counts file that is not ours (a ``ValueError`` too, so loading a pipeline reports it as such)."""
