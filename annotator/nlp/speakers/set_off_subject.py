"""``The levy, local growers say, is unfair.``: an attribution set off by commas inside a sentence
whose subject the parser misreads (hung on the word before the opening comma as an apposition or a
conjunct, read as an adjective: ``many argue``), so the verb has no subject of its own, or the
sentence's subject before the opening comma: the words between that comma and the verb say it.
Before ``cue_subject``, which would name the sentence's subject."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import word_after
from annotator.nlp.lexicon import CLAUSE_SUBJECT_DEPS, TENSED_VERB_TAGS, Lexicon
from annotator.nlp.name_words import bare_share
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The most words between the opening comma and the verb.
MAX_WORDS = 8


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    return set_off_phrase(cue.root, scan.lexicon)


def set_off_phrase(verb: Token, lexicon: Lexicon) -> Span | None:
    """The words between the opening comma of a set-off attribution and its speech or cognition verb, when the
    parse gives the verb no subject after that comma, they name someone and hold no verb, and a
    comma right after the verb goes on with the sentence."""
    if verb.pos_ != "VERB" or verb.tag_ not in TENSED_VERB_TAGS or lexicon.lemma_of(verb) is None:
        return None
    comma = _opening_comma(verb)
    if comma is None or any(c.dep_ in CLAUSE_SUBJECT_DEPS and c.i > comma for c in verb.children):
        return None
    doc = verb.doc
    phrase = doc[comma + 1:verb.i]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in phrase) or not any(_names_someone(t) for t in phrase):
        return None
    after = word_after(doc, verb.i)
    if after >= len(doc) or doc[after].text != "," or word_after(doc, after) >= verb.sent.end - 1:
        return None
    return phrase


def _opening_comma(verb: Token) -> int | None:
    """The comma (or dash) a few words before the verb, with words of its sentence before it."""
    doc, start = verb.doc, verb.sent.start
    for i in range(verb.i - 1, max(start, verb.i - MAX_WORDS - 1), -1):
        if doc[i].text in (",", "—", "–"):
            return i if i > start and i < verb.i - 1 else None
    return None


def _names_someone(token: Token) -> bool:
    """A noun, a name or a pronoun, or a share of a group the tagger reads as an adjective or a
    determiner (``many argue``: ``name_words.bare_share``)."""
    return token.pos_ in ("NOUN", "PROPN", "PRON") or bare_share(token)
