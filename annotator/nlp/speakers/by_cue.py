"""The speaker a quote's cue points to: the cue rules asked in order, the first answer with words
outside the quote winning."""

from __future__ import annotations

from typing import Callable, Mapping

import numpy
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Span

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import any_equal, children_labelled, column

from annotator.nlp.lexicon import TENSED_VERB_TAGS, Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.speakers import (
    according_to, according_to_report, after_mark, cue_subject, deep_subject, description_after_mark, headline,
    infinitive_owner, interviewee, inverted, judgement_source, left_clause_subject, main_subject, next_to_cue, noun_cue,
    passive_agent, reduced_relative, relative_antecedent, reported_conjunct, set_off_subject, title_case_headline,
)
from annotator.nlp.speakers.before_quote import cut_before_quote
from annotator.nlp.speakers.scan import ACCORDING, COLON, INTERVIEW, VERB, SpeakerScan, cue_kind

#: A cue rule: the speaker a quote's cue points to, or None when the cue is not of its pattern.
#: ``quote`` is None when a caller asks about a cue alone.
CueRule = Callable[[SpeakerScan, Span, "Span | None"], "Span | None"]

#: The cue rules, in order.
CUE_RULES: tuple[CueRule, ...] = (
    headline.find,
    interviewee.find,
    according_to.find,
    passive_agent.find,
    judgement_source.find,
    title_case_headline.find,
    infinitive_owner.find,
    according_to_report.find,
    set_off_subject.find,
    cue_subject.find,
    relative_antecedent.find,
    noun_cue.find,
    after_mark.find,
    description_after_mark.find,
    inverted.find,
    next_to_cue.find,
    main_subject.find,
    deep_subject.find,
    reduced_relative.find,
    left_clause_subject.find,
)
#: The cue rules that answer only for one kind of cue (``scan.cue_kind``; each returns None for
#: another first thing): ``speaker_from_rules`` skips them for the other kinds.
RULE_KINDS: dict[CueRule, str] = {
    headline.find: COLON, interviewee.find: INTERVIEW, according_to.find: ACCORDING,
    **{rule: VERB for rule in (according_to_report.find, passive_agent.find, judgement_source.find,
                               title_case_headline.find, reported_conjunct.find, cue_subject.find, infinitive_owner.find,
                               relative_antecedent.find, noun_cue.find, after_mark.find, description_after_mark.find,
                               inverted.find, next_to_cue.find, deep_subject.find, reduced_relative.find,
                               left_clause_subject.find, set_off_subject.find)},
}
#: The cue rules for the pre-labels' own cues: ``reported_conjunct`` before ``cue_subject`` too. Not
#: for the suggestions' cues: a speaker found there lifts a proposal of a wrong extent over the
#: promotion threshold (``… and criticized the referees for the late penalty``: ``the late penalty``).
_AT_SUBJECT = CUE_RULES.index(cue_subject.find)
PRE_LABEL_RULES: tuple[CueRule, ...] = (*CUE_RULES[:_AT_SUBJECT], reported_conjunct.find, *CUE_RULES[_AT_SUBJECT:])
#: The rules that read a verb (for an attribution verb the quote rules did not take as a cue).
VERB_RULES: tuple[CueRule, ...] = (cue_subject.find, after_mark.find, inverted.find)


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    """Each quote with a cue: the first answer of the cue rules."""
    speakers = {}
    for index, cue in scan.cues.items():
        if index not in found:
            speaker = speaker_from_rules(scan, cue, scan.quotes[index], PRE_LABEL_RULES)
            if speaker is not None:
                speakers[index] = speaker
    return speakers


def speaker_from_rules(scan: SpeakerScan, cue: Span, quote: Span | None,
                       rules: tuple[CueRule, ...] = CUE_RULES) -> Span | None:
    """The first acceptable answer of ``rules`` for ``cue`` (and the quote it introduces)."""
    kind = cue_kind(cue)
    closed = _closed_rules(cue) if kind == VERB else _NONE_CLOSED
    if kind == VERB and passive_cue(cue):
        rules = tuple(rule for rule in rules if rule is passive_agent.find)  # only ``by`` names a source
    for rule in rules:
        if RULE_KINDS.get(rule, kind) != kind or rule in closed:
            continue  # (it would answer None)
        speaker = cut_before_quote(rule(scan, cue, quote), quote)
        if scan.acceptable(speaker, quote):
            return speaker
    return None


#: ``'s`` before a participle is as often ``has`` (``he's said that …``) as ``is``: no sure passive.
_HAS_OR_IS = frozenset({"'s", "’s"})


def passive_cue(cue: Span) -> bool:
    """``when it was revealed that …``, ``is widely expected to …``, ``after being asked to …``: a passive
    cue names its source only by a ``by`` agent; its subject is what was said or who was told, and the
    subject of the sentence around it is not its source either."""
    doc = cue.doc
    auxiliaries = children_labelled(doc, "auxpass").get(cue.root.i, ())  # (read once per Doc)
    return any(doc[i].lower_ not in _HAS_OR_IS for i in auxiliaries)


def _labelled(doc: Doc, attr: int, *values: str) -> numpy.ndarray:
    """The tokens whose ``attr`` (``DEP``, ``LOWER``, ``POS``, ``TAG``, ``ORTH``) is one of ``values``."""
    return any_equal(column(doc, attr), [doc.vocab.strings[value] for value in values])


def _heads(doc: Doc) -> numpy.ndarray:
    return numpy.arange(len(doc)) + column(doc, HEAD).astype(numpy.int64)


def _parents(doc: Doc, children: numpy.ndarray) -> numpy.ndarray:
    """The tokens with a child among ``children`` (a root is not its own child)."""
    heads = _heads(doc)
    found = numpy.zeros(len(doc), dtype=bool)
    found[heads[children & (heads != numpy.arange(len(doc)))]] = True
    return found


def _comma_after(doc: Doc) -> numpy.ndarray:
    """The tokens whose next word (spaces passed over, as ``word_after``) is a comma."""
    words = numpy.flatnonzero(column(doc, IS_SPACE) == 0)
    after = numpy.searchsorted(words, numpy.arange(len(doc)), side="right")
    found = numpy.zeros(len(doc), dtype=bool)
    has = after < len(words)
    found[has] = _labelled(doc, ORTH, ",")[words[after[has]]]
    return found


def _passive_gate(doc: Doc) -> numpy.ndarray:
    """``passive_agent``: a ``by`` agent child, or a passive auxiliary (``stray_agent``)."""
    return _parents(doc, _labelled(doc, DEP, "agent", "auxpass"))


def _according_gate(doc: Doc) -> numpy.ndarray:
    """``according_to_report``: a child ``according`` labelled ``prep``."""
    return _parents(doc, _labelled(doc, DEP, "prep") & _labelled(doc, LOWER, "according"))


def _set_off_gate(doc: Doc) -> numpy.ndarray:
    """``set_off_subject``: a tensed verb with a comma after it (``set_off_phrase``)."""
    return _labelled(doc, POS, "VERB") & _labelled(doc, TAG, *TENSED_VERB_TAGS) & _comma_after(doc)


def _owner_gate(doc: Doc) -> numpy.ndarray:
    """``infinitive_owner``: a relative clause or a clause on a word before it (``owner_verb``)."""
    return _labelled(doc, DEP, "relcl", "acl") & (_heads(doc) <= numpy.arange(len(doc)))


def _title_gate(doc: Doc) -> numpy.ndarray:
    """``title_case_headline``: its first word capitalised (``_capitalised``: title case, or upper case
    and alphabetic)."""
    return (column(doc, IS_TITLE) != 0) | (column(doc, IS_UPPER) != 0) & (column(doc, IS_ALPHA) != 0)


#: Per verb-cue rule that seldom answers, a necessary condition read off its code, as the tokens of a
#: Doc where the rule may answer at the cue's root (``title_case_headline``: at its first word, in
#: ``_AT_FIRST``): ``speaker_from_rules`` skips a rule whose gate is false there (it would answer
#: None; ``tests/nlp/speakers/test_cue_gates.py`` checks the answers are the same). Read once per Doc.
CUE_GATES: dict[CueRule, Callable[[Doc], numpy.ndarray]] = {
    passive_agent.find: _passive_gate, according_to_report.find: _according_gate,
    set_off_subject.find: _set_off_gate, infinitive_owner.find: _owner_gate, title_case_headline.find: _title_gate,
}
_AT_FIRST = frozenset({title_case_headline.find})
_NONE_CLOSED: frozenset[CueRule] = frozenset()
#: Doc → None → rule → its gate's tokens (``CUE_GATES``), and (first word, root) of a cue → the rules
#: closed there, forgotten with the Doc.
_GATES: DocCache = DocCache()


def _closed_rules(cue: Span) -> frozenset[CueRule]:
    """The rules of ``CUE_GATES`` whose gate is false for a verb cue (they would answer None)."""
    known = _GATES.answers(cue.doc)
    at = (cue.start, cue.root.i if cue.end - cue.start > 1 else cue.start)
    closed = known.get(at)
    if closed is None:
        gates = known.get(None)
        if gates is None:
            doc = cue.doc
            gates = known[None] = {rule: gate(doc).tolist() if len(doc) else [] for rule, gate in CUE_GATES.items()}
        closed = known[at] = frozenset(rule for rule, open_at in gates.items()
                                       if not open_at[at[0] if rule in _AT_FIRST else at[1]])
    return closed


def speaker_for_cue(cue: Span, lexicon: Lexicon, text: str | None = None, quote: Span | None = None) -> Span | None:
    """The speaker mention a cue points to, or None when the cue has none (outside the component:
    the learned pipeline's linker asks about its own cues)."""
    doc = cue.doc
    scan = SpeakerScan(doc=doc, text=text if text is not None else doc_text(doc).text, lexicon=lexicon)
    return speaker_from_rules(scan, cue, quote)
