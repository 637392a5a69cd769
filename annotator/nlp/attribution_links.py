"""Linking the learned pre-labeler's spans: each quote gets its type from the quotation marks, the
nearest cue in its sentences, and the speaker nearest that cue (``SAID_BY`` and ``CUE`` relations).

The learned spans come in ``doc.spans["learned_quotes"]`` (and ``learned_speakers``,
``learned_cues``). When the rule components ran before (``rule_quotes`` names the quote types
taken from them), the rules' quotes of those types are kept with their speakers, cues and
relations, and replace the learned quotes they overlap. Runs after the parser (it reads
sentences). Speakers and cues that no quote links to are dropped, so an annotator only sees spans
that belong to an attribution.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import CUE, CUE_REL, QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups, relations_in
from annotator.nlp.learned_spans import LEARNED_GROUPS, learned_scores
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.parse_candidates import complement_clause
from annotator.nlp.speakers import SpeakerScan
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import overlaps as _overlaps

#: Share of a quote's characters inside quotation marks from which it counts as direct.
DIRECT_SHARE = 0.9
_MARKS = frozenset("\"“”„«»‹›‘’‚'")
#: What our convention leaves outside a quote at its end: marks and the attribution's comma or stop.
_TRAILING = _MARKS | {",", "."}


@Language.factory(
    "annotator_attribution_links",
    assigns=["doc.spans", "doc._.relations"],
    requires=["doc.sents", "doc.spans"],
    default_config={"sentence_window": 1, "rule_quotes": [], "syntax_speakers": False,
                    "learned_quotes": list(QUOTE_TYPES), "min_learned_score": 0.0, "parse_cues": False,
                    "cue_clauses": False},
)
def make_attribution_linker(nlp: Language, name: str, sentence_window: int, rule_quotes: list[str],
                            syntax_speakers: bool, learned_quotes: list[str], min_learned_score: float,
                            parse_cues: bool, cue_clauses: bool) -> AttributionLinker:
    return AttributionLinker(sentence_window=sentence_window, rule_quotes=tuple(rule_quotes),
                             syntax_speakers=syntax_speakers, learned_quotes=tuple(learned_quotes),
                             min_learned_score=min_learned_score, parse_cues=parse_cues,
                             cue_clauses=cue_clauses, lexicon=shared_lexicon(nlp))


class AttributionLinker:
    """Types each quote and links it to a cue and a speaker by distance, within its sentences.

    ``sentence_window``: when a quote's own sentences hold no cue (or no speaker), look this many
    sentences before and after it. ``rule_quotes``: the quote types (direct, mixed, indirect) whose
    rule-found quotes win over the learned ones. ``syntax_speakers``: a quote's speaker is first the
    one the rules read off its cue (the cue verb's subject, ``according to``'s object, …; the learned
    speaker span it overlaps when there is one), and the nearest learned speaker only without one.
    ``learned_quotes``: the types (read off the quotation marks) of the learned quotes kept where the
    rules found none; empty with every type in ``rule_quotes`` is the rules alone.
    """

    def __init__(self, *, sentence_window: int = 1, rule_quotes: tuple[str, ...] = (),
                 syntax_speakers: bool = False, learned_quotes: tuple[str, ...] = QUOTE_TYPES,
                 min_learned_score: float = 0.0, parse_cues: bool = False, cue_clauses: bool = False,
                 lexicon: Lexicon | None = None) -> None:
        self.sentence_window = sentence_window
        self.rule_quotes = frozenset(rule_quotes)
        self.syntax_speakers = syntax_speakers
        self.learned_quotes = frozenset(learned_quotes)
        self.min_learned_score = min_learned_score
        self.parse_cues = parse_cues
        self.cue_clauses = cue_clauses
        self.lexicon = lexicon or Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        kept, used_cues, used_speakers = self._rule_attributions(doc)
        quotes = self._learned_quotes(doc, kept)
        sentence_of = sentence_index(doc) if quotes else []
        scan = SpeakerScan(doc=doc, text=doc_text(doc).text, lexicon=self.lexicon)
        # The rules' cues and speakers stand in for the learned ones they overlap.
        taken = kept + list(used_cues.values()) + list(used_speakers.values())
        cues = [c for c in _group(doc, CUE) if not any(_overlaps(c, r) for r in taken)] + list(used_cues.values())
        speakers = ([s for s in _group(doc, SPEAKER) if not any(_overlaps(s, r) for r in taken)]
                    + list(used_speakers.values()))
        for quote in quotes:
            cue, speaker = self._link(scan, quote, cues, speakers, sentence_of)
            if cue is not None:
                used_cues[(cue.start, cue.end)] = cue
                add_relation(doc, quote, QUOTE, cue, CUE, CUE_REL)
            if speaker is not None:
                used_speakers[(speaker.start, speaker.end)] = speaker
                add_relation(doc, quote, QUOTE, speaker, SPEAKER, SAID_BY)
        doc.spans["quotes"] = sorted(kept + quotes, key=lambda s: s.start)
        doc.spans["cues"] = sorted(used_cues.values(), key=lambda s: s.start)
        doc.spans["speakers"] = sorted(used_speakers.values(), key=lambda s: s.start)
        return doc

    def _learned_quotes(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """The learned quotes (and clauses after learned cues) no kept rule quote overlaps, typed,
        of the types ``learned_quotes`` keeps, in document order."""
        learned = [q for q in map(trim_quote, self._sure_quotes(doc)) if q is not None and self.learned_quotes]
        quotes = [q for q in learned if not any(_overlaps(q, r) for r in kept)]
        if self.cue_clauses and self.learned_quotes:
            quotes += self._cue_clauses(doc, kept + quotes)
        quotes.sort(key=lambda s: s.start)
        shared = doc_text(doc)  # the text and its quoted segments, read once per Doc for every component
        segments = [(s.start, s.end) for s in shared.segments] if quotes else []
        for quote in quotes:
            quote._.quote_type = quote_type(quote, segments)
        return [q for q in quotes if q._.quote_type in self.learned_quotes]

    def _link(self, scan: SpeakerScan, quote: Span, cues: Sequence[Span], speakers: Sequence[Span],
              sentence_of: list[int]) -> tuple[Span | None, Span | None]:
        """A learned quote's cue (read off the parse, else the nearest) and its speaker (the rules'
        reading of that cue, else the nearest speaker to the cue, or to the quote without one)."""
        first, last = sentence_of[quote.start], sentence_of[quote.end - 1]
        cue = parse_cue(quote, cues) if self.parse_cues else None
        if cue is None:
            cue = self._nearest(quote, first, last, cues, sentence_of)
        anchor = quote
        if cue is not None:
            anchor = cue
            first = min(first, sentence_of[cue.start])
            last = max(last, sentence_of[cue.end - 1])
        speaker = self._syntactic_speaker(scan, cue, quote, speakers) if cue is not None else None
        if speaker is None:
            speaker = self._nearest(anchor, first, last, [s for s in speakers if not _overlaps(s, quote)], sentence_of)
        return cue, speaker

    def _sure_quotes(self, doc: Doc) -> list[Span]:
        """The learned quotes the model scored at least ``min_learned_score``."""
        group = LEARNED_GROUPS[QUOTE]
        if group not in doc.spans:
            return []
        found = doc.spans[group]
        return [q for q, score in zip(found, learned_scores(found), strict=True) if score >= self.min_learned_score]

    def _cue_clauses(self, doc: Doc, taken: list[Span]) -> list[Span]:
        """The complement clauses after the sure learned cue verbs, where no quote in ``taken`` is."""
        group = LEARNED_GROUPS[CUE]
        if group not in doc.spans or not doc.has_annotation("DEP"):
            return []
        found: list[Span] = []
        for cue, score in zip(doc.spans[group], learned_scores(doc.spans[group]), strict=True):
            verb = cue.root
            clause = complement_clause(verb) if verb.pos_ == "VERB" and score >= self.min_learned_score else None
            if clause is None or any(q.start < clause[1] and clause[0] < q.end for q in taken + found):
                continue
            found.append(Span(doc, clause[0], clause[1], label=QUOTE))
        return found

    def _syntactic_speaker(self, scan: SpeakerScan, cue: Span, quote: Span, speakers: Sequence[Span]) -> Span | None:
        if not self.syntax_speakers:
            return None
        found = speaker_from_rules(scan, cue, None)
        if found is None or not len(found) or _overlaps(found, quote):
            return None
        return next((s for s in speakers if _overlaps(s, found) and not _overlaps(s, quote)), found)

    def _rule_attributions(self, doc: Doc) -> tuple[list[Span], dict[tuple[int, int], Span], dict[tuple[int, int], Span]]:
        """The rules' quotes of the chosen types, with the cues and speakers their relations name;
        every other relation (of rule quotes not kept) is dropped."""
        kept = [q for q in doc.spans["quotes"] if q._.quote_type in self.rule_quotes]
        heads = {(q.start_char, q.end_char) for q in kept}
        relations = [r for r in relations_in(doc) if r.head_label == QUOTE and (r.head_start, r.head_end) in heads]
        doc._.relations = relations
        children = {(r.child_start, r.child_end, r.child_label) for r in relations}
        cues = {(c.start, c.end): c for c in doc.spans["cues"] if (c.start_char, c.end_char, CUE) in children}
        speakers = {(s.start, s.end): s for s in doc.spans["speakers"]
                    if (s.start_char, s.end_char, SPEAKER) in children}
        return kept, cues, speakers

    def _nearest(self, anchor: Span, first: int, last: int, candidates: Sequence[Span],
                 sentence_of: list[int]) -> Span | None:
        """The candidate closest to ``anchor`` in sentences first..last, else within the window."""
        for widen in (0, self.sentence_window) if self.sentence_window else (0,):
            lo, hi = first - widen, last + widen
            near = [c for c in candidates if lo <= sentence_of[c.start] <= hi and not _overlaps(c, anchor)]
            if near:
                return min(near, key=lambda c: (_distance(anchor, c), c.start))
        return None


def parse_cue(quote: Span, cues: Sequence[Span]) -> Span | None:
    """The verb outside the quote its root hangs on (the learned cue on it, when there is one)."""
    head = quote.root.head
    if quote.start <= head.i < quote.end or head.pos_ not in ("VERB", "AUX") or head.lemma_ == "be":
        return None
    on_head = [c for c in cues if c.start <= head.i < c.end]
    return on_head[0] if on_head else Span(quote.doc, head.i, head.i + 1, label=CUE)


def nearest_cue(quote: Span, cues: Sequence[Span], sentence_of: list[int]) -> Span | None:
    """The cue closest to ``quote`` in its own sentences (None when they hold none)."""
    first, last = sentence_of[quote.start], sentence_of[quote.end - 1]
    near = [c for c in cues if first <= sentence_of[c.start] <= last and not _overlaps(c, quote)]
    return min(near, key=lambda c: (_distance(quote, c), c.start)) if near else None


def _group(doc: Doc, label: str) -> list[Span]:
    return list(doc.spans[LEARNED_GROUPS[label]]) if LEARNED_GROUPS[label] in doc.spans else []


def trim_quote(quote: Span) -> Span | None:
    """The quote without quotation marks at its edges or the attribution's ``,``/``.`` after it."""
    doc = quote.doc
    start, end = quote.start, quote.end
    while start < end and (doc[start].text in _MARKS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return quote if (start, end) == (quote.start, quote.end) else Span(doc, start, end, label=quote.label)


def sentence_index(doc: Doc) -> list[int]:
    """For every token, the number of its sentence (one sentence when the Doc has no boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    starts = [sent.start for sent in doc.sents]
    return [bisect_right(starts, i) - 1 for i in range(len(doc))]


def quote_type(quote: Span, segments: Sequence[tuple[int, int]]) -> str:
    """``direct`` when (nearly) all of the quote is inside quotation marks, ``mixed`` when part is."""
    start, end = quote.start_char, quote.end_char
    inside = sum(max(0, min(end, s_end) - max(start, s_start)) for s_start, s_end in segments)
    if inside >= DIRECT_SHARE * (end - start):
        return "direct"
    return "mixed" if inside else "indirect"


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)
