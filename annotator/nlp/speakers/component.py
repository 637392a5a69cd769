"""The ``annotator_speakers`` component: builds a ``SpeakerScan`` of each document, asks the speaker
rules in order who said each quote (the first acceptable answer wins), then writes the speakers and
``SAID_BY`` relations (match, then set annotations; nothing kept on ``self``)."""

from __future__ import annotations

from typing import Callable, Mapping, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import QUOTE, SAID_BY, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.cue_words import HEARSAY_ADVERBS
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.paused_collector import collector_paused
from annotator.nlp.speakers import (
    as_clause, by_cue, comma_introduction, continuation, experiencer, governing_verb, introduction, sentence_subject,
    reported_before, spoken_before, trailing_attribution,
)
from annotator.nlp.speakers.before_quote import cut_before_quote
from annotator.nlp.speakers.scan import ACCORDING, SpeakerScan, cue_kind


class SpeakerRule(NamedTuple):
    """A rule gives speakers to quotes (by index in ``scan.quotes``) that the earlier rules left
    without one; ``found`` is what they gave."""

    name: str
    find: Callable[[SpeakerScan, Mapping[int, Span]], dict[int, Span]]


#: The speaker rules, in order.
RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule("one who feels", experiencer.find),
    SpeakerRule("cue", by_cue.find),
    SpeakerRule("trailing attribution", trailing_attribution.find),
    SpeakerRule("description after the mark", trailing_attribution.described_after_mark),
    SpeakerRule("introduction", introduction.find),
    SpeakerRule("as clause", as_clause.find),
    SpeakerRule("governing verb", governing_verb.find),
    SpeakerRule("comma introduction", comma_introduction.find),
    SpeakerRule("spoken before", spoken_before.find),
    SpeakerRule("reported before", reported_before.find),
    SpeakerRule("own sentence subject", sentence_subject.find_in_own_sentence),
    SpeakerRule("continuation", continuation.find),
    SpeakerRule("sentence subject", sentence_subject.find),
)


@Language.factory(
    "annotator_speakers",
    assigns=["doc.spans", "doc._.relations"],
    requires=["doc.spans"],
    default_config={"continue_paragraphs": True},
)
def make_speaker_finder(nlp: Language, name: str, continue_paragraphs: bool) -> SpeakerFinder:
    return SpeakerFinder(continue_paragraphs=continue_paragraphs, lexicon=shared_lexicon(nlp))


class SpeakerFinder:
    """Links every quote to the mention of its speaker.

    ``continue_paragraphs``: run the continuation rule (a quote paragraph without attribution takes
    the speaker of the quote it continues)."""

    def __init__(self, *, continue_paragraphs: bool = True, lexicon: Lexicon | None = None,
                 rules: tuple[SpeakerRule, ...] = RULES) -> None:
        self.continue_paragraphs = continue_paragraphs
        self.lexicon = lexicon or Lexicon()
        self.rules = rules if continue_paragraphs else tuple(r for r in rules if r.name != "continuation")

    @collector_paused
    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not len(doc.spans["quotes"]):
            doc.spans["speakers"] = []
            return doc
        scan = SpeakerScan.of(doc, self.lexicon)
        set_speakers(doc, scan.quotes, self.find(scan))
        return doc

    def find(self, scan: SpeakerScan) -> dict[int, Span]:
        """Quote index → speaker; an earlier rule's answer is never replaced."""
        return {index: speaker for index, (speaker, _rule) in self.find_by_rule(scan).items()}

    def find_by_rule(self, scan: SpeakerScan) -> dict[int, tuple[Span, str]]:
        """Quote index → speaker and the name of the rule that gave it (``bench/rule_precision.py``
        counts speaker errors by rule)."""
        found: dict[int, Span] = {}
        rules: dict[int, str] = {}
        nobody = {index for index, cue in scan.cues.items() if names_nobody(cue)}
        for rule in self.rules:
            for index, speaker in rule.find(scan, found).items():
                speaker = cut_before_quote(speaker, scan.quotes[index])
                titled = rule.find is by_cue.find and cue_kind(scan.cues[index]) == ACCORDING  # (a quoted title)
                if index not in found and index not in nobody and scan.acceptable(speaker, scan.quotes[index],
                                                                                  titled=titled):
                    found[index] = speaker
                    rules[index] = rule.name
        return {index: (speaker, rules[index]) for index, speaker in found.items()}


def names_nobody(cue: Span) -> bool:
    """A cue that is an adverb of hearsay (``the agency reportedly cut …``): its report's source is
    never named, so no rule gives it a speaker (the clause's subject is what is reported)."""
    return len(cue) == 1 and cue[0].lower_ in HEARSAY_ADVERBS


def set_speakers(doc: Doc, quotes: list[Span], found: Mapping[int, Span]) -> None:
    """Write the speakers (one span per mention, in document order) and a ``SAID_BY`` per quote."""
    speakers: dict[tuple[int, int], Span] = {}
    for index, speaker in sorted(found.items()):
        speaker = speakers.setdefault((speaker.start, speaker.end), speaker)
        add_relation(doc, quotes[index], QUOTE, speaker, SPEAKER, SAID_BY)
    doc.spans["speakers"] = sorted(speakers.values(), key=lambda s: s.start)
