"""A feeling caused in someone (Levin's ``amuse`` psych verbs, 31.1): ``the ruling angered the
union``, ``the vote rattled investors``. The one who feels (the verb's object) reacts to what caused
it (the subject), and that is the attribution: the subject is the content, the verb the cue and the
object the source (``speakers.experiencer``). Only an active verb in its sentence's own clause
(``object_of_cue.MAIN_DEPS``), with a subject that is not a relative pronoun and an object who can
feel and say so (``lexicon.FEELING_CAUSED_VERBS``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import FEELING_CAUSED_VERBS
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.experiencer import experiencer

#: The tags of a relative pronoun (``which``, ``that`` heading a relative clause): it stands for
#: words outside the clause, which this rule does not reach.
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in FEELING_CAUSED_VERBS or verb.dep_ not in MAIN_DEPS \
            or scan.quoted(verb.idx):
        return []
    cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i), None)
    feeler = experiencer(verb)
    if cause is None or feeler is None or cause.tag_ in RELATIVE_TAGS:
        return []
    return content_quote(scan, verb, cause.left_edge.i, cause.right_edge.i, scan.doc[verb.i:verb.i + 1])

