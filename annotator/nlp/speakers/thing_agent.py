"""``"…," according to a letter signed by the mayor``, ``A letter mailed by the port authority predicted:
"…"``: a thing that cannot speak (``name_words.could_speak``), set up by a participle with a ``by``
agent who can, carries that agent's words. For a direct or mixed quote only: quoted words are
someone's; an indirect one may be the thing's own finding (``a count ordered by …``; session 39)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.cue_subject import subject_outside_marks
from annotator.nlp.speakers.scan import ACCORDING, VERB, SpeakerScan, cue_kind

#: The quote types whose words are quoted.
_QUOTED = frozenset({"direct", "mixed"})


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if quote is None or quote._.quote_type not in _QUOTED:
        return None
    kind = cue_kind(cue)
    if kind == VERB:
        thing = subject_outside_marks(scan, cue.root)
    elif kind == ACCORDING:
        thing = next((c for c in cue[-1].children if c.dep_ == "pobj"), None)
    else:
        return None
    agent = agent_of_thing(thing) if thing is not None else None
    return scan.mention(agent) if agent is not None else None


def agent_of_thing(thing: Token) -> Token | None:
    """The ``by`` agent of a passive participle right on ``thing`` (``a letter mailed by Lee``),
    when ``thing`` is a noun that cannot speak and the agent can."""
    if thing.pos_ != "NOUN" or could_speak(thing):
        return None
    for participle in thing.rights:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for by in participle.children:
            if by.dep_ == "agent":
                agent = next((c for c in by.children if c.dep_ == "pobj"), None)
                return agent if agent is not None and could_speak(agent) else None
    return None
