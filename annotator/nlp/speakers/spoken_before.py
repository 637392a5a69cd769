"""``Lee spoke only in vague terms.`` then ``"We have to act now."``: a direct quote the quote rules
found without a cue, opening a sentence right after one whose main verb says that someone spoke and
reports nothing of its own (no clause, no quote taking it as its cue), is the words of that verb's
subject; the sentence may close the paragraph before (``He told reporters.`` / ``"…"``)."""

from __future__ import annotations

from functools import partial
from typing import Mapping

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import word_before_marks
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.speakers.governing_verb import subjects_of_verbs
from annotator.nlp.speakers.scan import SpeakerScan

#: A verb with one of these reports something of its own (``said that …``, ``urged them to …``).
_REPORTING_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "neg"})


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    cues = frozenset(cue.root.i for cue in scan.cues.values())
    return subjects_of_verbs(scan, found, partial(speaking_verb_before, cues=cues))


def speaking_verb_before(scan: SpeakerScan, quote: Span, *, cues: frozenset[int] = frozenset()) -> Token | None:
    """The main verb of the sentence that ends right before a direct quote's opening mark (spaces and
    a paragraph break between them allowed), when it is a speech verb that reports nothing itself and
    is no other quote's cue (``cues``: their root tokens); of a mixed quote of lead-in words and one
    quoted passage, the sentence before the passage's mark (``SpeakerScan.quoted_part``)."""
    part = scan.quoted_part(quote)
    if part is None:
        return None
    quote = part
    doc = quote.doc
    i = word_before_marks(doc, quote.start)
    if i < 1 or i == quote.start - 1 or doc[i].text != "." or doc[quote.start - 1].text not in QUOTE_MARK_TOKENS:
        return None
    verb = doc[i].sent.root
    if verb.pos_ != "VERB" or verb.i in cues or scan.quoted(verb) or scan.lexicon.lemma_of(verb) not in scan.lexicon.speech \
            or any(c.dep_ in _REPORTING_DEPS for c in verb.children):
        return None
    return verb
