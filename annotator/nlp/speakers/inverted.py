"""``"…," added a state Democrat``, ``"…," said Skelly``: an inverted attribution, its speaker after
the verb, which the parser read as the verb's object or did not attach at all. For a found quote
(``for_found_quote``), not after an ``-ing`` verb (``…, telling the dockers``: its listener) and not a
name that opens the reported clause (``said Mr. Okafor was right``; session 39)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.name_words import PERSONAL_PRONOUNS, TIME_ENTITIES
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: How far after the verb the inverted speaker may start, in tokens.
MAX_DISTANCE = 6
_OBJECT_DEPS = ("dobj", "attr", "npadvmod", "oprd")
#: Words that end the stretch after the verb where a speaker's title and name may stand.
_NOT_IN_TITLE = frozenset({"SCONJ", "ADP", "PRON", "AUX", "PART", "CCONJ", "PUNCT", "SPACE"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb = cue.root
    doc = cue.doc
    if verb.i == 0 or not (doc[verb.i - 1].text in QUOTE_MARK_TOKENS or doc[verb.i - 1].text == ","):
        return None
    after = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS
                  and 0 < c.i - verb.i <= MAX_DISTANCE and c.pos_ in ("PROPN", "NOUN")), None)
    if after is not None:
        return scan.mention(after)
    return name_after(verb, scan.text)


def for_found_quote(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    """``find`` for the pre-labels' cues: an ``-ing`` verb is never inverted (the noun after it is
    what it acts on: ``telling the dockers``, ``quoting the mayor``), and a name that is the subject of
    a verb right after it opens the reported clause. (Not for the suggestions' cues: their scores
    read the speaker, and there it measured worse.)"""
    if cue_kind(cue) != VERB or cue.root.tag_ == "VBG":
        return None
    speaker = find(scan, cue, quote)
    return None if speaker is not None and opens_clause(speaker.root) else speaker


def opens_clause(token: Token) -> bool:
    """The subject of a verb right after it, with no punctuation between (``said Mr. Okafor was
    right``): the reported clause's subject, not an inverted speaker (``said Ann Lee, a nurse, told
    …`` keeps its name: the parser's misreading of a set-off description)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.i < token.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    return not any(t.is_punct for t in token.doc[token.i + 1:verb.i])


def name_after(verb: Token, text: str) -> Span | None:
    """A person named within a title's length after the verb (``said Oversight ranking Democrat
    Elijah Cummings``), else a capitalised word right after it that the tagger took for something
    else (``said Skelly``)."""
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 1 + MAX_DISTANCE)):
        token = doc[i]
        if token.pos_ in _NOT_IN_TITLE or token.ent_type_ in TIME_ENTITIES:
            break
        if token.ent_type_ == "PERSON":
            return noun_phrase(token, text)
    first = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if first is None or not (first.is_title and first.is_alpha) or first.lower_ in PERSONAL_PRONOUNS \
            or first.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
        return None
    end = first.i + 1
    while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return doc[first.i:end]
