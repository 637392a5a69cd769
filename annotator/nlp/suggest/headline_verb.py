"""``rule:headline-verb``: a headline in title case or capitals whose verb the tagger read as part of
a name (``Harbour Board Chief Praises New Ferry Timetable``, ``PILOTS DENOUNCE TOLL PLAN``): the
parse hangs every word on the last name, so no rule sees a verb. A word of the line that is an
``-s`` or ``-ed`` form of a verb of our cue classes (``cue_words.CUE_VERB_CLASSES``) or object verbs,
after a capitalised word, is the cue; the words before it the speaker, the words after it to the
line's end the content."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import TITLE_SMALL_WORDS
from annotator.nlp.cue_words import cue_verb_class
from annotator.nlp.marks import trim_content
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind

HEADLINE_VERB_SOURCE = "rule:headline-verb"
#: The parts of speech the tagger gives such a verb in a capitalised line.
MISREAD_POS = frozenset({"PROPN", "NOUN", "ADJ", "VERB"})
#: The marks that close a headline's first report (``Slams Toll, Praises Pier``, ``Praises Pier — Again``).
HEADLINE_STOPS = frozenset({",", ";", "–", "—", "--"})


def headline_verbs(scan: QuoteScan) -> list[BroadFind]:
    """The first misread cue verb of each capitalised line of at most ``scan.headline_max_words``
    (the lines first: a Token is built only for the words of such a line)."""
    out = []
    for start in scan.paragraph_starts:
        start, end = scan.paragraph(start)
        if len(scan.text[start:end].split()) > scan.headline_max_words or not _capitalised(scan, start, end):
            continue
        found = _line_verb(scan, start, end)
        if found is not None:
            out.append(found)
    return out


def _line_verb(scan: QuoteScan, start: int, end: int) -> BroadFind | None:
    """The line's first misread cue verb after a word, with its content (None: none, or no content)."""
    doc = scan.doc
    first = scan.token_at_or_after(start)
    for token in doc[first:scan.token_at_or_after(end + 1)]:
        if token.pos_ not in MISREAD_POS or not token.is_alpha or not token.text[0].isupper() \
                or not _verb_class(scan, token.lower_) or scan.quoted(token.idx):
            continue
        line = [t for t in doc[first:token.i] if not t.is_space]
        if line:
            return _headline_find(scan, line, token, end)
    return None


def _headline_find(scan: QuoteScan, line: list[Token], token: Token, end: int) -> BroadFind | None:
    speaker = scan.doc[line[0].i:line[-1].i + 1]
    begin, stop = trim_content(scan.text, token.idx + len(token.text), _words_end(scan, token, end))
    content = scan.char_span(begin, stop) if stop > begin else None
    if content is None or not any(t.is_alpha for t in content) or content[0].lower_ == "by":
        return None  # (``Plan Backed By Pilots``: a passive, its agent after it)
    quote = FoundQuote(content, "indirect", scan.doc[token.i:token.i + 1])
    return BroadFind(HEADLINE_VERB_SOURCE, quote, speaker, True)


def _words_end(scan: QuoteScan, verb: Token, end: int) -> int:
    """Where the headline's words after ``verb`` stop: at the line's end, or before a comma, a dash
    or a joining ``And``/``But`` (``Slams Toll, Praises Pier``, ``Backs Pier And Denounces Toll``)."""
    for token in scan.doc[verb.i + 1:]:
        if token.idx >= end:
            break
        if token.text in HEADLINE_STOPS or token.lower_ in ("and", "but") and token.dep_ == "cc":
            return token.idx
    return end


def _capitalised(scan: QuoteScan, start: int, end: int) -> bool:
    """Every word of the line capitalised, save the short words a title leaves in lower case."""
    words = [w.strip("\"'“”‘’,.:;!?()") for w in scan.text[start:end].split()]
    words = [w for w in words if w and w[0].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _verb_class(scan: QuoteScan, word: str) -> bool:
    """``word`` is a third-person or past form (``praises``, ``denounced``, ``denies``) of a verb of our
    cue classes or the lexicon's object verbs; not of a verb of intention (``Plans``, ``Bids``: as
    often nouns) nor of one the lexicon has as a cue noun too (``Claims``, ``Calls``)."""
    lexicon = scan.lexicon
    for stem in _stems(word):
        known = cue_verb_class(stem)
        if (known is not None and known != "intention" or stem in lexicon.object_verbs) and stem not in lexicon.nouns:
            return True
    return False


def _stems(word: str) -> list[str]:
    """What ``word`` may be a form of, by its ending (none but an ``-s`` or ``-ed`` form)."""
    stems = []
    if word.endswith("ies") or word.endswith("ied"):
        stems.append(word[:-3] + "y")
    if word.endswith("s") or word.endswith("ed"):
        stems.append(word[:-1])
    if word.endswith("es") or word.endswith("ed"):
        stems.append(word[:-2])
    return stems
