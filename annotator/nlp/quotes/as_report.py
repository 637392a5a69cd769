"""``As the newspaper reported, the council voted …`` and ``…, as the newspaper reported.``: a verb
of saying in an ``as`` clause with a subject of its own and no complement attributes the rest of
its sentence to that subject (the parse makes the ``as`` clause an adverbial of the sentence's verb,
so no clause hangs on the cue). In the passive a named ``by`` agent is the subject (``As first
reported by the paper, …``; only before the sentence: after a quote, ``…, as recalled by X``, 2 of 4
were right). ``As expected, …`` (no subject) and ``as she said that …`` (a complement of its own) are
not this pattern."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.cue_words import LISTENER_VERBS
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, content_quote, named_agent
from annotator.nlp.doc_words import finite, word_after, word_before
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: Words that may stand before the ``as`` at the start of a sentence (``But as one analyst noted, …``).
LEADING_CONJUNCTIONS = frozenset({"and", "but", "yet", "so", "or"})
#: Dependents that give the verb something said of its own: then the rest of the sentence is not it.
OWN_COMPLEMENTS = frozenset({"ccomp", "dobj", "xcomp", "dative", "attr", "oprd"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The sentence an ``as`` clause of ``verb`` attributes, if ``verb`` heads one."""
    mark = _as_mark(scan, verb)
    if mark is None:
        return []
    doc, sentence = scan.doc, verb.sent
    cue = doc[verb.i:verb.i + 1]
    before = word_before(doc, mark.i)
    opens = before < sentence.start or doc[before].lower_ in LEADING_CONJUNCTIONS and \
        word_before(doc, before) < sentence.start
    comma = next((t.i for t in doc[verb.i + 1:sentence.end] if t.text == ","), None)
    if opens and comma is not None and not any(_says_own(t) for t in doc[verb.i + 1:comma]):
        return _clause(scan, verb, word_after(doc, comma), sentence.end - 1, cue)
    if subject_of(verb, scan.lexicon, climb=0) is None:
        return []  # a passive's agent reports only the sentence after it
    closes = all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1:sentence.end])
    if closes and before > sentence.start and doc[before].text in (",", "—", "–"):
        return _clause(scan, verb, sentence.start, before - 1, cue)
    return []


def _as_mark(scan: QuoteScan, verb: Token) -> Token | None:
    """The ``as`` opening an adverbial clause of a verb of saying whose subject, before it, is
    someone else (not the writer, not ``it``) and which says nothing of its own; else None."""
    if scan.cue_lemma(verb) not in scan.lexicon.speech or verb.dep_ != "advcl":
        return None
    children = list(verb.children)
    mark = next((c for c in children if c.dep_ == "mark" and c.i < verb.i), None)
    if mark is None or mark.lower_ != "as" or mark.i != verb.left_edge.i:
        return None
    listener = verb.lemma_.lower() in LISTENER_VERBS
    if any(c.dep_ in OWN_COMPLEMENTS and not (listener and c.dep_ in ("dobj", "dative")) for c in children):
        return None  # "as the mayor told reporters" names a listener; "as she said that …" says its own
    subject = subject_of(verb, scan.lexicon, climb=0)
    if subject is None and verb.tag_ == "VBN" and named_agent(verb) is not None:
        return mark  # "As first reported by the paper, …": the agent's report
    if subject is None or subject.i > verb.i or subject.tag_ in ("WDT", "WP") or subject.lower_ == "it" \
            or subject.lower_ in FIRST_SECOND_PERSON:  # "as I mentioned above": the writer's own aside
        return None
    return mark


def _says_own(token: Token) -> bool:
    """A word between the cue and its comma that makes the ``as`` clause say something of its own
    (``as he said that,``, ``as he said so,``) or another clause (``as she said it would, …``)."""
    return token.lower_ in ("that", "this", "so", "it") or token.pos_ in ("VERB", "AUX") and finite(token)


def _clause(scan: QuoteScan, verb: Token, start: int, last: int, cue) -> list[FoundQuote]:
    """The tokens ``start`` to ``last`` as the attributed content when they hold a tensed verb."""
    if last <= start or not any(finite(t) for t in scan.doc[start:last + 1] if t.pos_ in ("VERB", "AUX")):
        return []
    return content_quote(scan, verb, start, last, cue, min_tokens=3)
