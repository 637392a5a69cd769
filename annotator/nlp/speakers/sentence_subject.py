"""``Ms. Pike forwarded a note that quoted the line "…"``, ``Lee backs "fair wages" and opposes
"…"``, ``The pastor told the crowd he had prayed on it. "I sensed an answer."``: a direct quote no
other rule gave a speaker is the words of the subject of its sentence's main verb outside the
quote, or, when the quote opens its sentence, of the sentence just before it in its paragraph,
when the quote is a clause (no scare quote, no title) and that subject names a source (a mixed
quote of lead-in words and one quoted passage is read by the passage: ``SpeakerScan.quoted_part``; a last
resort: in news a direct quote is nearly always someone's, and a wrong speaker costs an annotator
no more than a missing one)."""

from __future__ import annotations

from typing import Callable, Mapping

from spacy.tokens import Span, Token

from annotator.nlp.speakers.cue_subject import subject_outside_marks
from annotator.nlp.lexicon import title_case
from annotator.nlp.name_words import PERSON_NOUNS, PERSON_SUBJECT_PRONOUNS, REPORTING_THINGS
from annotator.nlp.speakers.scan import SpeakerScan


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    return _speakers(scan, found, _main_subject)


def find_in_own_sentence(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    """``find`` for the direct quotes that do not open their sentence (``At one point a man yelled
    "…"``): the subject of their own sentence's main verb, before the quote, speaks; asked before a
    quote in the same paragraph hands its speaker on (``continuation``)."""
    return _speakers(scan, found, _own_subject)


def _speakers(scan: SpeakerScan, found: Mapping[int, Span],
              subject_for: Callable[[SpeakerScan, Span, Span], Token | None]) -> dict[int, Span]:
    """The speakers of the quotes no rule answered (not in ``found``) whose quoted part is a clause:
    the one ``subject_for(scan, quoted part, whole quote)`` gives, when it or its owner can speak."""
    speakers = {}
    for index, whole in enumerate(scan.quotes):
        quote = scan.quoted_part(whole) if index not in found else None
        if quote is None or not _a_clause(quote):
            continue
        subject = subject_for(scan, quote, whole)
        speaker = _speaker_of(scan, subject) if subject is not None else None
        if speaker is not None and scan.acceptable(speaker, whole):
            speakers[index] = speaker
    return speakers


def _main_subject(scan: SpeakerScan, quote: Span, whole: Span) -> Token | None:
    """The subject, outside the quote, of the main verb of its sentence or of the one before it."""
    verb = _main_verb(scan, quote)
    subject = subject_outside_marks(scan, verb) if verb is not None else None
    return None if subject is None or whole.start <= subject.i < whole.end else subject


def _own_subject(scan: SpeakerScan, quote: Span, whole: Span) -> Token | None:
    """The subject of the quote's own sentence's main verb, both before the quote."""
    root = quote.doc[quote.start].sent.root
    if root.i >= whole.start or root.pos_ not in ("VERB", "AUX") or scan.quoted(root):
        return None
    subject = subject_outside_marks(scan, root)
    return None if subject is None or subject.i >= whole.start or subject.i < root.sent.start else subject


def _speaker_of(scan: SpeakerScan, subject: Token) -> Span | None:
    """The subject when it names someone or is a text that reports (``The ad ran on Sunday. "…"``:
    ``REPORTING_THINGS``); else the one who owns it, when that one is someone (``Lee's motto was, "…"``:
    the motto is Lee's words)."""
    if _someone(subject) or subject.pos_ == "NOUN" and subject.lemma_.lower() in REPORTING_THINGS:
        return scan.mention(subject)
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return scan.mention(owner) if owner is not None and _someone(owner) else None


def _a_clause(quote: Span) -> bool:
    """Words with a verb of their own, no title (``"Make Mexico Great Again"``): a scare quote
    (``slammed the plan as "reckless"``) or a work's name is nobody's words."""
    return not title_case(quote) and any(t.pos_ in ("VERB", "AUX") for t in quote)


def _main_verb(scan: SpeakerScan, quote: Span) -> Token | None:
    """The main verb of the quote's sentence when it stands outside the quote, else that of the
    sentence before it in the same paragraph."""
    doc = quote.doc
    sent = doc[quote.start].sent
    root = sent.root
    if not (quote.start <= root.i < quote.end) and root.pos_ in ("VERB", "AUX") and not scan.quoted(root):
        return root
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    root = before.root
    if root.idx < scan.paragraph(quote.start_char)[0] or root.pos_ not in ("VERB", "AUX") or scan.quoted(root):
        return None
    return root


def _someone(root: Token) -> bool:
    """A name, a personal pronoun or a listed word for a person (``the pastor``); a last resort asks
    no more (``The weather in Denver turned cold.`` names nobody)."""
    return root.ent_type_ in ("PERSON", "ORG", "NORP") or root.pos_ == "PROPN" or root.lower_ in PERSON_SUBJECT_PRONOUNS \
        or root.pos_ == "NOUN" and (root.lower_ in PERSON_NOUNS or root.lemma_.lower() in PERSON_NOUNS)
