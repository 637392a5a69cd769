"""Broad candidates: attributions in parse shapes the quote rules (and so the frames, which open the
rules' word lists) refuse whatever the word, each shape one source (``rule:NAME``). Each is a class
of the parse, never a word list: what makes one right is left to its measured right-rate
(``scores``), as for the frames.

* ``rule:raised-subject`` — the subject of a passive or raising verb with an infinitive or an
  ``as`` phrase (``the ruling is expected to …``, ``the senator is seen as …``, ``the plan appears
  to …``): attribution corpora cut such a content in two around its cue, and the subject is one
  piece; nobody is named, unless a ``by`` agent is;
* ``rule:raised-complement`` — that verb's infinitive or ``as`` phrase, the other piece;
* ``rule:embedded-object`` — the object of a verb standing inside another clause (a relative
  clause, a complement, a participle: ``the senator, who opposed the treaty, …``), for a subject
  that can speak (the object frame takes only a main clause's);
* ``rule:object-predicate`` — an object with what the verb says of it after it (``deemed the
  release a fair trade``, ``urged the court to act``, ``puts her support at 40 percent``): the
  object and that predicate together;
* ``rule:thing-subject`` — what a thing that cannot speak reports (``the poll shows the race
  tightening``, ``the report found that …``): its clause or object with the rest of the predicate;
* ``rule:negated-clause`` — a clause or infinitive under a negated verb (``did not expect to win``,
  ``never said whether …``), which the rules leave out (nothing was said);
* ``rule:nested-clause`` — a finite clause under a verb that stands inside another clause
  (``a senator who believes the deal will fail``), which the clause rule refuses;
* ``rule:first-person-clause`` — outside quotation marks, a clause or infinitive under a verb
  whose subject is ``I`` or ``we`` (the writer's own view: ``we believe the court erred``), with
  that pronoun as its speaker (the rules leave first persons to the quotes they stand in);
* ``rule:noun-preposition`` — a noun with a possessor and a prepositional complement (``her
  stance on trade``, ``the group's worries about the cost``): the preposition's object, with the
  possessor as its speaker; ``rule:bare-noun-preposition`` the same without a possessor
  (``voiced doubts about the levy``), its speaker the subject of the verb the noun hangs from
  (``holders.noun_holder``), else read by the speaker rules.

Tried and left out, right too seldom in every band (tuning, each source alone): the noun a
relative clause's verb leaves its object to (``the treaty the senator backed``: 0.12 / 0.15 / 0.14 by
band; with a verb of our cue classes only it pays: ``relative_report``), a noun with a past participle
after it (``a bridge planned for 2030``: 0.10 / 0.09 / 0.14), a passive's subject without an infinitive
(0.17 / 0.21 / 0.28, but half of the right ones then need their speaker fixed, which costs more than
they save).
"""

from __future__ import annotations

from typing import Callable, Mapping

import numpy
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Span, Token

from annotator.nlp.doc_words import finite, negated, to_infinitive
from annotator.nlp.frames.gates import Gate, ParseFacts, parse_facts
from annotator.nlp.cue_words import FIRST_SECOND_POSSESSIVES
from annotator.nlp.name_words import FIRST_SECOND_PERSON, HOLDING_POSSESSIVES, could_speak
from annotator.nlp.quotes.questions import QUESTION_MARKS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of
from annotator.nlp.suggest.adjective_infinitive import ADJECTIVE_INFINITIVE_SOURCE, adjective_infinitive, \
    adjective_infinitive_gate
from annotator.nlp.suggest.evidential import EVIDENTIAL_SOURCES, evidential, evidential_gate
from annotator.nlp.suggest.named import NAMED_SOURCES, REPORTED_SOURCE, named, named_gate, reported_gate, reported_noun
from annotator.nlp.suggest.copular import COPULAR_SOURCE, EXISTENTIAL_SOURCE, copular_clause, copular_gate, existential_clause, existential_gate
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import noun_holder
from annotator.nlp.suggest.partisan_noun import PARTISAN_SOURCE, partisan_gate, partisan_noun
from annotator.nlp.suggest.support_among import SUPPORT_AMONG_SOURCE, support_among, support_among_gate
from annotator.nlp.suggest.raised import raised, raised_gate
from annotator.nlp.suggest.report_noun import REPORT_NOUN_SOURCES, TARGET_SOURCE, report_noun, report_noun_gate, undergone, \
    undergone_gate
from annotator.nlp.suggest.seeming import SEEMING_SOURCES, seeming, seeming_gate

#: Where a verb stands in its own clause (the object frame's places).
MAIN_DEPS = frozenset({"ROOT", "advcl", "conj"})
#: The complements that carry what a verb says of its object, after the object.
PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "prep"})
#: A verb's complements that can carry what a subject reports, in the order they may follow it.
COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "dative"}) | {"prep"}
#: The prepositions a noun's stance or view points with (``on``, ``about``): function words of
#: English, not a list drawn from any corpus.
NOUN_PREPOSITIONS = frozenset({"on", "about", "over", "against", "toward", "towards", "regarding"})


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)


def _speaking_subject(scan: QuoteScan, verb: Token) -> Token | None:
    subject = subject_of(verb, scan.lexicon)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or not could_speak(subject):
        return None
    return subject


def embedded_object(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.dep_ in MAIN_DEPS or verb.pos_ != "VERB":
        return []
    dobj = _object(verb)
    if dobj is None or _speaking_subject(scan, verb) is None:
        return []
    cue = scan.doc[verb.i:verb.i + 1]
    return [BroadFind("rule:embedded-object", f)
            for f in shape_content(scan, verb, dobj.left_edge.i, dobj.right_edge.i, cue)]


def object_predicate(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    dobj = _object(verb)
    if dobj is None or verb.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    after = [c for c in verb.children if c.i > dobj.i and c.dep_ in PREDICATE_DEPS]
    if not after or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    last = max(c.right_edge.i for c in after)
    cue = scan.doc[verb.i:verb.i + 1]
    source = "rule:object-preposition" if all(c.dep_ == "prep" for c in after) else "rule:object-predicate"
    return [BroadFind(source, f) for f in shape_content(scan, verb, dobj.left_edge.i, last, cue)]


def thing_subject(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.pos_ != "VERB" or verb.dep_ not in MAIN_DEPS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ != "NOUN" or could_speak(subject):
        return []
    complements = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "ccomp")]
    if not complements or complements[0].dep_ == "ccomp" and not finite(complements[0]):
        return []
    first = complements[0]
    rest = [c for c in verb.children if c.i >= first.i and c.dep_ in COMPLEMENT_DEPS]
    start = after_that(first)
    cue = scan.doc[verb.i:verb.i + 1]
    last = max(c.right_edge.i for c in rest)
    return [BroadFind("rule:thing-subject", f) for f in shape_content(scan, verb, start, last, cue, min_tokens=2)]


def after_that(clause: Token) -> int:
    """Where a clause's words begin: after its ``that``, with a question's ``whether``/``if``
    (``QUESTION_MARKS``: part of what was asked)."""
    start = clause.left_edge.i
    doc = clause.doc
    while start < clause.i and doc[start].dep_ == "mark" and doc[start].lower_ not in QUESTION_MARKS:
        start += 1
    return start


def _clause(verb: Token) -> Token | None:
    """A finite clause or a ``to`` infinitive the verb governs after it."""
    for child in verb.children:
        if child.i <= verb.i:
            continue
        if child.dep_ == "ccomp" and finite(child):
            return child
        if child.dep_ == "xcomp" and to_infinitive(child):
            return child
    return None


def _clause_quote(scan: QuoteScan, verb: Token, clause: Token, source: str,
                  speaker: Span | None = None) -> list[BroadFind]:
    """The clause's words (after its ``that``) as ``source``'s candidate cued by ``verb``; with
    ``speaker``, that is its speaker, else the speaker rules read it."""
    cue = scan.doc[verb.i:verb.i + 1]
    return [BroadFind(source, f, speaker, speaker is not None)
            for f in shape_content(scan, verb, after_that(clause), clause.right_edge.i, cue, min_tokens=2)]


def negated_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``did not say whether the plant would close``: a negated verb's clause, for a subject who can speak."""
    if not negated(verb):
        return []
    clause = _clause(verb)
    if clause is None or _speaking_subject(scan, verb) is None:
        return []
    return _clause_quote(scan, verb, clause, "rule:negated-clause")


def first_person_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``we believe the court erred``, ``I doubt that it will``: outside quotation marks, the
    writer (or the writers) reporting their own view; the pronoun is the speaker."""
    if verb.pos_ != "VERB" or negated(verb):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("i", "we"):
        return []
    clause = _clause(verb)
    if clause is None:
        return []
    return _clause_quote(scan, verb, clause, "rule:first-person-clause", scan.doc[subject.i:subject.i + 1])


def nested_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``farmers who think the dam will fail``: the finite clause of a verb inside another clause."""
    if verb.dep_ in MAIN_DEPS or verb.pos_ != "VERB" or negated(verb):
        return []
    clause = next((c for c in verb.children if c.i > verb.i and c.dep_ == "ccomp" and finite(c)), None)
    if clause is None or _speaking_subject(scan, verb) is None:
        return []
    return _clause_quote(scan, verb, clause, "rule:nested-clause")


#: ``noun_preposition``'s sources: a noun's prepositional complement with a possessor who speaks, and without one.
NOUN_PREPOSITION_SOURCE, BARE_NOUN_PREPOSITION_SOURCE = "rule:noun-preposition", "rule:bare-noun-preposition"


def noun_preposition(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    """A noun's prepositional complement: with a possessor who can speak (a noun or a name, or his,
    her, their: ``HOLDING_POSSESSIVES``), that possessor is the speaker (``rule:noun-preposition``);
    without one, the speaker rules read it (``rule:bare-noun-preposition``, ``doubts about the
    levy``)."""
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if possessor is not None and possessor.lower_ not in HOLDING_POSSESSIVES \
            and (not could_speak(possessor) or possessor.lower_ in FIRST_SECOND_POSSESSIVES):
        return []
    doc = scan.doc
    source = NOUN_PREPOSITION_SOURCE if possessor is not None else BARE_NOUN_PREPOSITION_SOURCE
    out = []
    for prep in (c for c in noun.children if c.i > noun.i and c.dep_ == "prep" and c.lower_ in NOUN_PREPOSITIONS):
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            out += shape_content(scan, noun, prep.i + 1, pobj.right_edge.i, doc[noun.i:prep.i + 1])
    if not out:
        return []
    # without a possessor: the subject of the verb the noun hangs from (``voiced doubts about``)
    speaker = doc[possessor.left_edge.i:possessor.i + 1] if possessor is not None else noun_holder(noun, scan.lexicon)
    return [BroadFind(source, f, speaker, speaker is not None) for f in out]


#: The broad rules tried on verbs, and on nouns, each with the sources it proposes.
VERB_RULES: dict[tuple[str, ...], Callable[[QuoteScan, Token], list[BroadFind]]] = {
    ("rule:raised-subject", "rule:raised-complement"): raised,
    ("rule:embedded-object",): embedded_object,
    ("rule:object-predicate", "rule:object-preposition"): object_predicate,
    ("rule:thing-subject",): thing_subject,
    ("rule:negated-clause",): negated_clause,
    ("rule:nested-clause",): nested_clause,
    ("rule:first-person-clause",): first_person_clause,
    EVIDENTIAL_SOURCES: evidential,
    NAMED_SOURCES: named,
    (COPULAR_SOURCE,): copular_clause,
    (EXISTENTIAL_SOURCE,): existential_clause,
    (REPORTED_SOURCE,): reported_noun,
    SEEMING_SOURCES: seeming,
    (ADJECTIVE_INFINITIVE_SOURCE,): adjective_infinitive,
}
NOUN_RULES: dict[tuple[str, ...], Callable[[QuoteScan, Token], list[BroadFind]]] = {
    (NOUN_PREPOSITION_SOURCE, BARE_NOUN_PREPOSITION_SOURCE): noun_preposition,
    REPORT_NOUN_SOURCES: report_noun,
    (TARGET_SOURCE,): undergone,
    (PARTISAN_SOURCE,): partisan_noun,
    (SUPPORT_AMONG_SOURCE,): support_among,
}
BROAD_SOURCES: tuple[str, ...] = tuple(s for rules in (VERB_RULES, NOUN_RULES) for sources in rules for s in sources)


Rule = Callable[[QuoteScan, Token], list[BroadFind]]
Rules = dict[tuple[str, ...], Rule]


# Where each rule can find anything (``frames.gates``): what it requires of the token before it
# looks further, read off its code; the rule decides. A rule without a gate is tried on every verb
# (or noun) outside quotation marks.

def _noun_object(f: ParseFacts) -> numpy.ndarray:
    """A noun or name object after the verb (``_object``)."""
    return f.parent_of(f.label({"dobj"}) & f.part_of_speech("NOUN", "PROPN"), "after")


def _clause_after(f: ParseFacts) -> numpy.ndarray:
    """A complement clause or a ``to`` infinitive after the verb (``_clause``)."""
    return f.child({"ccomp"}, "after") | f.parent_of(f.label({"xcomp"}) & f.to_infinitive, "after")


def _embedded_object_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.label(MAIN_DEPS) & f.part_of_speech("VERB") & _noun_object(f)


def _object_predicate_gate(f: ParseFacts) -> numpy.ndarray:
    return f.part_of_speech("VERB") & _noun_object(f) & f.child(PREDICATE_DEPS, "after") \
        & f.child({"nsubj", "nsubjpass"}) & ~f.child({"auxpass"})


def _thing_subject_gate(f: ParseFacts) -> numpy.ndarray:
    """A common noun subject before the verb (the first one is), an object or clause after it."""
    return f.part_of_speech("VERB") & f.label(MAIN_DEPS) \
        & f.parent_of(f.label({"nsubj"}) & f.part_of_speech("NOUN"), "before") & f.child({"dobj", "ccomp"}, "after")


def _negated_clause_gate(f: ParseFacts) -> numpy.ndarray:
    return f.negated & _clause_after(f)


def _nested_clause_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.label(MAIN_DEPS) & f.part_of_speech("VERB") & ~f.negated & f.child({"ccomp"}, "after")


def _first_person_gate(f: ParseFacts) -> numpy.ndarray:
    """An ``I`` or ``we`` subject (the first one is) and a clause after the verb."""
    return f.part_of_speech("VERB") & ~f.negated & f.parent_of(f.label({"nsubj"}) & f.reads({"i", "we"})) \
        & _clause_after(f)


def _noun_preposition_gate(f: ParseFacts) -> numpy.ndarray:
    """One of ``NOUN_PREPOSITIONS`` after the noun, with an object."""
    return f.parent_of(f.label({"prep"}) & f.reads(NOUN_PREPOSITIONS) & f.child({"pobj", "pcomp"}), "after")


#: rule → its gate (a rule not here is tried on every verb or noun outside quotation marks).
GATES: dict[Rule, Gate] = {
    raised: raised_gate,
    embedded_object: _embedded_object_gate,
    object_predicate: _object_predicate_gate,
    thing_subject: _thing_subject_gate,
    negated_clause: _negated_clause_gate,
    nested_clause: _nested_clause_gate,
    first_person_clause: _first_person_gate,
    noun_preposition: _noun_preposition_gate,
    evidential: evidential_gate,
    named: named_gate,
    copular_clause: copular_gate,
    existential_clause: existential_gate,
    reported_noun: reported_gate,
    report_noun: report_noun_gate,
    seeming: seeming_gate,
    adjective_infinitive: adjective_infinitive_gate,
    partisan_noun: partisan_gate,
    support_among: support_among_gate,
    undergone: undergone_gate,
}


def broad_candidates(scan: QuoteScan, sources: frozenset[str] | set[str], *, gated: bool = True) -> list[BroadFind]:
    """Every candidate of the broad rules among ``sources`` (overlapping each other or a pre-label:
    the caller leaves those out)."""
    return shape_candidates(scan, sources, VERB_RULES, NOUN_RULES, gated=gated)


def shape_candidates(scan: QuoteScan, sources: frozenset[str] | set[str], verb_rules: Rules,
                     noun_rules: Rules, *, gates: Mapping[Rule, Gate] | None = None,
                     gated: bool = True) -> list[BroadFind]:
    """Every candidate among ``sources`` of ``verb_rules`` (tried on each verb outside quotation
    marks) and ``noun_rules`` (on each noun), in one pass over the Doc's parts of speech, token by
    token. A rule with a gate (in ``gates``, by default the broad rules' ``GATES``) is tried only
    where its gate lets it (``gates.parse_facts``); ``gated=False`` tries every rule on every such
    token (the same candidates, slower)."""
    gates = GATES if gates is None else gates
    doc = scan.doc
    on_verbs = [rule for names, rule in verb_rules.items() if sources.intersection(names)]
    on_nouns = [rule for names, rule in noun_rules.items() if sources.intersection(names)]
    if not on_verbs and not on_nouns:
        return []
    facts = parse_facts(doc)
    everywhere = numpy.ones(len(doc), dtype=bool)
    masks = {rule: gates[rule](facts) if gated and rule in gates else everywhere for rule in on_verbs + on_nouns}
    tried = numpy.zeros(len(doc), dtype=bool)
    by_pos = {}
    for pos, rules in ((VERB, on_verbs), (AUX, on_verbs), (NOUN, on_nouns)):
        if rules:
            by_pos[pos] = [(rule, masks[rule]) for rule in rules]
            tried |= (facts.pos == pos) & numpy.logical_or.reduce([masks[rule] for rule in rules])
    out: list[BroadFind] = []
    for i in numpy.flatnonzero(tried & ~facts.quoted).tolist():
        token = doc[i]
        for rule, mask in by_pos[int(facts.pos[i])]:
            if mask[i]:
                out += rule(scan, token)
    return [find for find in out if find.source in sources]
