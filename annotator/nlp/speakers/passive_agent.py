"""``It was announced by the ministry that …``, ``the plan is expected by analysts to fail``: a
passive cue's ``by`` agent is its source, also when the parser hangs the ``by`` on a noun after the
verb (``was attacked on the levy by the farmers``, ``are seen as candidates by most voters``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import children_labelled
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    verb, doc = cue.root, cue.doc
    for agent in (doc[i] for i in children_labelled(doc, "agent").get(verb.i, ())):  # (read once per Doc)
        if agent.dep_ == "agent":
            source = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if source is not None and could_speak(source):
                return scan.mention(source)
    source = stray_agent(verb)
    return scan.mention(source) if source is not None else None


#: What may lie between a passive verb and a ``by`` hung on a noun after it: no verb of its own.
_ON_THE_WAY = frozenset({"NOUN", "PROPN", "ADP", "ADJ", "NUM", "PRON"})


def stray_agent(verb: Token) -> Token | None:
    """The speaking object of the first ``by`` after a passive verb that the parser hung on a noun
    or preposition of the verb's phrase rather than on the verb (no verb between them)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "by" or token.dep_ not in ("agent", "prep"):
            continue
        head = token.head
        while head.i != verb.i and head.pos_ in _ON_THE_WAY and head.head.i != head.i:
            head = head.head
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if head.i == verb.i and token.head.i != verb.i and source is not None and could_speak(source):
            return source
        return None
    return None
