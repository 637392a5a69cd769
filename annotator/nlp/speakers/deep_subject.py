"""``The mayor kept the levy low and won praise from farmers by promising …``: when no other cue rule
answers, the subject the cue verb shares further up its chain (``subject_of`` climbing up to
``CLIMB`` clauses past the usual two: a participle after ``by`` under a conjunct, a complement of a
complement) is the speaker, the last resort of the cue rules."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.mentions import subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: How many clauses up the chain the subject is looked for.
CLIMB = 4


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB or cue.root.pos_ != "VERB":
        return None
    subject = subject_of(cue.root, scan.lexicon, climb=CLIMB)
    return scan.mention(subject) if subject is not None and could_speak(subject) else None
