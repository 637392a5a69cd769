"""``…, a decision its chair, Mira Oduya, said was overdue.``: a contact (or ``which``) clause whose
speaker is a noun with a name set off by commas after it. The parser often hangs the noun the clause
is on (``a decision``) on the cue as its subject, the speaker's words as its appositions; the speaker is
the noun's phrase through the name (``its chair, Mira Oduya``), as news attribution corpora mark an
apposition. ``quotes/contact_apposition.py`` reads the same shape for the report's pieces."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_words import word_after, word_before
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The words a noun phrase's left part may hold (``its chair``, ``a costly decision``).
PHRASE_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    return set_off_name(cue.root)


def set_off_name(verb: Token) -> Span | None:
    """The speaker's phrase (``its chair, Mira Oduya``) of a contact or ``which`` clause whose cue is
    ``verb``: ``set_off_speaker``'s noun with a noun or ``which`` right before its phrase."""
    noun = set_off_speaker(verb)
    if noun is None or piece_before(noun) is None:
        return None
    return verb.doc[phrase_start(noun):word_before(verb.doc, verb.i)]


def acl_subject(verb: Token) -> Token | None:
    """The speaker's noun (``chair``) when the parser makes the verb an ``acl`` of the noun the clause
    hangs on (``a decision its chair, Mira Oduya, said was overdue``: ``said`` on ``decision``, the
    speaker's words its appositions): the verb's subject (``mentions.subject_of``), so the clause after
    it is reported as in the parse ``quotes/contact_apposition.py`` reads."""
    if verb.dep_ != "acl" or verb.head.i > verb.i:
        return None
    noun = set_off_speaker(verb)
    return noun if noun is not None and piece_before(noun) == verb.head.i else None


def piece_before(noun: Token) -> int | None:
    """The word right before the speaker's noun phrase (``noun``, as ``set_off_speaker`` found it) when
    it is a noun or a ``which``: the end of the report's piece the clause hangs on (None: neither)."""
    doc = noun.doc
    before = word_before(doc, phrase_start(noun))
    return before if before >= 0 and (doc[before].pos_ == "NOUN" or doc[before].tag_ == "WDT") else None


def set_off_speaker(verb: Token) -> Token | None:
    """The noun the verb's speaker is an apposition of (``its chair`` of ``its chair, Mira Oduya,
    said would …``): a comma right before the verb, another before the speaker's name, a noun
    before that comma, and the reported clause right after the verb (no comma, no ``that``)."""
    doc = verb.doc
    comma = word_before(doc, verb.i)
    after = word_after(doc, verb.i)
    if comma < 0 or doc[comma].text != "," or after >= len(doc) or doc[after].is_punct or doc[after].lower_ == "that":
        return None
    name = _name_before(doc, comma)
    if name is None:
        return None
    opening = word_before(doc, name)
    noun = word_before(doc, opening) if opening >= 0 and doc[opening].text == "," else -1
    return doc[noun] if noun >= 0 and doc[noun].pos_ == "NOUN" else None


def _name_before(doc: Doc, comma: int) -> int | None:
    """The first word of the name (proper nouns only) that ends right before ``comma``."""
    i = word_before(doc, comma)
    if i < 0 or doc[i].pos_ != "PROPN":
        return None
    while i > 0 and doc[i - 1].pos_ == "PROPN":
        i -= 1
    return i


def phrase_start(noun: Token) -> int:
    """Where the noun phrase ending at ``noun`` starts: back over its determiner, possessive,
    adjectives and compounds."""
    doc, i = noun.doc, noun.i
    while i > noun.sent.start and doc[i - 1].dep_ in PHRASE_DEPS and i - 1 < doc[i - 1].head.i <= noun.i:
        i -= 1
    return i
