"""``rule:relative-report``: a noun whose relative clause says, thinks, wants or judges it, the
clause's subject the one who does: ``the toll plan the mayor keeps defending``, ``a ferry route
that the pilots fear the board will cut``, ``the old pier, which the fishermen hope to save``. The
noun phrase before the clause is the content, the clause's verb the cue, its subject the speaker.
Only a verb of our cue classes (``cue_words.CUE_VERB_CLASSES``) whose object the noun fills (the
verb, and a clause or infinitive under it, has no object of its own): the same shape with any verb
was measured right too seldom (``broad``'s module notes). The pre-label rules take the lexicon's
object and stance verbs in a contact clause (``quotes.contact_relative``) and with a relative
pronoun (``object_of_cue.relative_at``); this takes the rest, as a suggestion.

``rule:what-object``: a free relative ``what`` as the object of such a verb (``it echoed what the
board wrote in May``, ``what she described as a fair toll``): the ``what`` alone is the content, as
attribution corpora mark it (what it stands for is the rest of the sentence's business)."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.cue_words import FREE_CHOICE_WORDS, LISTENER_VERBS, RELATIVE_ADVERB_NOUNS, RELATIVE_OBJECTS, \
    cue_verb_class
from annotator.nlp.doc_words import negated, passive
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.name_words import TIME_ENTITIES
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import speaking_subject

RELATIVE_REPORT_SOURCE = "rule:relative-report"
WHAT_OBJECT_SOURCE = "rule:what-object"
#: How the parser hangs a relative clause (with or without a relative word) on its noun.
RELATIVE_DEPS = frozenset({"relcl", "acl"})
#: What the noun may be: a noun, a name, a number or pronoun standing for one (``one she fears``).
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: The cue classes left out: what one wants, needs or tries (``the funds the port needs``) is seldom
#: an attribution in a relative clause (tuning: 3 of about 20 shown).
LEFT_CLASSES = ("intention",)
#: The complements the noun's gap may sit in (``fear the board will cut``, ``hope to save``).
GAP_DEPS = frozenset({"ccomp", "xcomp"})


def relative_report(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    noun = verb.head
    if verb.dep_ not in RELATIVE_DEPS or verb.pos_ != "VERB" or noun.pos_ not in NOUN_POS or noun.i > verb.i \
            or passive(verb) or negated(verb) or not _finite(verb) or _free_choice(noun) or _adverbial(noun) \
            or _filled(verb) or _through_preposition(verb):
        return []
    cue = _cue_verb(verb)
    if cue is None or _relative_held(scan, verb, cue.lemma_.lower()):
        return []
    speaker = speaking_subject(verb, scan.lexicon)
    if speaker is None or not speaker.start > noun.i:
        return []
    found = shape_content(scan, verb, noun.left_edge.i, verb.left_edge.i - 1 - _comma(verb), scan.doc[cue.i:cue.i + 1])
    return [BroadFind(RELATIVE_REPORT_SOURCE, f, speaker, True) for f in found]


def what_object(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    what = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "what" and c.i < verb.i), None)
    if what is None or verb.pos_ != "VERB" or passive(verb) or negated(verb) or _cue_verb(verb) is not verb:
        return []
    speaker = speaking_subject(verb, scan.lexicon)
    if speaker is None:
        return []
    found = shape_content(scan, verb, what.i, what.i, scan.doc[verb.i:verb.i + 1])
    return [BroadFind(WHAT_OBJECT_SOURCE, f, speaker, True) for f in found]


def _cue_verb(verb: Token) -> Token | None:
    """The verb of our cue classes the clause turns on: its own verb, or the infinitive or gerund
    that verb takes (``keeps defending``, ``has come to regret``)."""
    for word in (verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")):
        lemma = word.lemma_.lower()
        if cue_verb_class(lemma) not in (None, *LEFT_CLASSES) and lemma not in LISTENER_VERBS and not negated(word):
            return word
    return None


def _finite(verb: Token) -> bool:
    """A tensed verb, or one with an auxiliary (``the plan he is pushing``), not a bare participle
    (``the man seeking``: no clause of its own)."""
    return verb.tag_ not in ("VBG", "VBN") or any(c.dep_ == "aux" for c in verb.children)


def _adverbial(noun: Token) -> bool:
    """A noun the clause hangs from as a time, place, manner or cause (``RELATIVE_ADVERB_NOUNS``, a
    date or time), or a question's (``which bill she backed``)."""
    return noun.lemma_.lower() in RELATIVE_ADVERB_NOUNS or noun.ent_type_ in TIME_ENTITIES \
        or any(c.dep_ == "det" and c.tag_ == "WDT" for c in noun.children)


def _through_preposition(verb: Token) -> bool:
    """The relative word is a preposition's object (``the rally at which she pledged``, ``with whom
    he contended``): the noun is no object of the verb."""
    return any(t.i < verb.i and t.dep_ == "pobj" and t.tag_ in ("WDT", "WP") for t in verb.subtree)


def _comma(verb: Token) -> int:
    """1 when a punctuation mark stands right before the relative clause (a comma or a dash: ``the old
    pier, which …``), left out of the content."""
    start = verb.left_edge.i
    return int(start > 0 and verb.doc[start - 1].is_punct)


def _object_of(verb: Token) -> bool:
    """The verb has an object of its own (a relative pronoun, which stands for the noun, is none)."""
    return any(c.dep_ == "dobj" and not _relative_pronoun(c) for c in verb.children)


def _filled(verb: Token) -> bool:
    """The verb's object is its own, or its clause or infinitive has one: the noun fills no gap. Or
    the noun is the subject of the verb's clause (``a rule that she said was unfair``): what is
    reported is that clause, noun and all, another shape."""
    return _object_of(verb) or any(c.dep_ in GAP_DEPS and _object_of(c) for c in verb.children) \
        or any(c.dep_ == "ccomp" and _subjectless(c) for c in verb.children)


def _subjectless(clause: Token) -> bool:
    """A clause whose subject is a relative word, or missing (the noun before it stands for it)."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    return subject is None or _relative_pronoun(subject)


def _relative_pronoun(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") or token.lower_ == "that"


def _relative_held(scan: QuoteScan, verb: Token, lemma: str) -> bool:
    """A relative pronoun object of an object or stance verb: ``object_of_cue.relative_at``'s report."""
    lexicon = scan.lexicon
    return (lemma in lexicon.object_verbs or lemma in lexicon.stance_verbs) \
        and any(c.dep_ == "dobj" and c.lower_ in RELATIVE_OBJECTS for c in verb.children)


def _free_choice(noun: Token) -> bool:
    return noun.lower_ in FREE_CHOICE_WORDS or any(c.dep_ == "det" and c.lower_ in FREE_CHOICE_WORDS
                                                   for c in noun.children)


def what_object_gate(f: ParseFacts) -> numpy.ndarray:
    """A verb, not negated, with a ``what`` object before it."""
    return f.part_of_speech("VERB") & ~f.negated & f.parent_of(f.label({"dobj"}) & f.reads({"what"}), "before")


def relative_report_gate(f: ParseFacts) -> numpy.ndarray:
    """A verb hung on a word before it as a relative clause, not negated."""
    return f.part_of_speech("VERB") & f.label(RELATIVE_DEPS) & ~f.negated
