"""``Republican pollster Daron Shaw: "…"``, ``She addressed the crowd again: "…"``: a quote the quote
rules found without a cue, right after a colon, is handed the word by the sentence before the
colon (a short name, else the last person it names, else its subject; a description only as the
subject of a short clause: ``The mayor was blunt: "…"``)."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Span

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.speakers import headline
from annotator.nlp.speakers.scan import SpeakerScan
from annotator.nlp.name_words import THIRD_PERSON_PRONOUNS


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    speakers = {}
    for index, quote in scan.without_cue(found):
        colon = colon_before(quote)
        if colon is None:
            continue
        speaker = headline.find(scan, colon, quote)
        if speaker is not None and scan.acceptable(speaker, quote) \
                and (names_someone(speaker) or short_clause(headline.words_before(scan, colon))):
            speakers[index] = speaker
    return speakers


def short_clause(words: Span) -> bool:
    """The words before the colon are a short clause whose subject hands over the word (``The mayor
    was blunt:``): its subject speaks though it is no name."""
    return len(words) <= headline.HEADLINE_NAME_TOKENS and headline.introducing_clause(words)


def colon_before(quote: Span) -> Span | None:
    """The colon right before the quote's opening mark (``: "…``), in the same paragraph."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and (doc[i].text in QUOTE_MARK_TOKENS or doc[i].is_space and "\n" not in doc[i].text):
        i -= 1
    return doc[i:i + 1] if i >= 0 and doc[i].text == ":" else None


def names_someone(speaker: Span) -> bool:
    """A name or a personal pronoun, not a label (``Update:``, ``The bottom line:``)."""
    return any(t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN" or t.lower_ in THIRD_PERSON_PRONOUNS
               for t in speaker)
