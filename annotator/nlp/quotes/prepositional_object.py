"""What a verb of saying or asking takes through its preposition: ``called for new talks``,
``warned of a recession``, ``complained about the cuts``; the preposition's object is the
attribution's content (not a time phrase: ``agreed on Thursday``), the verb and its preposition the cue (the speaker is the verb's subject).
With ``for`` the thing asked may be a clause of its own, ``called for the mayor to resign``, which
the parser reads as an infinitive clause opened by ``for``: its subject and infinitive are the
content (``for_clause_at``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import meant_act, negated, to_infinitive
from annotator.nlp.name_words import REFLEXIVE_PRONOUNS, TIME_ENTITIES, reporting_subject
from annotator.nlp.quotes.clause_end import reporter_addition_cut
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.own_clause import own_clause
from annotator.nlp.quotes.said_to_be import said_to_be
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.lexicon import SUBJECT_DEPS


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    prepositions = scan.lexicon.prepositional_verbs.get(verb.lemma_.lower())
    if not prepositions or not _reports_there(scan, verb):
        return []
    prep = _preposition(verb, prepositions)
    if prep is None:
        return []
    thing = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if thing is None or thing.pos_ in ("PRON", "DET") or thing.tag_ in ("WDT", "WP") or when(thing):
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    doc = scan.doc
    cue = doc[verb.i:prep.i + 1] if prep.i - verb.i <= 2 else doc[verb.i:verb.i + 1]
    start, last = thing.left_edge.i, _last_asked(verb, thing)
    # ``referred to the senator, who is her longtime friend``: the reporter's addition, as after an object
    last = reporter_addition_cut(doc, start, last + 1) - 1
    return content_quote(scan, verb, start, last, cue)


#: Prepositions that place a time phrase in time (``on Thursday``, ``at noon``); with ``for`` a time
#: phrase may be what was asked (``asked for eight years``, a sentence), with ``about`` a topic.
TIME_PREPOSITIONS = frozenset({"on", "at", "in", "during", "until", "since", "by", "after", "before"})


def when(thing: Token) -> bool:
    """``agreed on Thursday``, ``spoke on Monday night``: a time phrase (the model's DATE or TIME) as
    the object of a preposition that places it in time says when, not what about."""
    return thing.ent_type_ in TIME_ENTITIES and thing.head.lower_ in TIME_PREPOSITIONS


def for_clause_at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``called for the mayor to resign``: after a verb of the lexicon's ``prepositional_verbs`` with
    ``for``, an infinitive clause with a subject of its own opened by ``for`` right after the verb;
    the clause without ``for`` is what was asked, ``called for`` the cue. (A report rule of its own:
    the learned frames open ``at`` to every verb and preposition, not this.)"""
    prepositions = scan.lexicon.prepositional_verbs.get(verb.lemma_.lower())
    if not prepositions or "for" not in prepositions or not _reports_there(scan, verb):
        return []
    clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i > verb.i
                   and to_infinitive(c)), None)
    if clause is None:
        return []
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ != "for" or opener.dep_ != "mark" or opener.head.i != clause.i or opener.i != verb.i + 1 \
            or not any(c.dep_ in SUBJECT_DEPS and c.i < clause.i for c in clause.children):
        return []
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    return content_quote(scan, verb, opener.i + 1, clause.right_edge.i, scan.doc[verb.i:opener.i + 1])


def _reports_there(scan: QuoteScan, verb: Token) -> bool:
    """An active verb, not negated, outside quote marks, in its sentence's own clause, with neither
    a clause nor an object (another rule's) and not an infinitive meant."""
    if verb.pos_ != "VERB" or negated(verb) or scan.quoted(verb.idx) \
            or verb.dep_ not in MAIN_DEPS and not own_clause(verb, scan.lexicon):
        return False
    if meant_act(verb):
        return False  # "refused to comment on it": an act refused, not one done
    # a passive has no speaker; a clause or an object is another rule's, not a reflexive one
    # (``distanced herself from the levy``: the subject again)
    return not any(c.dep_ in ("auxpass", "nsubjpass", "ccomp", "dobj") and c.lower_ not in REFLEXIVE_PRONOUNS
                   for c in verb.children)


def _preposition(verb: Token, prepositions: frozenset[str]) -> Token | None:
    """The verb's own preposition after it; after a particle (``lashed out at``, ``weighed in on``),
    the preposition that follows the particle."""
    children = list(verb.children)
    prep = next((c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in prepositions and c.i > verb.i), None)
    if prep is not None and prep.dep_ == "prt":
        return next((c for c in children if c.dep_ == "prep" and c.i > prep.i), None)
    return prep


def _last_asked(verb: Token, thing: Token) -> int:
    """The preposition's object's last token, or with ``called on the board to resign`` the last of
    what the person called on is to do, or with ``pointed to the port as a model`` the last of what
    the object is said to be (the ``as`` phrase right after it, as after a verb of regarding)."""
    last = thing.right_edge.i
    said = said_to_be(verb, last)
    if said is not None:
        return said.right_edge.i
    asked = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > last
                  and to_infinitive(c)), None)
    if asked is not None and asked.left_edge.i == last + 1:
        last = asked.right_edge.i
    return last
