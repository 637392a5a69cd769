"""Objects the object rules refuse: a verb's noun object in any clause, whatever the verb and
whoever its subject, each shape one source (``rule:NAME``) with its measured right-rates
(``scores``); the object frame (``frame:object``) takes only its words' objects in a main clause
with a subject who can speak, and the broad rules only a relative or complement clause's.

* ``rule:subjectless-object`` — the object of a verb without a subject of its own, a participle or
  a verb sharing another's subject (``…, calling the levy a mistake``), its speaker the one it
  shares (``holders.verb_holder``);
* ``rule:free-object`` — any other active verb's noun or name object (``the union disputes the
  figures``), its speaker read by the speaker rules.

Only objects of 9 words or more save keys (``scores``: a participle's object of 4–8 words is
right 0.17 of the time, but 45% of the right ones need their speaker fixed, so it is not shown).
A report noun's ``that`` clause (``citing fears that the pier would close``) stands for the object:
the noun is part of the cue (session 32, tuning with suggestions −0.001, plain −0.021).
A pronoun object is ``arguments.py``'s ``rule:pronoun-object`` (session 15), with its own scores.
Tried and left out (tuning, right by band 1–3 / 4–8 / 9+ words): a thing's subject with a person as its object, the
person its speaker (``the delays worried the farmers``: 0.02 / 0.12 / 0.07).
"""

from __future__ import annotations

from typing import Callable

from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Token

from annotator.nlp.doc_words import children_labelled, ids_of, passive
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.broad import after_that
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import verb_holder
from annotator.nlp.suggest.report_noun import NOUNS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: An object's parts of speech (``pos_`` ``NOUN``, ``PROPN``), as the Doc's ``POS`` array holds them.
_NOUNS = frozenset({NOUN, PROPN})


def _object(verb: Token) -> Token | None:
    """The verb's noun or name object after it (its ``dobj`` children and their parts of speech read off
    the Doc's arrays once per Doc: the rule is tried on some 26 verbs an article, most without one)."""
    doc, at = verb.doc, verb.i
    pos = ids_of(doc, POS)
    return next((doc[i] for i in children_labelled(doc, "dobj").get(at, ()) if i > at and pos[i] in _NOUNS), None)


def verb_object(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``rule:subjectless-object`` or ``rule:free-object``: an active verb's noun object."""
    return object_finds(scan, verb, _object, "rule:free-object", "rule:subjectless-object")


def object_finds(scan: QuoteScan, verb: Token, object_of: Callable[[Token], Token | None], free: str,
                 subjectless: str) -> list[BroadFind]:
    """An active verb's object (``object_of(verb)``) as what was said: source ``free`` when the verb
    has a subject of its own (its speaker then read by the speaker rules), else ``subjectless`` with
    the speaker the verb shares (``holders.verb_holder``)."""
    if verb.pos_ != "VERB":
        return []
    thing = object_of(verb)  # (before ``passive``: most verbs have no such object)
    if thing is None or passive(verb):
        return []
    cue = scan.doc[verb.i:verb.i + 1]
    clause = _report_nouns_clause(scan, thing)
    start = after_that(clause) if clause is not None else thing.left_edge.i
    found = shape_content(scan, verb, start, (clause or thing).right_edge.i, cue)
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return [BroadFind(free, f) for f in found]
    speaker = verb_holder(verb, scan.lexicon) if found else None
    return [BroadFind(subjectless, f, speaker, speaker is not None) for f in found]


def _report_nouns_clause(scan: QuoteScan, noun: Token) -> Token | None:
    """``citing fears that the pier would close``: a report noun's ``that`` clause with a subject of its
    own is what was said (the noun is part of the cue, as attribution corpora mark it), not the noun
    phrase; a relative clause (``the rule that officials wrote``) has no subject of its own there."""
    lemma = noun.lemma_.lower()
    if lemma not in NOUNS and lemma not in scan.lexicon.nouns:
        return None
    return next((c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 and any(m.dep_ in SUBJECT_DEPS for m in c.children)), None)
