"""Who said each quote: the subject of its cue, the speaker after the closing mark or after an
inverted ``said``, the name before a headline colon, the interviewee of a ``Q:``/``A:`` transcript,
the X of ``according to X``; an unattributed quote paragraph continuing an attributed one shares
its speaker.

One module per pattern; ``component`` runs them in order over a ``SpeakerScan`` of the document
(the first answer wins) and writes ``doc.spans["speakers"]`` and ``SAID_BY`` relations (quote →
speaker); ``mentions`` reads a speaker's whole mention off the parse.
"""

from annotator.nlp.speakers.by_cue import CUE_RULES, speaker_for_cue
from annotator.nlp.speakers.component import RULES, SpeakerFinder, SpeakerRule, make_speaker_finder
from annotator.nlp.speakers.mentions import noun_phrase, subject_of
from annotator.nlp.speakers.scan import SpeakerScan

__all__ = [
    "CUE_RULES", "RULES", "SpeakerFinder", "SpeakerRule", "SpeakerScan", "make_speaker_finder", "noun_phrase",
    "speaker_for_cue", "subject_of",
]
