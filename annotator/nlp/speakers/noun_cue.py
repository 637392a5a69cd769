"""``the senator's claim that …``, ``a demand by the union that …``, ``she released a statement
saying …``: when the cue is a noun (or a participle hanging from one), the source is the noun's
possessor, its ``by``/``from`` phrase, or the subject of an authoring verb that governs it; a
participle hanging from another noun gets none here."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.cue_words import AUTHORING_PREPOSITIONS, AUTHORING_VERBS, FIRST_SECOND_POSSESSIVES
from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak
from annotator.nlp.speakers.mentions import subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    root = cue.root
    if root.pos_ == "NOUN" and (root.lemma_.lower() in scan.lexicon.nouns or root.lower_ in scan.lexicon.stance_nouns):
        source = source_of_noun(root, scan.lexicon)
    elif root.dep_ == "acl" and root.tag_ in ("VBG", "VBN") and root.head.pos_ in ("NOUN", "PROPN") \
            and root.head.i < root.i:
        source = participle_source(root.head, scan.lexicon)
    elif root.dep_ == "amod" and root.tag_ == "VBN" and root.head.pos_ == "NOUN":
        source = modified_noun_source(root.head, scan.lexicon)
    else:
        return None
    return scan.mention(source) if source is not None else None


def modified_noun_source(noun: Token, lexicon: Lexicon) -> Token | None:
    """``told the paper in a written statement``: the participle describes a statement; whoever
    the verb that holds the statement (through its preposition) has as subject gave it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ != "VERB" or head.i == noun.i:
        return None
    subject = subject_of(head, lexicon, climb=1)
    return subject if subject is not None and could_speak(subject) else None


def participle_source(noun: Token, lexicon: Lexicon) -> Token | None:
    """``a statement saying``: the statement's source. (A participle the parser hangs from a noun
    for someone, ``his memo to employees explaining``, is too often the wrong noun's: none.)"""
    if noun.lemma_.lower() in lexicon.nouns or noun.lower_ in lexicon.nouns:
        return source_of_noun(noun, lexicon)
    return None


def source_of_noun(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who a cue noun's words or beliefs are: the possessor (``Trump's claim``, ``his view``), the
    ``by``/``from`` phrase (``a statement from the ministry``), else the subject of the verb that
    governs the noun, directly or through a preposition (``X made the claim``, ``X entered the
    debate with an argument``). First and second person are the writer's or the reader's: none."""
    source = possessor(noun) or by_phrase(noun, lexicon) or governing_subject(noun, lexicon) \
        or in_noun_subject(noun, lexicon)
    if source is None or source.lower_ in FIRST_SECOND_PERSON or source.lower_ in FIRST_SECOND_POSSESSIVES \
            or source.tag_ in ("WDT",):
        return None
    return source


def possessor(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)


def by_phrase(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who the noun's ``by``/``from`` phrase (``lexicon.source_prepositions``) names, if they can speak."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in lexicon.source_prepositions and prep.i > noun.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and could_speak(obj):
                return obj
    return None


def governing_subject(noun: Token, lexicon: Lexicon) -> Token | None:
    """The subject of an authoring verb the noun is the object of (``issued a statement``), or whose
    prepositional phrase holds it (``came out with a statement``); not of any verb (``rejected the
    claim``: the claim is someone else's)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in AUTHORING_PREPOSITIONS:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in AUTHORING_VERBS or head.i == noun.i:
        return None
    subject = subject_of(head, lexicon, climb=1)
    return subject if subject is not None and could_speak(subject) else None


def in_noun_subject(noun: Token, lexicon: Lexicon) -> Token | None:
    """``the council delayed the vote in the hope that …``, ``signed the bill in the belief that …``:
    a cue noun after ``in`` on a verb is the stance of that verb's subject, whatever the verb (when it
    can speak)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "in" or head.dep_ != "prep" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(head.head, lexicon, climb=1)
    return subject if subject is not None and could_speak(subject) else None
