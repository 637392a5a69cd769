"""``It was announced by the ministry that …``, ``the plan is expected by analysts to fail``: a
passive cue's ``by`` agent is its source."""

from __future__ import annotations

from spacy.tokens import Span

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
    return None
