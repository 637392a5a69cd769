"""The ``annotator_frames`` component: after the rules' quotes, it adds the candidates (``candidates``)
whose (frame, cue word) this team annotates as attributions at least ``threshold`` of the time
(``counts``, learned by ``annotator train --design frames``), each with its cue and a ``CUE``
relation, so the speakers component reads the speaker off the cue as it does for the rules' quotes.
Of overlapping candidates the one with the higher rate wins; a rule quote always does."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.frames.candidates import FRAME_NAMES, FRAMES, Candidate, candidates, overlaps_any
from annotator.nlp.frames.counts import COUNTS_FILE, FrameCounts, FrameCountsError
from annotator.nlp.lexicon import Lexicon, shared_lexicon

FRAMES_PIPE = "annotator_frames"
#: Where the component runs: after the rules' quotes, before the speakers are read off the cues.
AFTER = "annotator_quotes"


@Language.factory(FRAMES_PIPE, assigns=["doc.spans", "doc._.relations"], requires=["doc.spans"],
                  default_config={"threshold": 0.5, "frames": list(FRAME_NAMES)})
def make_frame_adder(nlp: Language, name: str, threshold: float, frames: list[str]) -> FrameAdder:
    unknown = sorted(set(frames) - set(FRAME_NAMES))
    if unknown:
        raise ValueError(f"[components.{name}] frames: unknown {', '.join(unknown)} (known: {', '.join(FRAME_NAMES)})")
    return FrameAdder(threshold=threshold, frames=frames, lexicon=shared_lexicon(nlp))


class FrameAdder:
    """Adds the learned frames' quotes to ``doc.spans["quotes"]`` where the rules found none."""

    def __init__(self, *, threshold: float = 0.5, frames: Iterable[str] = FRAME_NAMES,
                 lexicon: Lexicon | None = None, counts: FrameCounts | None = None) -> None:
        self.threshold = threshold
        self.frames = tuple(frame for frame in FRAMES if frame.name in set(frames))
        self.lexicon = lexicon or Lexicon()
        self.counts = counts or FrameCounts()

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not self.counts.counts:
            return doc
        self.apply(doc, self.threshold)
        return doc

    def apply(self, doc: Doc, threshold: float) -> None:
        """Add the candidates rated at least ``threshold``."""
        add_quotes(doc, self.chosen(candidates(doc, self.lexicon, self.frames), threshold))

    def chosen(self, found: list[Candidate], threshold: float | None = None) -> list[Candidate]:
        """The candidates at or above the threshold, the higher rate first of overlapping ones."""
        threshold = self.threshold if threshold is None else threshold
        rated = sorted(((self.counts.rate(c), c) for c in found), key=lambda pair: (-pair[0], pair[1].chars))
        kept: list[Candidate] = []
        for rate, candidate in rated:
            if rate < threshold:
                break
            if not overlaps_any(*candidate.chars, [k.chars for k in kept]):
                kept.append(candidate)
        return kept

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / COUNTS_FILE).write_text(self.counts.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FrameAdder:
        file = Path(path) / COUNTS_FILE
        if not file.exists():
            raise FrameCountsError(f"{file}: missing (a saved '{FRAMES_PIPE}' keeps its counts there)")
        self.counts = FrameCounts.read(file)
        return self


def add_quotes(doc: Doc, chosen: list[Candidate]) -> None:
    """Add the candidates' quotes (with their types), their cues and ``CUE`` relations to the doc's groups."""
    if not chosen:
        return
    quotes: list[Span] = list(doc.spans["quotes"])
    cues = {(c.start, c.end): c for c in doc.spans["cues"]}
    for candidate in chosen:
        found = candidate.found
        found.span._.quote_type = found.quote_type
        quotes.append(found.span)
        cue = cues.setdefault((found.cue.start, found.cue.end), found.cue)
        add_relation(doc, found.span, QUOTE, cue, CUE, CUE_REL)
    doc.spans["quotes"] = sorted(quotes, key=lambda s: (s.start, s.end))
    doc.spans["cues"] = sorted(cues.values(), key=lambda s: (s.start, s.end))
