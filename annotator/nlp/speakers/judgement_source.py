"""``The plan drew criticism from the mayors``, ``she won the backing of the union``: a judgement
received (a verb of getting, ``lexicon.received_verbs``, with a judgement noun for object,
``lexicon.received_nouns``) is given by the object of its ``from`` or ``of`` phrase."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind

#: The prepositions that name who gives a judgement received.
JUDGEMENT_GIVER_PREPOSITIONS = ("from", "of")


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    source = judgement_source(cue.root, scan.lexicon)
    return scan.mention(source) if source is not None else None


def judgement_source(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who gives the judgement ``verb`` receives: the ``from``/``of`` object after its judgement
    noun (the parser hangs the phrase on the noun or on the verb), when it can speak."""
    if verb.lemma_.lower() not in lexicon.received_verbs:
        return None
    judgement = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                      and c.lemma_.lower() in lexicon.received_nouns), None)
    if judgement is None:
        return None
    phrase = next((c for c in (*judgement.children, *verb.children) if c.dep_ == "prep" and c.i > judgement.i
                   and c.lower_ in JUDGEMENT_GIVER_PREPOSITIONS), None)
    source = next((c for c in phrase.children if c.dep_ == "pobj"), None) if phrase is not None else None
    return source if source is not None and could_speak(source) else None
