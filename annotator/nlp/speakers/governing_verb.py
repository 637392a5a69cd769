"""``Clinton cracked, "…"``, ``what Mr. Hedge called "the old model"``: a quote the quote rules found
without a cue whose words are the object of a verb before it, introduced by a comma or a colon,
named by a naming verb or the verb's own object or clause (``Mayor Ruiz welcomed "…"``), is that
verb's subject's, when the subject names a person or an organisation (a scare quote, ``slammed the
plan as "reckless"``, is left alone)."""

from __future__ import annotations

from typing import Callable, Mapping

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, title_case
from annotator.nlp.cue_words import NAMING_VERBS
from annotator.nlp.name_words import GOVERNING_SUBJECT_PRONOUNS, describes_person_word
from annotator.nlp.speakers import cue_subject, passive_agent
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan

_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd"})
#: How the parser hangs a quote on a verb's object it names or describes.
_ON_OBJECT_DEPS = frozenset({"appos", "oprd", "acl"})


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    return subjects_of_verbs(scan, found, governing_verb)


def subjects_of_verbs(scan: SpeakerScan, found: Mapping[int, Span],
                      verb_of: Callable[[SpeakerScan, Span], Token | None]) -> dict[int, Span]:
    """For each quote without a cue or speaker (not a title), the subject of the verb ``verb_of``
    finds for it, when that subject names a source."""
    speakers = {}
    for index, quote in scan.without_cue(found):
        if title_case(quote):  # a work's name or a slogan (``"Make Mexico Great Again"``), nobody's words
            continue
        verb = verb_of(scan, quote)
        if verb is None:
            continue
        speaker = speaker_from_rules(scan, quote.doc[verb.i:verb.i + 1], quote, (passive_agent.find, cue_subject.find))
        if speaker is not None and names_a_source(speaker):
            speakers[index] = speaker
    return speakers


def governing_verb(scan: SpeakerScan, quote: Span) -> Token | None:
    """The verb outside the quote its words hang from (through a preposition: ``thanked him for``)."""
    head = quote.root.head
    if head.i == quote.root.i or quote.start <= head.i < quote.end:
        return None
    if head.pos_ == "ADP":
        head = head.head
    elif quote.root.dep_ in _ON_OBJECT_DEPS and head.dep_ == "dobj" and head.head.i < head.i:
        head = head.head  # "is labeling the bill "a reckless grab"": the quote stands beside the object
    if head.pos_ != "VERB" or head.i > quote.start or scan.quoted(head) or head.lemma_ == "be" \
            or head.idx < scan.paragraph(quote.start_char)[0]:
        return None
    if not (introduced(quote) or head.lemma_.lower() in NAMING_VERBS or quote.root.dep_ in _OBJECT_DEPS):
        return None
    return head


def introduced(quote: Span) -> bool:
    """A comma or a colon right before the quote's opening mark (``cracked, "…``)."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and doc[i].text in QUOTE_MARK_TOKENS:
        i -= 1
    return i >= 0 and doc[i].text in (",", ":")


def names_a_source(speaker: Span) -> bool:
    root = speaker.root
    return root.ent_type_ in ("PERSON", "ORG", "NORP") or root.pos_ == "PROPN" or root.lower_ in GOVERNING_SUBJECT_PRONOUNS \
        or root.pos_ == "NOUN" and describes_person_word(root)
