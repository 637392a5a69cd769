"""``The board rejected the plan, a decision its chair, Mira Oduya, said would cost the port dearly.``:
a contact (or ``which``) clause whose speaker is named in an apposition set off by commas. The parser
then makes the cue the sentence's head and the main clause its complement before it; the words
before the speaker are no report of the speaker's. As for a contact clause the parser reads well
(``relative_piece``), the noun the clause hangs on (or its ``which``) is a piece of the report."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import word_after, word_before
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

#: The words a noun phrase's left part may hold (``its chair``, ``a costly decision``).
PHRASE_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod"})


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


def _name_before(doc, comma: int) -> int | None:
    """The first word of the name (proper nouns only) that ends right before ``comma``."""
    i = word_before(doc, comma)
    if i < 0 or doc[i].pos_ != "PROPN":
        return None
    while i > 0 and doc[i - 1].pos_ == "PROPN":
        i -= 1
    return i


def contact_piece(scan: QuoteScan, verb: Token, speaker: Token) -> FoundQuote | None:
    """The noun phrase (``a decision``) or ``which`` right before the speaker's noun phrase
    (``speaker``, as ``set_off_speaker`` found it), with ``verb`` as cue."""
    doc = verb.doc
    before = word_before(doc, _phrase_start(speaker))
    if before < 0 or scan.quoted(doc[before].idx):
        return None
    if doc[before].tag_ == "WDT":
        return FoundQuote(doc[before:before + 1], "indirect", doc[verb.i:verb.i + 1])
    if doc[before].pos_ != "NOUN":
        return None
    return FoundQuote(doc[_phrase_start(doc[before]):before + 1], "indirect", doc[verb.i:verb.i + 1])


def _phrase_start(noun: Token) -> int:
    """Where the noun phrase ending at ``noun`` starts: back over its determiner, possessive,
    adjectives and compounds."""
    doc, i = noun.doc, noun.i
    while i > noun.sent.start and doc[i - 1].dep_ in PHRASE_DEPS and i - 1 < doc[i - 1].head.i <= noun.i:
        i -= 1
    return i
