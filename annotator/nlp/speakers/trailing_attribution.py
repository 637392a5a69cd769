"""``"…," Bennett shot back.``, ``"…!" beamed a delegate``: a quote the quote rules found without a
cue, followed after its closing mark by an attribution clause whose verb is not a listed cue; the
verb's subject (or the name right after it) spoke, but not a relative ``which``/``that`` (``"…,"
which vote in June``: a clause said of the quote's words)."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Doc, Span, Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, SENTENCE_END
from annotator.nlp.speakers.by_cue import VERB_RULES, speaker_from_rules
from annotator.nlp.speakers.description_after_mark import description
from annotator.nlp.speakers.scan import SpeakerScan

#: How many tokens after the closing mark the attribution verb may come.
MAX_DISTANCE = 8
#: How the tagger reads the verb after a name it took for a verb (``Varn shot back``: ``shot`` a noun).
MISREAD_VERB_POS = frozenset({"VERB", "NOUN", "ADV", "AUX"})
#: What may stand between the quote's last word and its closing mark.
_BEFORE_MARK = frozenset({",", ".", "!", "?", "—", "–", "-", "…", "..."})


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    speakers = {}
    for index, quote in scan.without_cue(found):
        speaker = trailing_speaker(scan, quote)
        if speaker is not None:
            speakers[index] = speaker
    return speakers


def trailing_speaker(scan: SpeakerScan, quote: Span) -> Span | None:
    doc = quote.doc
    mark = closing_mark(doc, quote)
    if mark is None:
        return None
    closed = any(doc[i].text == "." for i in range(quote.end, mark))
    name = misread_name(doc, mark) if not closed else None
    if name is not None:
        return name
    verb = governing_verb_after(quote, mark) if not closed else None
    if verb is None:
        verb = attribution_verb(scan, doc, mark, closed_sentence=closed)
    if verb is None:
        return None
    speaker = speaker_from_rules(scan, doc[verb.i:verb.i + 1], quote, VERB_RULES)
    if speaker is None or speaker.start <= mark or speaker.start > verb.i + MAX_DISTANCE:
        return None  # a subject before the quote belongs to another clause
    if speaker.root.tag_ == "WDT":
        return None  # ('"…," which vote in June': a relative clause on the quote's words, no attribution)
    return speaker


def misread_name(doc: Doc, mark: int) -> Span | None:
    """``"…," Varn shot back.``: a capitalised word right after the closing mark of a quote that goes
    on (a comma before the mark) is a name even when the tagger reads an unknown name as a verb or an
    auxiliary (the verb after it then as a noun); with a lower-case word of the attribution after it,
    it is the speaker (with the capitalised words after it: ``Varn Ekel``)."""
    first = mark + 1
    if first >= len(doc) or doc[first].pos_ not in ("VERB", "AUX") or not _capitalised(doc[first]):
        return None
    end = first + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
        end += 1
    after = doc[end] if end < len(doc) else None
    if after is None or not after.is_alpha or not after.is_lower or after.pos_ not in MISREAD_VERB_POS:
        return None
    return doc[first:end]


def _capitalised(token: Token) -> bool:
    """``Varn``: a capital, then lower-case letters (not ``I``, not ``US``)."""
    return token.is_title and token.is_alpha and len(token) > 1


def governing_verb_after(quote: Span, mark: int) -> Token | None:
    """The verb after the closing mark that the quote's words hang from, however long the
    apposition before it (``"…," Ada Pike, a retired teacher from Dayton who chairs the board, said``)."""
    head = quote.root.head
    if head.i <= mark or head.pos_ != "VERB" or head.sent.start > quote.root.i:
        return None
    if any(t.text in QUOTE_MARK_TOKENS or "\n" in t.text for t in quote.doc[mark + 1:head.i]):
        return None
    return head


def closing_mark(doc: Doc, quote: Span) -> int | None:
    """The index of the quote's closing mark, when only punctuation stands between them."""
    i = quote.end
    while i < len(doc) and doc[i].text in _BEFORE_MARK:
        i += 1
    return i if i < len(doc) and doc[i].text in QUOTE_MARK_TOKENS else None


def attribution_verb(scan: SpeakerScan, doc: Doc, mark: int, closed_sentence: bool) -> Token | None:
    """The first verb after the closing mark, in the same sentence and paragraph. After a quote that
    ends its sentence (``"…." Trump said.``) only a cue verb with no clause of its own counts: any
    other verb starts a sentence of the writer's."""
    for i in range(mark + 1, min(len(doc), mark + 1 + MAX_DISTANCE)):
        token = doc[i]
        if token.text in QUOTE_MARK_TOKENS or token.text in SENTENCE_END or "\n" in token.text:
            return None
        if token.pos_ == "VERB" and not token.tag_ == "VBN":
            if closed_sentence and (scan.lexicon.lemma_of(token) is None
                                    or any(c.dep_ in ("ccomp", "xcomp") for c in token.children)):
                return None
            return token
    return None


def described_after_mark(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    """``"…," a voice-over in the video states``: the quotes found without a cue whose closing mark is
    followed by a description and a speech verb (which the parser may read as a plural noun)."""
    speakers = {}
    doc = scan.doc
    for index, quote in scan.without_cue(found):
        mark = closing_mark(doc, quote)
        if mark is None:
            continue
        for i in range(mark + 2, min(len(doc), mark + 2 + MAX_DISTANCE)):
            speaker = description(doc, mark + 1, i) if doc[i].pos_ in ("VERB", "NOUN") \
                and scan.lexicon.has_speech_lemma(doc[i]) else None
            if speaker is not None:
                speakers[index] = speaker
                break
    return speakers
