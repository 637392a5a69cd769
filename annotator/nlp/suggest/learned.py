"""Suggestions from a trained pipeline's own quotes (source ``model:spancat`` or ``model:ner``): the
learned quotes that no pre-labeled quote overlaps, which the linker's combination with the rules left
out, each with the cue the linker would give it (the verb its clause hangs on, else the nearest learned
cue in its sentences) and the speaker the speaker rules read off that cue.

Their score is the right-rate of the model's quotes scored as they are, measured on the training run's
dev part (``training/model_suggestions.py``) and kept in the pipeline's config
(``annotator_learned_spans``' ``rate_bins``/``rates``): ``LearnedSpans`` writes each quote's rate to
``learned_quotes``' ``attrs["rates"]``. A pipeline without rates proposes nothing here.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from annotator.core.records import CUE, QUOTE
from annotator.nlp.attribution_links import nearest_cue, parse_cue, quote_type, sentence_index, trim_quote
from annotator.nlp.frames.candidates import overlaps_any, quote_ranges
from annotator.nlp.learned_spans import LEARNED_GROUPS, RATES, SOURCE
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import doc_text
from annotator.nlp.speakers.by_cue import speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan
from annotator.nlp.suggest.propose import Proposal

Rate = Callable[[Proposal], "float | None"]


def learned_proposals(doc: Doc, lexicon: Lexicon) -> list[tuple[Proposal, float]]:
    """The model's quotes no pre-labeled quote (``doc.spans["quotes"]``) overlaps, with their cue,
    speaker and rate; none when the pipeline gives its quotes no rates. They may overlap each other
    and the other sources' proposals (``choose`` keeps the higher score)."""
    group_name = LEARNED_GROUPS[QUOTE]
    if group_name not in doc.spans or RATES not in doc.spans[group_name].attrs or not len(doc):
        return []
    group = doc.spans[group_name]
    rates, source = group.attrs[RATES], str(group.attrs.get(SOURCE, "model"))
    if len(rates) != len(group):
        return []
    taken = quote_ranges(doc)
    cues = list(doc.spans[LEARNED_GROUPS[CUE]]) if LEARNED_GROUPS[CUE] in doc.spans else []
    shared = doc_text(doc)  # the text and its quoted segments, read once per Doc for every component
    segments = [(s.start, s.end) for s in shared.segments]
    sentence_of = sentence_index(doc)
    scan = SpeakerScan(doc=doc, text=shared.text, lexicon=lexicon)
    out = []
    for span, rate in zip(group, rates, strict=True):
        quote = trim_quote(span)
        if quote is None or overlaps_any(quote.start_char, quote.end_char, taken):
            continue
        cue = parse_cue(quote, cues) if doc.has_annotation("DEP") else None
        cue = cue if cue is not None else nearest_cue(quote, cues, sentence_of)
        speaker = speaker_from_rules(scan, cue, quote) if cue is not None else None
        out.append((Proposal(quote, quote_type(quote, segments), cue, speaker, source), float(rate)))
    return out


def with_learned(rate: Rate | None, learned: list[tuple[Proposal, float]]) -> Rate | None:
    """``choose``'s ``rate``: a learned proposal's own rate, any other as ``rate`` scores it."""
    if not learned:
        return rate
    own = {id(proposal): score for proposal, score in learned}

    def combined(proposal: Proposal) -> float | None:
        if id(proposal) in own:
            return own[id(proposal)]
        return rate(proposal) if rate is not None else None
    return combined
