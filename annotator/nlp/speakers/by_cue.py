"""The speaker a quote's cue points to: the cue rules asked in order, the first answer with words
outside the quote winning."""

from __future__ import annotations

from typing import Callable, Mapping

from spacy.tokens import Span

from annotator.nlp.doc_words import children_labelled
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.speakers import (
    according_to, according_to_report, after_mark, caused_speaker, cue_subject, deep_subject, description_after_mark, headline,
    infinitive_owner, interviewee, inverted, judgement_source, left_clause_subject, main_subject, next_to_cue, noun_cue,
    passive_agent, reduced_relative, relative_antecedent, reported_conjunct, set_off_name, set_off_subject,
    thing_agent, title_case_headline,
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
    set_off_name.find,
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
                               title_case_headline.find, reported_conjunct.find, caused_speaker.find, cue_subject.find, infinitive_owner.find,
                               relative_antecedent.find, noun_cue.find, after_mark.find, description_after_mark.find,
                               inverted.find, next_to_cue.find, deep_subject.find, reduced_relative.find,
                               left_clause_subject.find, set_off_subject.find, set_off_name.find, after_mark.for_found_quote,
                               inverted.for_found_quote, next_to_cue.for_found_quote)},
}
#: The cue rules for the pre-labels' own cues: ``reported_conjunct`` before ``cue_subject`` too. Not
#: for the suggestions' cues: a speaker found there lifts a proposal of a wrong extent over the
#: promotion threshold (``… and criticized the referees for the late penalty``: ``the late penalty``).
#: ``after_mark.for_found_quote`` stands for ``after_mark.find`` there (after another quote's mark, a name
#: the parse ties to the cue only), and so do ``inverted``'s and ``next_to_cue``'s (never the noun after
#: an ``-ing`` verb or a reported clause's subject; session 39); ``thing_agent`` comes before
#: ``according_to`` there only (session 39: the suggestions' scores read their speakers).
_FOR_FOUND_QUOTES: dict[CueRule, CueRule] = {
    after_mark.find: after_mark.for_found_quote, inverted.find: inverted.for_found_quote,
    next_to_cue.find: next_to_cue.for_found_quote,
}
_AT_SUBJECT = CUE_RULES.index(cue_subject.find)
_AT_ACCORDING = CUE_RULES.index(according_to.find)
PRE_LABEL_RULES: tuple[CueRule, ...] = tuple(
    _FOR_FOUND_QUOTES.get(rule, rule)
    for rule in (*CUE_RULES[:_AT_ACCORDING], thing_agent.find, *CUE_RULES[_AT_ACCORDING:_AT_SUBJECT],
                 reported_conjunct.find, caused_speaker.find, *CUE_RULES[_AT_SUBJECT:]))
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
    if kind == VERB and passive_cue(cue):
        rules = tuple(rule for rule in rules if rule is passive_agent.find)  # only ``by`` names a source
    for rule in rules:
        if RULE_KINDS.get(rule, kind) != kind:
            continue  # (it would answer None)
        speaker = cut_before_quote(rule(scan, cue, quote), quote)
        if scan.acceptable(speaker, quote, titled=kind == ACCORDING):
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


def speaker_for_cue(cue: Span, lexicon: Lexicon, text: str | None = None, quote: Span | None = None) -> Span | None:
    """The speaker mention a cue points to, or None when the cue has none (outside the component:
    the learned pipeline's linker asks about its own cues)."""
    doc = cue.doc
    scan = SpeakerScan(doc=doc, text=text if text is not None else doc_text(doc).text, lexicon=lexicon)
    return speaker_from_rules(scan, cue, quote)
