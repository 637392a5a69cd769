"""What the suggestions are drawn from: every attribution the parse could carry that no pre-labeled
quote overlaps, each with its cue, the speaker the speaker rules read off that cue, and its kind.

Two sources, both general rules:

* ``frame:NAME`` — the learned frames' candidate generator (``annotator.nlp.frames.candidates``): the
  quote rules with the word list of one pattern opened to every word (a finite clause after any
  verb, an infinitive after any verb, any verb's object, …), cut exactly as the rule cuts it;
* ``rule:stance-noun`` — a stance carried by a noun (``her attacks on the press``, ``took a swipe at
  the ruling``): the ``stance_noun`` rule with the stance nouns of ``cue_words`` switched on (the
  rules leave them off: right 40% of the time as pre-labels).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span

from annotator.nlp.cue_words import STANCE_NOUN_PREPOSITIONS
from annotator.nlp.frames.candidates import FRAMES, Candidate, candidates, opened, overlaps_any, quote_ranges
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.quotes import stance_noun
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan
from annotator.nlp.suggest.holders import named_possessor
from annotator.nlp.suggest.raised import done_to_speaker, raising_cue
from annotator.nlp.suggest.scores import table_score
from annotator.nlp.suggest.shapes import SHAPE_SOURCES, every_shape

STANCE_NOUN = "rule:stance-noun"


def frame_source(frame: str) -> str:
    """The source name of a frame's candidates: ``frame:clause``, ``frame:adjective-preposition``."""
    return "frame:" + frame.replace(" ", "-")


#: Every source a suggestion can come from, in the order they are proposed.
SOURCES: tuple[str, ...] = (*(frame_source(frame.name) for frame in FRAMES), STANCE_NOUN, *SHAPE_SOURCES)


@dataclass(frozen=True)
class Proposal:
    """One candidate attribution: its content, type, cue, speaker (or None) and where it came from."""

    span: Span
    quote_type: str
    cue: Span | None
    speaker: Span | None
    source: str
    #: the frames' candidate it came from (keyed by frame, cue word and place: a trained frames
    #: component's counts rate it), None for the rule classes
    candidate: Candidate | None = None

    @property
    def chars(self) -> tuple[int, int]:
        return self.span.start_char, self.span.end_char

    @property
    def words(self) -> int:
        """The content's words, split at white space (what the scores' bands count)."""
        return len(self.span.text.split())


def proposals(doc: Doc, lexicon: Lexicon, sources: frozenset[str] | set[str],
              leaving: frozenset[tuple[int, int]] = frozenset()) -> list[Proposal]:
    """Every candidate of ``sources`` that no pre-labeled quote (``doc.spans["quotes"]``) overlaps,
    in no particular order; candidates may overlap each other. The pre-labels of ``leaving`` (their
    characters: those the component will demote to suggestions) stand in no candidate's way, but a
    candidate of the very same extent is left out (the demoted suggestion offers it)."""
    if not len(doc) or not sources:
        return []
    taken = [chars for chars in quote_ranges(doc) if chars not in leaving]
    # each source's speakers are read with its own word list open, as its quotes were found
    # (the speaker rules read a noun cue's possessor only for the lexicon's nouns)
    found: list[tuple[str, Lexicon, FoundQuote, Candidate | None]] = []
    frames = {frame.name: frame for frame in FRAMES if frame_source(frame.name) in sources}
    if frames:
        wide = {name: opened(lexicon, frame.opens) for name, frame in frames.items()}
        found += [(frame_source(c.frame), wide[c.frame], c.found, c)
                  for c in candidates(doc, lexicon, tuple(frames.values()), taken=taken)]
    if STANCE_NOUN in sources:
        stances = copy.copy(lexicon)
        stances.stance_nouns = {noun: frozenset(preps) for noun, preps in STANCE_NOUN_PREPOSITIONS.items()}
        found += [(STANCE_NOUN, stances, f, None) for f in stance_noun.find(QuoteScan.of(doc, stances))
                  if f.cue is not None and not overlaps_any(*f.chars, taken)]
    speakers = _Speakers(doc)
    out = [Proposal(f.span, f.quote_type, f.cue, named_possessor(speakers.of(words, f.cue, f.span), f.cue, lexicon),
                    source, candidate)
           for source, words, f, candidate in found]
    broad = sources.intersection(SHAPE_SOURCES)
    if broad:
        for b in every_shape(QuoteScan.of(doc, lexicon), broad):
            f = b.found
            if not overlaps_any(*f.chars, taken):
                speaker = b.speaker if b.own_speaker else speakers.of(lexicon, f.cue, f.span)
                out.append(Proposal(f.span, f.quote_type, f.cue, speaker, b.source))
    return [p for p in out if p.chars not in leaving] if leaving else out


#: What the speaker rules (``speakers/*``) read of a lexicon: these lists, and through
#: ``Lexicon.lemma_of`` and ``has_speech_lemma`` the cue lemmas and speech verbs. Lexicons that hold
#: the same lists here get the same speaker for a cue and content, whatever else of theirs is opened.
SPEAKER_LISTS = ("lemmas", "forms", "past_forms", "speech", "nouns", "stance_nouns", "source_prepositions",
                 "received_nouns", "received_verbs")


class _Speakers:
    """The speaker rules' answers for one Doc's proposals (``speaker_from_rules``), each asked once
    per cue, content and the word lists they read (``SPEAKER_LISTS``): the frames' sources find the
    same content with the same cue under lexicons that differ only in a list no speaker rule reads."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc_text(doc).text
        self.mentions: dict[int, tuple[int, int]] = {}  # (shared: a mention is the same whatever the word lists)
        self.scans: dict[int, tuple[tuple[int, ...], SpeakerScan]] = {}  # id(lexicon) → (its lists' key, scan)
        self.kept: dict[tuple, Span | None] = {}

    def of(self, lexicon: Lexicon, cue: Span, content: Span) -> Span | None:
        known = self.scans.get(id(lexicon))
        if known is None:
            lists = tuple(id(getattr(lexicon, name)) for name in SPEAKER_LISTS)
            scan = next((s for k, s in self.scans.values() if k == lists), None) \
                or SpeakerScan(doc=self.doc, text=self.text, lexicon=lexicon, mentions=self.mentions)
            known = self.scans[id(lexicon)] = (lists, scan)
        lists, scan = known
        key = (cue.start, cue.end, content.start, content.end, lists)
        if key in self.kept:  # (a cue's raising or done-to reading below is kept with it too)
            return self.kept[key]
        if raising_cue(cue) or done_to_speaker(cue):
            found = None  # ``the mayor seemed to …``, ``asked about …, the mayor said``: no source named
        else:
            found = speaker_from_rules(scan, cue, content)
        self.kept[key] = found
        return found


def choose(found: list[Proposal], scores: dict[str, tuple[float, ...]], min_score: float = 0.0,
           rate: Callable[[Proposal], float | None] | None = None) -> list[tuple[Proposal, float]]:
    """The proposals scored at least ``min_score``, none overlapping another: of overlapping ones the
    higher score wins (then the earlier, then the shorter). In document order. A proposal's score is
    ``rate(proposal)`` when that gives one (a trained frames component's counts), else its source's
    in ``scores`` for its number of words (``scores.table_score``); one with neither is left out."""
    rated = []
    for proposal in found:
        score = rate(proposal) if rate is not None else None
        score = table_score(scores, proposal.source, proposal.words) if score is None else score
        if score is not None and score >= min_score:
            rated.append((score, proposal))
    rated.sort(key=lambda pair: (-pair[0], pair[1].span.start, len(pair[1].span)))
    kept: list[tuple[Proposal, float]] = []
    taken: list[tuple[int, int]] = []  # (the kept ones' characters, read once each)
    for score, proposal in rated:
        chars = proposal.chars
        if not overlaps_any(*chars, taken):
            kept.append((proposal, score))
            taken.append(chars)
    return sorted(kept, key=lambda pair: pair[0].span.start)
