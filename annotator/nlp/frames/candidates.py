"""The attributions a document's parse could carry beyond the rules' word lists: every (cue word,
frame) pair whose frame can hold content, with the content cut by the rules' own code.

A *frame* is one of the quote rules' patterns (a finite clause, an infinitive, an object, a clause
without a tense, a ``… as`` view, a verb's preposition, an adjective's clause or preposition, a
noun's clause, colon or participle, a passive with a ``by`` agent). Each rule reads its cue words off
the lexicon; here it runs with a lexicon whose list for that frame holds *every* word (``ANY``), so
the rule proposes what any word in that position would carry, with the extent, the checks on the
subject and the reporter's additions exactly as the rule cuts them for its own words. Which words a
team annotates in which frame is what ``annotator_frames`` learns (``counts``)."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterator
from weakref import WeakKeyDictionary

import numpy
from spacy.tokens import Doc, Token

from annotator.nlp.doc_words import negated_tokens
from annotator.nlp.frames.gates import Gate, ParseFacts, parse_facts
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import (
    adjective_cue, adjective_object, commitment, evidence, noun_cue, object_of_cue, passive_judgement,
    prepositional_object, regard, reported, stance_object,
)
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan


class AnyWord(frozenset):
    """A word list that holds every word (and, as a mapping, gives every word every preposition)."""

    def __contains__(self, item: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True

    def __getitem__(self, key: str) -> AnyWord:
        return self

    def get(self, key: str, default: object = None) -> AnyWord:
        return self


ANY = AnyWord()


def _verb_word(found: FoundQuote) -> str:
    return found.cue[0].lemma_.lower()


def _with_preposition(found: FoundQuote) -> str:
    """``warn of``, ``critical of``: the word before the preposition ending the cue, and the preposition."""
    cue = found.cue
    return f"{cue[-2].lemma_.lower()} {cue[-1].lower_}" if len(cue) > 1 else cue[0].lemma_.lower()


def _last_word(found: FoundQuote) -> str:
    return found.cue[-1].lemma_.lower()


@dataclass(frozen=True)
class Frame:
    """One rule pattern: the rule (``at(scan, token)``), the lexicon list it reads its cue words from
    (opened to every word), which tokens it is tried on (verbs, or nouns), the word it is keyed by,
    and its ``gate``: where the rule can find anything at all (``gates``; None: tried on every token)."""

    name: str
    at: Callable[[QuoteScan, Token], list[FoundQuote] | FoundQuote | None]
    opens: str
    word: Callable[[FoundQuote], str] = _verb_word
    nouns: bool = False
    gate: Gate | None = None


# The gates: what each rule requires of the token before it looks further, read off its code (a
# necessary condition only: the rule decides). None of the rules takes a word between quotation
# marks, and all but the clause and the object rules refuse a negated one.

#: A verb with one of these children is passive or has a clause: not the object rules' (``object_of_cue._reports_there``).
NOT_OBJECT = frozenset({"auxpass", "nsubjpass", "ccomp"})
NOUN_CONTENT = frozenset({"acl", "ccomp", "relcl", "appos"})
#: The marks that open a noun's clause (the rule's own).
CLAUSE_MARKS = frozenset(noun_cue._CLAUSE_MARKS)


def _clause_gate(f: ParseFacts) -> numpy.ndarray:
    """A complement or question clause after the verb, or a ``that`` marking a clause somewhere below
    it, after it (``reported._that_clause_below``)."""
    return ~f.quoted & (f.child({"ccomp", "advcl"}, "after") | f.above({"mark"}, "that"))


def _infinitive_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.quoted & ~f.negated & f.child({"xcomp"}, "after")


def _object_gate(f: ParseFacts) -> numpy.ndarray:
    """An object that names something, or a gerund, after the verb (``object_of_cue._what_is_said``);
    negated or not."""
    thing = f.label({"dobj"}) & ~f.part_of_speech("DET", "NUM") & ~f.tagged({"WDT", "WP"}) \
        | f.label({"xcomp"}) & f.tagged({"VBG"})
    return ~f.quoted & f.parent_of(thing, "after") & ~f.child(NOT_OBJECT)


def _stance_gate(f: ParseFacts) -> numpy.ndarray:
    return _object_gate(f) & ~f.negated & f.label({"ROOT"})


def _evidence_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun or name subject, and a clause after the verb, or an object naming something after it
    with a common noun subject (``evidence._finding``)."""
    subject = f.label({"nsubj"})
    finding = f.parent_of(f.label({"dobj"}) & ~f.part_of_speech("PRON", "DET", "NUM"), "after") \
        & ~f.child({"auxpass"}) & f.parent_of(subject & f.part_of_speech("NOUN"))
    return ~f.quoted & ~f.negated & f.part_of_speech("VERB") & f.label(evidence.MAIN_DEPS) \
        & f.parent_of(subject & f.part_of_speech("NOUN", "PROPN")) & (f.child({"ccomp"}, "after") | finding)


def _regard_gate(f: ParseFacts) -> numpy.ndarray:
    """An object after the verb and an ``as`` phrase (or a predicate) after the verb or on the
    object (``regard._as_phrase_after``)."""
    as_phrase = f.label({"prep"}) & f.reads({"as"})
    on_object = f.label({"dobj"}) & f.parent_of(as_phrase)
    return ~f.quoted & ~f.negated & f.label({"ROOT", "conj"}) & f.child({"dobj"}, "after") & ~f.child(NOT_OBJECT) \
        & (f.parent_of(as_phrase | f.label({"oprd"}), "after") | f.parent_of(on_object, "after"))


def _preposition_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.quoted & ~f.negated & f.part_of_speech("VERB") & f.child({"prep", "prt"}, "after") \
        & ~f.child(NOT_OBJECT | {"dobj"})


def _adjective_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.quoted & ~f.negated & f.child({"acomp"}, "after")


def _passive_gate(f: ParseFacts) -> numpy.ndarray:
    return ~f.quoted & ~f.negated & f.child({"agent"}, "after") & f.child({"nsubjpass"}, "before")


def _noun_gate(f: ParseFacts) -> numpy.ndarray:
    """After the noun a clause marked ``that``/``whether``/``if``, an infinitive or a participle
    (``noun_cue.complement_clause``, ``_infinitive``, ``_participle_clause``), a colon right after
    it, or ``in`` above it (``in her view``)."""
    marked = f.label(NOUN_CONTENT) & f.parent_of(f.label({"mark"}) & f.reads(CLAUSE_MARKS), "before")
    acl = f.label({"acl"}) & f.tagged({"VB", "VBG"})
    return ~f.quoted & ~f.negated & (f.parent_of(marked | acl, "after") | f.next_is(":")
                                     | f.label({"pobj"}) & f.head_is("in"))


#: The frames, in the order they are tried on a token (a token proposes in every frame that fires).
FRAMES: tuple[Frame, ...] = (
    Frame("clause", reported.at, "clause_verbs", gate=_clause_gate),
    Frame("infinitive", commitment.at, "infinitive_verbs", gate=_infinitive_gate),
    Frame("object", object_of_cue.at, "object_verbs", gate=_object_gate),
    Frame("stance", stance_object.at, "stance_verbs", gate=_stance_gate),
    Frame("evidence", evidence.at, "evidence_verbs", gate=_evidence_gate),
    Frame("regard", regard.at, "regard_verbs", gate=_regard_gate),
    Frame("preposition", prepositional_object.at, "prepositional_verbs", _with_preposition, gate=_preposition_gate),
    Frame("adjective", adjective_cue.at, "adjectives", _last_word, gate=_adjective_gate),
    Frame("adjective preposition", adjective_object.at, "adjective_prepositions", _with_preposition,
          gate=_adjective_gate),
    Frame("passive", passive_judgement.at, "passive_verbs", gate=_passive_gate),
    Frame("noun", noun_cue.at, "nouns", _last_word, nouns=True, gate=_noun_gate),
)
FRAME_NAMES = tuple(frame.name for frame in FRAMES)


@dataclass(frozen=True)
class Candidate:
    """A content the parse gives in one frame, with its cue, and the keys it is counted under."""

    frame: str
    #: the cue word (lemma; with its preposition for the prepositional frames)
    word: str
    #: where the cue stands: its dependency label (``ROOT``, ``conj``, ``relcl`` …)
    place: str
    found: FoundQuote

    @property
    def chars(self) -> tuple[int, int]:
        return self.found.span.start_char, self.found.span.end_char


def opened(lexicon: Lexicon, attribute: str) -> Lexicon:
    """A copy of ``lexicon`` whose list ``attribute`` holds every word (made once per lexicon and
    list, and kept with the lexicon: read-only)."""
    kept = _OPENED.setdefault(lexicon, {})
    wide = kept.get(attribute)
    if wide is None:
        wide = kept[attribute] = copy.copy(lexicon)
        setattr(wide, attribute, ANY)
    return wide


#: Lexicon → list name → its ``opened`` copy, forgotten with the lexicon.
_OPENED: WeakKeyDictionary[Lexicon, dict[str, Lexicon]] = WeakKeyDictionary()


def candidates(doc: Doc, lexicon: Lexicon, frames: tuple[Frame, ...] = FRAMES, *,
               taken: list[tuple[int, int]] | None = None, gated: bool = True) -> list[Candidate]:
    """Every candidate of the document (its quote component must have run: ``doc.spans["quotes"]``),
    leaving out those overlapping a quote the rules found (or the ranges ``taken``). Each frame's
    rule is tried on the tokens its gate lets through (``gates.parse_facts``); ``gated=False``
    tries it on every verb or noun (the same candidates, slower)."""
    if not len(doc):
        return []
    if taken is None:
        taken = quote_ranges(doc)
    scan = QuoteScan.of(doc, lexicon)
    facts = parse_facts(doc)
    according = doc.vocab.strings["according"]
    verbs = [i for i in scan.cue_candidates if facts.lower[i] != according]
    nouns = numpy.flatnonzero(facts.part_of_speech("NOUN")).tolist()
    out: list[Candidate] = []
    seen: set[tuple[str, int, int]] = set()
    for frame in frames:
        frame_scan = _with_lexicon(scan, opened(lexicon, frame.opens))
        indices = nouns if frame.nouns else verbs
        if gated and frame.gate is not None:
            gate = frame.gate(facts)
            indices = [i for i in indices if gate[i]]
        for token in (doc[i] for i in indices):
            for found in _found(frame, frame_scan, token):
                start, end = found.span.start_char, found.span.end_char
                if found.cue is None or (frame.name, start, end) in seen or overlaps_any(start, end, taken):
                    continue
                seen.add((frame.name, start, end))
                out.append(Candidate(frame.name, frame.word(found), found.cue[0].dep_, found))
    return out


def _with_lexicon(scan: QuoteScan, lexicon: Lexicon) -> QuoteScan:
    """The scan with another lexicon, keeping what it read of the Doc alone (each token's offset; the
    Doc's columns are shared per Doc by ``doc_words.column``); what depends on the word lists (cue
    lemmas, cue candidates) is read anew."""
    wide = dataclasses.replace(scan, lexicon=lexicon)
    wide.__dict__["token_starts"] = scan.token_starts  # (a cached_property's value)
    if all(getattr(lexicon, name) is getattr(scan.lexicon, name) for name in CUE_LEMMA_LISTS):
        wide._cue_lemmas = scan._cue_lemmas  # the same cue lemmas: share what was read
    return wide


#: What ``QuoteScan.cue_lemma`` reads of its lexicon (``Lexicon.lemma_of`` and the cognition verbs):
#: an ``opened`` copy that shares them gives every token the same cue lemma.
CUE_LEMMA_LISTS = ("lemmas", "forms", "past_forms", "cognition")


def _found(frame: Frame, scan: QuoteScan, token: Token) -> Iterator[FoundQuote]:
    if frame.nouns and (scan.quoted(token.idx) or token.i in negated_tokens(token.doc)):
        return
    result = frame.at(scan, token)
    if result is None:
        return
    yield from (result if isinstance(result, list) else [result])


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges of the pre-labeled quotes (``doc.spans["quotes"]``; none before the rules ran)."""
    return [(q.start_char, q.end_char) for q in doc.spans["quotes"]] if "quotes" in doc.spans else []


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether the characters ``start:end`` share one with any of ``ranges``."""
    for s, e in ranges:  # (a loop: asked of every candidate against every quote, cheaper than ``any``)
        if start < e and s < end:
            return True
    return False


