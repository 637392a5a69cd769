"""``rule:raised-subject`` and ``rule:raised-complement``: the two pieces of a passive or raising
verb's content (``the ruling is expected | to …``, ``the plan appears | to have stalled``, ``the
senator is seen | as …``, ``the pier was declared | unsafe``, ``the captain was charged | with …``,
``the mayor seems | confident about …``, ``it seems that …``), as attribution corpora cut it around
its cue; nobody is named unless a ``by`` agent is; ``it is unclear whether …`` is read as ``it seems
that …``. A negated verb is cut the same way (``is not expected | to …``: what is not expected is
reported all the same). The rule (``raised``) and the gate that says where it can find anything
(``raised_gate``, see ``broad``'s gates)."""

from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from annotator.nlp.doc_words import to_infinitive
from annotator.nlp.cue_words import RAISING_VERBS
from annotator.nlp.name_words import TIME_ENTITIES
from annotator.nlp.lexicon import SUBJECT_DEPS, WH_WORDS
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.passive_agent import stray_agent
from annotator.nlp.suggest.find import BroadFind, shape_content

#: The source of a raising verb's subject piece (``the hull appears | to be cracked``).
RAISED_SUBJECT_SOURCE = "rule:raised-subject"
#: The source of its complement piece (``the hull appears to | be cracked``).
RAISED_COMPLEMENT_SOURCE = "rule:raised-complement"

#: What a raising verb says its subject seems to be, besides an infinitive: an adjective (``seems
#: ready``), a noun (``seemed an insult``), a ``like``/``as`` phrase (``looks like a trap``).
RAISED_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
RAISED_PREPOSITIONS = frozenset({"like", "as"})
#: After a passive, the prepositions that bring what it reports of its subject: a topic (``was asked
#: about``, ``was questioned over``), a reason (``was praised for``) or a charge (``was accused of``,
#: ``was charged with``). Function words of English by that class, not a list drawn from a corpus.
CHARGE_PREPOSITIONS = frozenset({"about", "over", "for", "of", "with"})
#: What a passive says of its subject after it: a predicate (``was declared | the winner``) or, as the
#: parser often reads one, a second object (``was crowned | the queen``, ``were sent | warnings``).
PASSIVE_PREDICATE_DEPS = frozenset({"oprd", "dobj"})
#: The marks of a clause a raising verb says its subject seems like (``seemed like the board had …``,
#: ``appeared as if nobody cared``), which the parser hangs from it as an ``advcl``.
SEEMING_MARKS = frozenset({"like", "as", "if"})
#: The forms of the raising verbs (regular verbs: ``seems``, ``appeared``), read where the parser makes one
#: an auxiliary and lemmatizes it as itself.
RAISING_FORMS = frozenset(verb + end for verb in RAISING_VERBS for end in ("", "s", "ed", "ing"))
#: What the reporter tells of a subject after a comma (``the pier, which …``, ``Ms. Ode, the …``).
SUBJECT_ASIDES = frozenset({"relcl", "appos"})
#: The children a past participle heading a clause of its own has (``was asked``, ``she asked``).
CLAUSE_CHILDREN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "agent"})
#: The linking verbs whose adjective or noun can judge a clause with an empty ``it`` (``it is unclear
#: whether …``, ``it remains unclear how …``, ``it became clear that …``).
JUDGING_LINKS = frozenset({"be", "remain", "stay", "become"})
#: Adjectives of knowing after which the parser now and then hangs a question as an adverbial clause
#: (``it was unclear just when the porters would meet``): English words, not a corpus list.
KNOWING_ADJECTIVES = frozenset({"clear", "unclear", "uncertain", "unknown", "obvious", "evident", "apparent",
                                "certain", "doubtful", "known", "plain"})


def _charge(verb: Token, prep: Token) -> bool:
    """One of ``CHARGE_PREPOSITIONS`` after the passive, not set off by a comma (``…, with the judge
    saying``) and not bringing a date or a time (``jailed for six years``)."""
    if prep.lower_ not in CHARGE_PREPOSITIONS or any(t.is_punct for t in verb.doc[verb.i + 1:prep.i]):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is None or obj.ent_type_ not in TIME_ENTITIES


def _predicate(complement: Token) -> bool:
    """What a raising verb says its subject seems, one word enough: an adjective or noun (``seems
    tired``) or a participle without ``to`` (``appeared paralyzed``)."""
    return complement.dep_ in RAISED_PREDICATE_DEPS \
        or complement.dep_ in ("xcomp", "advcl") and not any(c.dep_ in ("aux", "mark") for c in complement.children)


def marked_like(clause: Token) -> bool:
    """A clause marked ``like`` or ``as if`` (``SEEMING_MARKS``)."""
    return any(g.dep_ == "mark" and g.lower_ in SEEMING_MARKS and g.i < clause.i for g in clause.children)


def _loose_predicate(verb: Token, after: list[Token]) -> Token | None:
    """What a raising verb says its subject seems, as the parser now and then hangs it: a participle
    without a subject (``appeared stunned`` read as an ``advcl``), a clause marked ``like`` or ``as
    if`` (``seemed like the board had …``), or a noun read as an object (``seemed a snub``); not set
    off by a comma."""
    for c in after:
        if any(t.is_punct for t in verb.doc[verb.i + 1:c.left_edge.i]):
            return None
        if c.dep_ == "dobj" or c.dep_ == "advcl" and (
                c.tag_ == "VBN" and not any(g.dep_ in CLAUSE_CHILDREN for g in c.children) or marked_like(c)):
            return c
    return None


def _raised_aux(verb: Token) -> tuple[Token | None, Token] | None:
    """A raising verb the parser reads as the auxiliary of the participle or adjective after it
    (``the captain seemed | shaken by the storm``, ``has seemed | torn between …``; it lemmatizes
    such an auxiliary as itself, ``seemed``): that word's subject, and the word."""
    head = verb.head
    if head.i <= verb.i or head.tag_ not in ("VBN", "JJ"):
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    return None if subject is None or subject.lower_ in ("it", "there") else (subject, head)


def _judged_clause(children: list[Token]) -> Token | None:
    """The clause ``be`` (or ``JUDGING_LINKS``' other verbs) + an adjective or noun judges, with an empty
    ``it`` (``it is unclear whether …``, ``nor was it clear that …``, ``it was no secret that …``: the
    ``ccomp`` after it, or a question the parser read as an ``advcl``, ``_question_clause``) or, a question
    put, as its subject (``whether the ferry will run is unclear``: the ``csubj`` marked ``whether`` or
    ``if``, the mark kept, or led by a question word, ``_asked``; not a gerund's or a ``what`` clause,
    seldom reported); else None."""
    if not any(c.dep_ in ("acomp", "attr") for c in children):
        return None
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children):
        return next((c for c in children if c.dep_ == "ccomp" and c.i > c.head.i), None) or _question_clause(children)
    return next((c for c in children if c.dep_ == "csubj" and c.i < c.head.i and (any(
        g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children) or _asked(c, children))), None) \
        if any(c.dep_ == "acomp" for c in children) else None


def _asked(clause: Token, children: list[Token]) -> bool:
    """A clause that puts a question (its first word, or first after an adverb, a question word
    other than ``what``: ``exactly when the pier will reopen``) beside an adjective of knowing."""
    if not any(c.dep_ == "acomp" and c.lower_ in KNOWING_ADJECTIVES for c in children):
        return False
    words = [t for t in clause.doc[clause.left_edge.i:clause.i] if t.pos_ != "ADV" or t.lower_ in WH_WORDS]
    return bool(words) and words[0].lower_ in WH_WORDS - {"what"}


def _question_clause(children: list[Token]) -> Token | None:
    """A question after an adjective of knowing that the parser read as an adverbial clause (``it was
    not yet clear precisely when the pier would reopen``): an ``advcl`` after the adjective whose first
    word, or first after an adverb, is a question word; else None (``it was quiet when …``)."""
    return next((c for c in children if c.dep_ == "advcl" and c.i > c.head.i and _asked(c, children)), None)


def raised_pair(verb: Token) -> tuple[Token | None, Token] | None:
    """The subject and the infinitive, ``as`` phrase, predicate (``is considered a risk``) or
    preposition of a charge (``was accused of``) of a passive or raising verb, or what a raising verb
    says its subject seems (``seems ready``, ``seemed a snub``, ``looks like a trap``); for ``it
    seems that …``, ``it is unclear whether …`` or a passive's clause (``was told that …``) no subject
    and the clause; else None. A coordinated verb without a subject shares the one before it."""
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    raising = verb.lemma_.lower() in RAISING_VERBS
    if verb.dep_ in ("aux", "auxpass"):
        return _raised_aux(verb) if verb.lower_ in RAISING_FORMS else None
    if verb.lemma_.lower() in JUDGING_LINKS and (judged := _judged_clause(children)) is not None:
        return None, judged
    if not passive and not raising:
        return None
    subject = next((c for c in children if c.dep_ == ("nsubjpass" if passive else "nsubj") and c.i < verb.i), None)
    if subject is None and verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in children):
        # ``two firms bid for the route but are not considered rivals``: the subject it shares
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS and c.i < verb.head.i), None)
    after = [c for c in children if c.i > verb.i]
    expletive = raising and not passive and subject is not None and subject.lower_ == "it"
    if expletive and (clause := next((c for c in after if c.dep_ == "ccomp"), None)) is not None:
        return None, clause
    if subject is None or subject.lower_ == "there":
        return None  # (a pronoun subject is a piece: ``it appeared to``, ``which seemed to``)
    complement = next((c for c in after if c.dep_ == "xcomp" and to_infinitive(c)), None)
    if complement is None and passive:
        complement = next((c for c in after if c.dep_ in PASSIVE_PREDICATE_DEPS or c.dep_ == "prep" and c.lower_ == "as"), None) \
            or next((c for c in after if c.dep_ == "prep" and _charge(verb, c)), None)
    if complement is None and passive and (clause := next((c for c in after if c.dep_ == "ccomp"), None)) is not None:
        # ``was told that …``, ``was assured the bridge was safe``, ``it is believed that …``: the clause
        # alone (the subject was told, or is empty)
        return None, clause
    if complement is None and raising:
        complement = next((c for c in after if c.dep_ in RAISED_PREDICATE_DEPS or c.dep_ == "xcomp"
                           or (c.dep_ == "prep" and c.lower_ in RAISED_PREPOSITIONS)), None) \
            or _loose_predicate(verb, after)
        if expletive and complement is not None and complement.dep_ == "advcl":
            return None, complement  # ``it seemed like the board had …``: the clause alone
    if complement is None:
        return None
    # ``it seems unlikely …``: an empty ``it``; ``it appeared to undercut …``: a pronoun, a piece
    return (None if expletive and complement.dep_ != "xcomp" else subject), complement


def raising_cue(cue: Span | None) -> bool:
    """A cue holding an active raising verb (``RAISING_VERBS``: ``seems``, ``appeared to``): it reports
    how its subject seems, not what its subject says, so its subject is no source and no candidate on
    it is given a speaker (``propose``). A passive (``was seen as``) is left to the speaker rules."""
    return cue is not None and any(t.lemma_.lower() in RAISING_VERBS and t.pos_ in ("VERB", "AUX")
                                   and not any(c.dep_ == "auxpass" for c in t.children) for t in cue)


def done_to_speaker(cue: Span | None) -> bool:
    """A cue that is a bare past participle, no subject, auxiliary or agent of its own (``Asked about
    the boats, the mayor said …``, ``the mayor, when asked about …``): a passive whose subject is the
    one it was done to, by nobody named, so the subject it shares is no source."""
    return cue is not None and any(t.tag_ == "VBN" and t.dep_ in ("advcl", "acl", "relcl")
                                   and not any(c.dep_ in CLAUSE_CHILDREN for c in t.children) for t in cue)


def bare_subject_end(subject: Token) -> int:
    """The subject's last token before what the reporter tells of it after a comma, a relative clause
    or an apposition (``the pier, which opened in May, is expected …``, ``Ms. Ode, the new harbour
    master, is seen as …``): who or what is expected is the noun, not the reader's aside."""
    doc = subject.doc
    asides = [c.left_edge.i - 1 for c in subject.children
              if c.i > subject.i and c.dep_ in SUBJECT_ASIDES and doc[c.left_edge.i - 1].text == ","]
    return min(asides, default=subject.right_edge.i + 1) - 1


def raised(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    pair = raised_pair(verb)
    if pair is None:
        return []
    subject, complement = pair
    doc = scan.doc
    cue = doc[verb.i:verb.i + 1]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else stray_agent(verb)
    speaker = doc[source.left_edge.i:source.right_edge.i + 1] if source is not None else None
    # (past the verb when after it: a participle it is read as the auxiliary of holds the subject,
    # ``seemed shaken``; a clause subject stands before it, ``whether … is unclear``)
    start = complement.i if complement.dep_ == "prep" else complement.left_edge.i if complement.i < verb.i \
        else max(complement.left_edge.i, verb.i + 1)
    if complement.dep_ == "ccomp" and doc[start].dep_ == "mark" and doc[start].head.i == complement.i:
        start += 1  # ``it seems that …``: the clause without its ``that``
    out = [] if subject is None else [BroadFind(RAISED_SUBJECT_SOURCE, f, speaker, True)
                                      for f in content_quote(scan, verb, subject.left_edge.i, bare_subject_end(subject), cue)]
    # (the reporter's addition after a comma or a lone dash, ``is expected to win, which would …``, is no part)
    out += [BroadFind(RAISED_COMPLEMENT_SOURCE, f, speaker, True)
            for f in shape_content(scan, verb, start, complement.right_edge.i, cue,
                                   min_tokens=1 if _predicate(complement) else 2)]
    return out


#: The lemmas of an active verb ``raised_pair`` reads (a raising verb, or a link of ``_judged_clause``).
_ACTIVE_LEMMAS = RAISING_VERBS | JUDGING_LINKS


def raised_gate(f: ParseFacts) -> numpy.ndarray:
    """A passive with its subject before it and a ``to`` infinitive, a predicate (``oprd``, ``dobj``), a
    clause or a preposition after it, or an active raising verb (or a link, ``it is unclear whether``:
    ``_ACTIVE_LEMMAS``, as ``raised_pair`` asks) with its subject before it and after it an infinitive, a
    predicate, a ``like`` or ``as`` phrase or a clause."""
    infinitive = f.parent_of(f.label({"xcomp"}) & f.to_infinitive, "after")
    passive = f.child({"auxpass"})
    seeming = f.child(RAISED_PREDICATE_DEPS | {"xcomp", "ccomp", "advcl", "dobj"}, "after") \
        | f.parent_of(f.label({"prep"}) & f.reads(RAISED_PREPOSITIONS), "after")
    shared = f.label({"conj"})  # (a coordinated verb may share the subject of the one before it)
    return passive & (f.child({"nsubjpass"}, "before") | shared) \
        & (infinitive | f.child(PASSIVE_PREDICATE_DEPS | {"prep", "ccomp"}, "after")) \
        | ~passive & (f.child({"nsubj"}, "before") | shared) & seeming & f.lemma_reads(_ACTIVE_LEMMAS) \
        | f.label({"aux", "auxpass"}) & f.reads(RAISING_FORMS) \
        | f.child({"ccomp"}, "after") & f.child({"nsubj"}, "after") | f.child({"csubj"}, "before")
    # (last: a raising verb read as the auxiliary of the word after it, ``seemed shaken``; ``nor was it
    # clear that …``; ``whether the ferry will run is unclear``)
