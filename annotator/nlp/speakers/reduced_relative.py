"""``Local traders worried about the toll say they …``, ``Porters hired in the spring complain that …``:
the parser reads the participle of a reduced relative in the subject's phrase as the main verb and
hangs the real one on it as ``dep``, with no subject; the participle's subject, whose phrase ends
right before it, is the cue verb's. The last of the cue rules."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import has_clause_subject
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The participle's tags (a past form the tagger may read as either, or a present participle).
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "VBG"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    subject = reduced_relative_subject(cue.root)
    return scan.mention(subject) if subject is not None else None


def reduced_relative_subject(verb: Token) -> Token | None:
    """The subject of the participle a subjectless ``dep`` verb hangs from, when that subject's phrase
    ends right before the participle."""
    participle = verb.head
    if verb.dep_ != "dep" or participle.i > verb.i or participle.tag_ not in _PARTICIPLE_TAGS \
            or has_clause_subject(verb):
        return None
    subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
    return subject if subject is not None and subject.right_edge.i + 1 == participle.i else None
