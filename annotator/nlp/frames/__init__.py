"""Learned cue frames: which (cue word, frame) pairs beyond the rules' word lists a team annotates as
attributions. ``candidates`` proposes them from the parse with the rules' own extents, ``counts``
keeps how often each was annotated, and ``component`` (``annotator_frames``) adds the likely ones
after the rules' quotes."""

from annotator.nlp.frames.candidates import FRAME_NAMES, FRAMES, Candidate, candidates
from annotator.nlp.frames.component import AFTER, FRAMES_PIPE, FrameAdder, make_frame_adder
from annotator.nlp.frames.counts import FrameCounts, FrameCountsError

__all__ = ["AFTER", "FRAMES", "FRAMES_PIPE", "FRAME_NAMES", "Candidate", "FrameAdder", "FrameCounts",
           "FrameCountsError", "candidates", "make_frame_adder"]
