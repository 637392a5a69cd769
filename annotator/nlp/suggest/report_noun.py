"""A report noun with its content on it: ``rule:noun-of-content`` (``criticism of the levy``, ``fears
of a slowdown``: the object of its ``of``) and ``rule:noun-content-clause`` (``complaints that the buses
ran late``, ``speculation that the plant will close``: its content clause, without its ``that``). The
nouns are the cue nouns (``CUE_NOUNS``), those of a question put (``QUESTION_NOUNS``) and the nouns made
from our verbs of saying and judging (``REPORTING_NOMINALIZATIONS``). A noun with a possessor (``the
senator's fears of a recession``) gives only its ``of`` object, the possessor its speaker
(``owned_of_content``); its clause, and a noun with a holder after ``from``/``among``/``by``, are left to
the rules and ``broad.noun_preposition``, and so is an ``of`` object that could be the holder of a noun
without a possessor (a person, a group: ``the views of the mayor``); the clause of a noun after an
expletive ``there`` + ``be`` is ``copular.existential_clause``'s. The noun, with its ``of``, is the cue.
Without a possessor the speaker is the subject of an authoring verb that governs the noun (``voiced
complaints that …``) or of the verb its ``in`` hangs from (``marched in protest of …``), else none (the
verb the noun hangs from is as often the target, ``faced criticism``, ``drew complaints``, as the
holder)."""

from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from annotator.nlp.doc_words import to_infinitive
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import REPORTING_NOMINALIZATIONS, SUBJECT_DEPS
from annotator.nlp.cue_words import FIRST_SECOND_POSSESSIVES, STANCE_NOUN_PREPOSITIONS
from annotator.nlp.name_words import HOLDING_POSSESSIVES, TIME_ENTITIES, could_speak
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.noun_cue import governing_subject, in_noun_subject, possessor
from annotator.nlp.suggest.copular import HOLDER_PREPOSITIONS, REPORT_NOUNS, clause_without_mark
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import mention, speaking

OF_SOURCE = "rule:noun-of-content"
CLAUSE_SOURCE = "rule:noun-content-clause"
REPORT_NOUN_SOURCES = (OF_SOURCE, CLAUSE_SOURCE)
TARGET_SOURCE = "rule:noun-target-subject"
#: The nouns whose ``of`` object or content clause is reported.
NOUNS = REPORT_NOUNS | REPORTING_NOMINALIZATIONS
#: Nouns of being watched, talked of, judged or attacked, which their target undergoes (``came under
#: scrutiny``, ``drew attention``, ``is under fire``, ``faced criticism``): English words of that class,
#: not a list drawn from a corpus. Not the report nouns at large: one received or faced (``received a
#: request``, ``faced questions``) is seldom about its subject (docs/prelabel.md, "Session 30").
TARGET_NOUNS = frozenset({"scrutiny", "attention", "fire", "attack", "ridicule", "backlash", "discussion",
                          "criticism", "condemnation", "praise", "complaint", "concern"})
#: Report nouns of judging whose ``of`` object, a person too, is the one judged (``criticism of the
#: mayor``, ``praise of the crew``): English words of that class, not a list drawn from a corpus.
JUDGED_OF_NOUNS = frozenset({"criticism", "condemnation", "praise", "denunciation"})
#: Verbs whose subject undergoes the report their object names (``faced criticism``, ``drew
#: complaints``, ``won praise``, ``sparked protests``): the subject is what is reported on, not who
#: reports. A class of English verbs (receiving and causing), not a list drawn from a corpus.
UNDERGOING_VERBS = frozenset({"face", "draw", "receive", "attract", "endure", "earn", "garner", "invite", "win",
                              "spark", "provoke", "trigger", "prompt", "gain"})


def _names_nobody(noun: Token) -> bool:
    """A report noun without a possessor or a holder after ``from``/``among``/``by``."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in NOUNS and not any(
        c.dep_ == "poss" or c.dep_ in ("prep", "agent") and c.lower_ in HOLDER_PREPOSITIONS for c in noun.children)


def _content_clause(noun: Token) -> Token | None:
    """The finite clause a noun holds (``complaints that …``: an ``acl`` with a subject or a mark, not
    an infinitive, not a relative clause; or a ``relcl`` whose ``that`` the parser marks as ``mark``),
    or None."""
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("acl", "relcl"):
            continue
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        if c.dep_ == "relcl" and not marked:
            continue
        if (marked or any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) and not to_infinitive(c) and not any(
                g.dep_ != "mark" and g.tag_ in ("WDT", "WP", "WP$") for g in c.children):
            return c
    return None


def _holder_or_time(target: Token) -> bool:
    """An ``of`` object that could be the noun's holder as well as its content (a person, a group, a
    name: ``the views of the mayor``, ``the pledges of both parties``), or a span of time (``speeches of
    the last decade``): neither is read as the content, except after a noun of judging a target
    (``JUDGED_OF_NOUNS``: ``harsh criticism of the mayor`` is about the mayor, not the mayor's)."""
    judged = target.head.head.lemma_.lower() in JUDGED_OF_NOUNS
    return could_speak(target) and not judged or target.ent_type_ in TIME_ENTITIES


def _after_there(noun: Token) -> bool:
    """The noun is the ``attr`` of ``be`` after an expletive ``there`` (``existential_clause``'s)."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def _of_object(noun: Token) -> tuple[Token | None, Token | None]:
    """The ``of`` right after the noun and its object, or Nones."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ == "of"), None)
    return of, next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None


def owned_of_content(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    """``the senator's fears of a recession``, ``the guild's fears of …``, ``their accusations of fraud``:
    a report noun with a possessor (a noun or a name that is no time: a body ``could_speak`` does not
    know is as much the holder; of the pronouns his, her, their), with the object of its ``of`` (a
    person too: beside a possessor the ``of`` object is what the noun is about), the possessor the
    speaker. A stance noun (``criticism of``,
    ``warnings about``) is ``quotes.stance_noun``'s, first and second person the writer's or the reader's."""
    owner = possessor(noun)
    if owner is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUNS or noun.lower_ in STANCE_NOUN_PREPOSITIONS \
            or owner.lower_ in FIRST_SECOND_POSSESSIVES:
        return []
    if owner.lower_ not in HOLDING_POSSESSIVES and (owner.pos_ == "PRON" or owner.ent_type_ in TIME_ENTITIES):
        return []
    of, target = _of_object(noun)
    if target is None or target.ent_type_ in TIME_ENTITIES:
        return []
    return [BroadFind(OF_SOURCE, f, mention(owner), True)
            for f in shape_content(scan, noun, of.i + 1, target.right_edge.i, scan.doc[noun.i:of.i + 1])]


def report_noun(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    if not _names_nobody(noun):
        return owned_of_content(scan, noun)
    doc = scan.doc
    out: list[BroadFind] = []
    of, target = _of_object(noun)
    speaker = _holder(scan, noun)
    if target is not None and not _holder_or_time(target):
        cue = doc[noun.i:of.i + 1]
        out += [BroadFind(OF_SOURCE, f, speaker, True)
                for f in shape_content(scan, noun, of.i + 1, target.right_edge.i, cue)]
    clause = _content_clause(noun) if not _after_there(noun) else None
    if clause is not None:
        out += [BroadFind(CLAUSE_SOURCE, f, speaker, True)
                for f in clause_without_mark(scan, noun, clause, doc[noun.i:noun.i + 1])]
    return out


def _holder(scan: QuoteScan, noun: Token) -> Span | None:
    """Who holds a report noun that names nobody itself: the subject of an authoring verb that governs
    it (``the union voiced complaints that …``) or of the verb its ``in`` hangs from (``the farmers
    marched in protest of …``), as a speaker (``holders.speaking``); else None."""
    return speaking(governing_subject(noun, scan.lexicon) or in_noun_subject(noun, scan.lexicon))


def _undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the report ``noun`` names: ``noun`` its object after one of
    ``UNDERGOING_VERBS`` (``drew criticism``), or after ``under`` hanging from a verb (``came under
    scrutiny``) or ``with`` from ``meet`` (``met with ridicule``); else None."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in UNDERGOING_VERBS:
        return head if head.i < noun.i else None
    if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX") \
            and (head.lower_ == "under" or head.lower_ == "with" and head.head.lemma_.lower() == "meet"):
        return head.head if head.head.i < noun.i else None
    return None


def undergone(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    """``rule:noun-target-subject``: the subject of a verb that undergoes one of ``TARGET_NOUNS`` (``the
    levy came under sharp criticism``, ``the plan drew complaints``): what the report is about, the
    verb and the noun the cue; the holder, when a possessor or ``from``/``by`` names one who can speak, the
    speaker."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in TARGET_NOUNS:
        return []
    verb = _undergoing_verb(noun)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None) \
        if verb is not None else None
    if subject is None or subject.lower_ == "there":
        return []
    # (``drew criticism from the mayor``: the parser hangs the ``from`` on the noun or on the verb)
    preps = list(noun.children) + [c for c in verb.children if c.i > noun.i]
    holders = [c for c in noun.children if c.dep_ == "poss"] + [
        g for c in preps if c.dep_ in ("prep", "agent") and c.lower_ in HOLDER_PREPOSITIONS
        for g in c.children if g.dep_ == "pobj"]
    holder = next((h for h in holders if could_speak(h)), None)
    doc = scan.doc
    speaker = mention(holder) if holder is not None else None
    return [BroadFind(TARGET_SOURCE, f, speaker, True)
            for f in content_quote(scan, verb, subject.left_edge.i, subject.right_edge.i, doc[verb.i:noun.i + 1])]


def undergone_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun object or a preposition's object, one of ``TARGET_NOUNS`` (as ``undergone`` reads it)."""
    return f.part_of_speech("NOUN") & f.label({"dobj", "pobj"}) & f.lemma_reads(TARGET_NOUNS)


def report_noun_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun with an ``of`` or a clause (``acl``) after it."""
    return f.part_of_speech("NOUN") & (f.parent_of(f.label({"prep"}) & f.reads({"of"}), "after")
                                       | f.child({"acl", "relcl"}, "after"))
