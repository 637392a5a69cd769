"""``"…," Mr. Okafor, a retired teacher who lives in Dayton, said``: when the parser loses the
subject in a long apposition, the first name between the closing mark and the verb spoke. For a
found quote (``for_found_quote``) whose closing mark is not that mark (a quote after its cue:
``…, telling the dockers, "…"``), a name after another quote's mark speaks only when the parse ties it
to the cue, as a word of the cue or of the verb the cue hangs on (``"…" Pike posted, quoting …``);
else it is any name in the sentence, or one of an earlier sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import doc_words
from annotator.nlp.lexicon import SENTENCE_END
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: How far back from the verb the closing mark may be, in tokens.
MAX_DISTANCE = 30


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    return named_after_mark(cue.root, scan.text)


def for_found_quote(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    """``find`` for a found quote (``by_cue.PRE_LABEL_RULES``): after another quote's mark than its
    own, only a name tied to the cue. The suggestions' proposals keep ``find``: their speakers feed
    their scores, measured with it."""
    if cue_kind(cue) != VERB:
        return None
    return named_after_mark(cue.root, scan.text, quote.end - 1 if quote is not None else 0)


def named_after_mark(verb: Token, text: str | None = None, own_mark: int = 0) -> Span | None:
    """The first name between the quote mark before ``verb`` and ``verb``, in one sentence; after a
    mark before ``own_mark`` (not the quote's own, which stands at its last word or after it), only
    a name that is a word of ``verb`` or of the verb ``verb`` hangs on."""
    doc = verb.doc
    marks = doc_words(doc).quote_mark  # (read off the Doc's arrays: no Token built)
    mark = next((i for i in range(verb.i - 1, max(-1, verb.i - MAX_DISTANCE), -1) if marks[i]), None)
    if mark is None:
        return None
    for i in range(mark + 1, verb.i):
        if doc[i].text in SENTENCE_END:
            return None
        if doc[i].ent_type_ == "PERSON" or doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            token = doc[i]
            while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ == "PROPN":
                token = token.head  # "Mr." → "Okafor": the head of the name
            tied = token.head.i in (verb.i, verb.head.i)
            return noun_phrase(token, text) if mark >= own_mark or tied else None
    return None
