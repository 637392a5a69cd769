"""A verb's prepositional object in the shapes the preposition rule refuses: ``rule:verb-topic-preposition``,
the object of a preposition that names what the verb is about, for or against (``spoke out
against the quarry``, ``who had warned of a shortfall``, ``blamed the board for the delay``; not a
time phrase, ``agreed on Thursday``), in any clause, with or without an object or a subject who can
speak, negated or not (the frame takes only a main clause's verb without an object, negated or first
person). Its speaker is read by the
speaker rules; its right-rates by band are in ``scores``.

Tried and left out (tuning, right by band 1–3 / 4–8 / 9+ words): every other preposition of a verb
(place, time, means: ``in`` 0.02 / 0.06 / 0.08, ``at`` 0.04 / 0.09 / 0.15, ``to`` 0.05 / 0.13 /
0.15, ``with`` 0.06 / 0.10 / 0.22, its right ones needing their speaker fixed half of the time);
a noun's preposition other than ``rule:noun-preposition``'s (``her support for the plan``: ``of``
0.04 / 0.09 / 0.17 with 80% of the right ones' speakers wrong, ``for`` 0.07 / 0.11 / 0.14, ``to``
0.04 / 0.16 / 0.29, ``in`` 0.01 / 0.05 / 0.16): under break-even once their speakers are fixed.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import passive
from annotator.nlp.quotes.prepositional_object import when
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.broad import NOUN_PREPOSITIONS
from annotator.nlp.suggest.find import BroadFind, shape_content

#: The source of a verb's topic after a preposition (``pressed for | a recount``).
VERB_TOPIC_SOURCE = "rule:verb-topic-preposition"

#: The prepositions that name what a verb is about, for or against (``argued about``, ``pressed
#: for``, ``warned of``, ``described as``): function words of English, not a list drawn from any
#: corpus.
TOPIC_PREPOSITIONS = NOUN_PREPOSITIONS | {"for", "of", "as"}


def verb_topic_preposition(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.pos_ != "VERB":
        return []
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TOPIC_PREPOSITIONS]
    if not preps or passive(verb):  # (``passive`` after: most verbs have no such preposition)
        return []
    doc = scan.doc
    out = []
    for prep in preps:
        thing = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.tag_ not in ("WDT", "WP")), None)
        if thing is None or when(thing):
            continue
        cue = doc[verb.i:prep.i + 1] if prep.i - verb.i <= 2 else doc[verb.i:verb.i + 1]
        out += [BroadFind(VERB_TOPIC_SOURCE, f)
                for f in shape_content(scan, verb, prep.i + 1, thing.right_edge.i, cue)]
    return out
