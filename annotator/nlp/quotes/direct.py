"""Direct quotes: the words between quotation marks, with the cue after (``"…," she said``), before
(``She said: "…"``) or closing the paragraph before (``Kebede said:`` then a quote paragraph); a
quote without a cue is kept when it reads like speech, not a title or a scare quote, and takes as
cue a colon that introduces it (``… strategist Dana Shore: "…"``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import FINITE_TAGS, QUOTE_MARK_TOKENS, SENTENCE_END, is_quote_mark, title_case
from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes import quoted_part, subject_before
from annotator.nlp.quotes.found import FoundQuote, word_count
from annotator.nlp.quotes.run_on import run_on
from annotator.nlp.doc_words import negated, word_after
from annotator.nlp.quotes.scan import QuoteScan

#: How many tokens from the quote a cue is looked for.
_CUE_WINDOW = 14


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    text = scan.text
    for segment in scan.segments:
        span = scan.char_span(segment.start, segment.end)
        if span is None or is_title(scan, segment, span):
            continue
        para_start, para_end = scan.paragraph(segment.open_at)
        cue = None
        if segment.close_at is not None:
            cue = cue_after(scan, segment, para_end)
        if is_fragment(scan, segment, span):
            # ``Officials "are still counting," she said``: a few quoted words in lower case are no
            # direct quote, but with their subject before the mark and a cue after it, a mixed one
            whole = _with_subject(scan, segment, span, cue)
            if whole is not None:
                found.append(whole)
            continue
        if cue is None and not named_phrase(scan, segment, span):
            cue = cue_before(scan, segment, para_start)
            part = None
            if _embedded(scan, segment):
                reporting = cue if cue is not None else quoted_part.governing_cue(scan, span)
                part = quoted_part.paraphrase(scan, span, reporting) if reporting is not None else None
            if part is not None:
                found.append(part)
                continue
        if cue is None and not text[para_start:segment.open_at].strip():
            cue = cue_before_colon(scan, para_start)
        if cue is None:
            cue = cue_closing_sentence(scan, segment, para_start)
        if cue is None and not stands_alone(scan, segment, span):
            continue
        if cue is None:
            cue = introducing_colon(scan, segment, para_start)
        found.append(_with_subject(scan, segment, span, cue) or run_on(scan, segment, FoundQuote(span, "direct", cue)))
    return found


def _with_subject(scan: QuoteScan, segment: MarkedSegment, span: Span, cue: Span | None) -> FoundQuote | None:
    """The quoted words ``span`` with their subject before the opening mark (``subject_before``) as one
    mixed content, when their cue comes after them; else None."""
    whole = subject_before.with_subject(scan, segment, span) if cue is not None and cue.start > span.end else None
    return FoundQuote(whole, "mixed", cue) if whole is not None else None


def is_title(scan: QuoteScan, segment: MarkedSegment, span: Span) -> bool:
    """``told WKRT's "Morning Desk"``, ``her book ''Harbor Lights''``: a short quoted name in title case,
    inside a sentence and without a verb of its own, names a programme, book or slogan; nobody says
    it there."""
    if any(t.tag_ in FINITE_TAGS for t in span) or not title_case(span):
        return False
    before = scan.text[:segment.open_at].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'" or _named_by_noun(scan, segment, before))


def _named_by_noun(scan: QuoteScan, segment: MarkedSegment, before: str) -> bool:
    """``his 2012 book, "An American Son,"``, ``the reality show, "The Apprentice"``: after a
    common noun and its comma the title-case words are its name (not after a statement's noun:
    ``said in a statement, "Thank You Ohio"``)."""
    if not before.endswith(","):
        return False
    comma = scan.token_at_or_after(len(before) - 1)
    noun = scan.doc[comma - 1] if comma > 0 else None
    return noun is not None and noun.tag_ in ("NN", "NNS") and noun.lemma_.lower() not in scan.lexicon.nouns


#: A quoted phrase inside a sentence with more words than this may be someone's words on its own.
_FRAGMENT_MAX_WORDS = 5
_CLOSING = "\"'”’»"


def _embedded(scan: QuoteScan, segment: MarkedSegment) -> bool:
    """The sentence runs into the opening mark: a word stands right before it."""
    before = scan.text[:segment.open_at].rstrip()
    return bool(before) and before[-1].isalnum()


def is_fragment(scan: QuoteScan, segment: MarkedSegment, span: Span) -> bool:
    """``told the paper he was "not quite ready" to decide``, ``the plan, a "gift to landlords,"
    she said``: a few quoted words that the sentence runs into and goes on after are part of the
    reporter's paraphrase (a mixed quote, when a report rule finds one), not a direct quote: they
    open in lower case after a word (not a cue's: ``said "we will win" and left`` quotes), and
    neither they nor the text after their closing mark end the sentence."""
    text = scan.text
    if segment.close_at is None or word_count(span) > _FRAGMENT_MAX_WORDS:
        return False
    first = next((c for c in text[segment.start:segment.end] if c.isalpha()), "")
    if not _embedded(scan, segment) or not first.islower():
        return False
    mark = scan.token_at_or_after(segment.open_at)
    if mark > 0 and scan.lexicon.is_cue(scan.doc[mark - 1]):
        return False
    inner_end = text[segment.start:segment.close_at].rstrip()[-1:]
    after = text[segment.close_at:].lstrip(_CLOSING + " ")[:1]
    return inner_end not in "?!…." and after not in ("?", "!", "…", ".", "")


def named_phrase(scan: QuoteScan, segment: MarkedSegment, span: Span) -> bool:
    """``asked about "the penalty miss"``: a quoted phrase without a tensed verb that is the object
    of a preposition names something (a scare quote or a title); a cue before it does not report it.
    ``as``/``like`` are the exception (``described the offer as "an insult"`` quotes a judgement),
    and so is an active speech verb (``warned of "a lost decade"``), not a passive one
    (``tired of being asked about "the penalty miss"``)."""
    doc = scan.doc
    mark = scan.token_at_or_after(segment.open_at)
    if mark == 0 or doc[mark - 1].pos_ != "ADP" or doc[mark - 1].lower_ in ("as", "like") \
            or scan.text[segment.end - 1] in "?!…":
        return False
    head = doc[mark - 1].head
    if scan.lexicon.is_speech(head) and not any(c.dep_ == "auxpass" for c in head.children):
        return False  # "warned of "a lost decade"": the speaker's own words
    return span.root.dep_ == "pobj" or not any(t.tag_ in FINITE_TAGS for t in span)


def stands_alone(scan: QuoteScan, segment: MarkedSegment, span: Span) -> bool:
    """A quote without a cue is kept when it reads like speech, not a title or scare quote."""
    text = scan.text
    words = sum(1 for t in span if not t.is_punct and not t.is_space)
    if words < scan.min_direct_words or title_case(span):
        return False
    close = segment.close_at if segment.close_at is not None else segment.end
    ends_like_speech = text[segment.end:close].strip()[:1] in (",", ".", "?", "!", "…") or \
        text[segment.end - 1] in "?!…"
    before = text[:segment.open_at].rstrip()
    embedded = bool(before) and before[-1].isalnum()
    if embedded and named_phrase(scan, segment, span):
        return False  # "tired of being asked about "the penalty miss"": a phrase named, not speech
    return ends_like_speech or not embedded


def cue_after(scan: QuoteScan, segment: MarkedSegment, para_end: int) -> Span | None:
    """``"…," she said``: a cue after the closing mark, in the same sentence and paragraph."""
    doc, text = scan.doc, scan.text
    assert segment.close_at is not None
    last = text[segment.start:segment.close_at].rstrip()[-1:]
    if last == ".":
        return None  # a full stop ends the sentence: what follows is a new one
    first = scan.token_at_or_after(segment.close_at + 1)
    for token in doc[first:first + _CUE_WINDOW]:
        if token.idx >= para_end or is_quote_mark(token):
            break
        if token.text in SENTENCE_END:
            break
        if last in ("?", "!") and token.i == first and token.is_alpha and token.text[0].isupper() \
                and not scan.lexicon.is_cue(token) and token.pos_ != "PROPN":
            break
        cue = cue_at(scan, token)
        if cue is not None:
            return cue
    return _after_apposition(scan, first, para_end)


#: How far a speaker's apposition may run after the name (``…," Mary Stone, a lawyer then working
#: for the State Department, wrote``) before the cue.
_APPOSITION_WINDOW = 30


def _after_apposition(scan: QuoteScan, first: int, para_end: int) -> Span | None:
    """``"…," Mary Stone, a lawyer then working for the firm, wrote in an email``: a name, a comma,
    an apposition longer than the cue window and its closing comma, then the cue."""
    doc = scan.doc
    name_end = next((t.i for t in doc[first:first + 6] if t.text == ","), None)
    if name_end is None or name_end == first or not all(t.pos_ == "PROPN" or t.is_punct or t.is_space
                                                        for t in doc[first:name_end]):
        return None
    for token in doc[name_end + 1:name_end + 1 + _APPOSITION_WINDOW]:
        if token.idx >= para_end or is_quote_mark(token) or token.text in SENTENCE_END:
            return None
        after = word_after(doc, token.i) if token.text == "," else len(doc)
        cue = cue_at(scan, doc[after]) if after < len(doc) else None
        if cue is not None:
            return cue  # (a comma inside the apposition, "a lawyer from Dayton, Ohio,", goes on)
    return None


def cue_before(scan: QuoteScan, segment: MarkedSegment, para_start: int) -> Span | None:
    """``She said: "…"``: the nearest cue before the opening mark, in the same sentence and paragraph."""
    last = scan.token_at_or_after(segment.open_at) - 1
    return _nearest_cue_back(scan, max(0, last - _CUE_WINDOW), last + 1, para_start)


def cue_before_colon(scan: QuoteScan, para_start: int) -> Span | None:
    """``Daniel Kebede said:`` closing the paragraph before a quote that opens its own."""
    text = scan.text
    end = para_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    colon = scan.token_at_or_after(end - 1)
    prev_start, _ = scan.paragraph(end - 1)
    return _nearest_cue_back(scan, max(0, colon - _CUE_WINDOW), colon, prev_start)


#: What a speech verb says, when it has one: then it does not introduce the quote after it.
_SAID_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd"})


def cue_closing_sentence(scan: QuoteScan, segment: MarkedSegment, para_start: int) -> Span | None:
    """``Dana Ruiz, the party's spokeswoman, said in a statement. "There are no ballots …"``: a
    speech verb heading the sentence just before the quote, in its paragraph, with nothing it says
    there, introduces it."""
    doc = scan.doc
    before = scan.text[para_start:segment.open_at].rstrip()
    if not before.endswith("."):
        return None
    stop = scan.token_at_or_after(para_start + len(before) - 1)
    if stop == 0 or doc[stop].text != ".":
        return None
    root = doc[stop - 1].sent.root
    if root.idx < para_start or scan.quoted(root.idx) or not scan.lexicon.is_speech(root) or negated(root):
        return None
    if any((c.dep_ in _SAID_DEPS or c.text in QUOTE_MARK_TOKENS) and c.i > root.i for c in root.children):
        return None
    # ``"We are ready," Ruiz said. "Fully."``: what the verb says before it (a quote it closes) does
    # not stop it from introducing the words that go on after its sentence.
    return doc[root.i:root.i + 1]


def _nearest_cue_back(scan: QuoteScan, start: int, end: int, para_start: int) -> Span | None:
    """The cue nearest ``end`` among tokens ``start:end``, going back no further than the paragraph
    start, a quotation mark or a sentence end."""
    for token in reversed(scan.doc[start:end]):
        if token.idx < para_start or is_quote_mark(token) or token.text in SENTENCE_END:
            return None
        cue = cue_at(scan, token)
        if cue is not None:
            return cue
    return None


def introducing_colon(scan: QuoteScan, segment: MarkedSegment, para_start: int) -> Span | None:
    """``… strategist Dana Shore: "…"``: a colon right before the quote (or ending the paragraph
    before one that opens its own) introduces it; the speakers component finds who is named."""
    doc, text = scan.doc, scan.text
    before = text[para_start:segment.open_at].rstrip()
    if not before:
        before = text[:para_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = scan.token_at_or_after(len(before) - 1)
    return doc[colon:colon + 1] if colon < len(doc) and doc[colon].text == ":" else None


def cue_at(scan: QuoteScan, token: Token) -> Span | None:
    """The cue a token starts: ``according to`` or a speech or cognition verb not negated."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return doc[token.i:token.i + 2]
    if scan.lexicon.is_cue(token) and not negated(token):
        return doc[token.i:token.i + 1]
    return None
