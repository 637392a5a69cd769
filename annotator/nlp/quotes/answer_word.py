"""``Most voters said yes``, ``the senator said no to a new levy``, ``had to answer no``: a verb of
saying whose object is the word ``yes`` or ``no`` (the parser hangs it on the verb as an interjection
or an object). News attribution corpora mark that word as what was said, with the ``to`` phrase right
after it that says what it answered (``no to a new levy``); the verb's subject is the source, also a
share of the people asked (``a third said no``: ``name_words.bare_share``). A word that stands for
an earlier report is its content the same way (``half said so``, ``a third said the same of the
pier``, ``the mayor said the opposite``: ``_pro_form``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import passive
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: The answers a verb of saying takes as its object.
ANSWER_WORDS = frozenset({"yes", "no"})
#: How the parser hangs the answer on the verb.
ANSWER_DEPS = frozenset({"intj", "dobj"})
#: ``the same``, ``the opposite``: what was said is what another said (or its contrary); the parser
#: hangs the word on the verb as its object, or misreads it as a second subject after the verb.
ECHO_WORDS = frozenset({"same", "opposite"})
ECHO_DEPS = frozenset({"dobj", "nsubj", "npadvmod", "attr", "advmod"})
#: The prepositions of the topic an echo is said of (``the same of the pier``, ``the opposite about it``).
ECHO_TOPICS = frozenset({"of", "about"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    lemma = scan.cue_lemma(verb)
    speech = lemma in scan.lexicon.speech
    if verb.pos_ != "VERB" or not speech and lemma not in scan.lexicon.cognition or passive(verb):
        return []
    word = _answer(verb) if speech else None
    if word is not None:
        first, last = word.i, _answered_to(word, verb)
    elif (echo := _pro_form(verb, speech)) is not None:
        word, (first, last) = echo[0], echo[1:]
    else:
        return []
    if scan.quoted(word.idx):
        return []
    subject = subject_of(verb, scan.lexicon)
    if subject is None or subject.i == word.i or not reporting_subject(subject):
        return []
    return content_quote(scan, verb, first, last, scan.doc[verb.i:verb.i + 1])


def _answer(verb: Token) -> Token | None:
    """``yes`` or ``no`` after the verb, hung on it or on the ``to`` phrase after it (``said no to
    a new levy``: the parser may make ``no`` the preposition's interjection)."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i]
    return next((c for head in heads for c in head.children
                 if c.dep_ in ANSWER_DEPS and c.lower_ in ANSWER_WORDS and c.i > verb.i), None)


def _answered_to(word: Token, verb: Token) -> int:
    """The answer's last token: the end of a ``to`` phrase right after it (``no to a new levy``),
    whichever word the parser hangs it on, else the answer itself."""
    doc = word.doc
    if word.i + 1 < len(doc):
        after = doc[word.i + 1]
        if after.lower_ == "to" and after.dep_ == "prep" and after.head.i in (word.i, verb.i):
            return after.right_edge.i
    return word.i


def _pro_form(verb: Token, speech: bool) -> tuple[Token, int, int] | None:
    """``said so`` (``so`` right after the verb, ending the clause: not ``so far``, ``so that``), or
    ``said the same (thing)`` / ``the opposite`` with the ``of``/``about`` topic right after it: the
    word, and the content's first and last token. A verb of thinking takes ``so`` alone (``most
    growers think so``)."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "so" and after.dep_ == "advmod" and after.head.i == verb.i:
        following = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if following is None or following.pos_ not in ("ADJ", "ADV", "SCONJ") and following.lower_ != "that":
            return after, after.i, after.i
    if not speech:
        return None
    for child in verb.children:
        word = child
        if child.dep_ == "dobj" and child.lower_ == "thing":  # ``the same thing``
            word = next((c for c in child.children if c.dep_ == "amod" and c.lower_ in ECHO_WORDS), child)
        if child.dep_ not in ECHO_DEPS or word.lower_ not in ECHO_WORDS or child.i < verb.i:
            continue
        first = word.i - 1
        if first <= verb.i or doc[first].lower_ != "the":
            continue
        return word, first, _echo_topic(child, verb)
    return None


def _echo_topic(word: Token, verb: Token) -> int:
    """The echo's last token: the end of an ``of``/``about`` phrase right after it (on the echo or on
    the verb), else the echo itself."""
    doc = word.doc
    if word.i + 1 < len(doc):
        after = doc[word.i + 1]
        if after.lower_ in ECHO_TOPICS and after.dep_ == "prep" and after.head.i in (word.i, verb.i):
            return after.right_edge.i
    return word.i
