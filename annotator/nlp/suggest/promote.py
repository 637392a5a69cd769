"""Promoting the surest suggestions to pre-labels: a suggestion the learned scorer (``scorer``) rates
at least the component's ``promote_min_score``, with a cue and a speaker, is written as the rules
write a quote: its span in ``doc.spans["quotes"]`` with its type, its cue in ``doc.spans["cues"]``
(``CUE``), its speaker in ``doc.spans["speakers"]`` (``SAID_BY``), and the speaker's ``COREF`` from
the coreference rules, as taking it with ``+`` on the annotate screen would. One with a cue and no
speaker (``promote_sourceless_min_score``) is written the same way without a speaker, unless its cue is
a content noun on a preposition after a verb (``holders.content_holder``: the verb's subject). The
hand gates of ``promote_gates`` promote a few shapes without a source under that score."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups, relations_of
from annotator.nlp.coref.component import resolve_speaker
from annotator.nlp.coref.scan import CorefScan
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.holders import content_holder
from annotator.nlp.suggest.propose import Proposal

#: A promoted quote's ``id_``: this and the source of the suggestion it was (``promoted:frame:say``).
PROMOTED_RULE = "promoted:"


def promotable(proposal: Proposal) -> bool:
    """Whether the model of "right with its speaker" decides it: a cue and a speaker, as the rules give
    a pre-label (one with a cue and no speaker is promoted by its shown score instead:
    ``Suggester.promotes_sourceless``)."""
    return proposal.cue is not None and proposal.speaker is not None


def promote(doc: Doc, promoted: list[Proposal], lexicon: Lexicon) -> None:
    """Write each proposal (none overlapping a quote of ``doc`` or another) as a pre-labeled quote, with
    its speaker when it has one; one without, cued by a content noun on a verb's preposition, with the
    verb's subject (``holders.content_holder``, read with ``lexicon``)."""
    if not promoted:
        return
    ensure_span_groups(doc)
    groups = {name: {(s.start, s.end): s for s in doc.spans[name]} for name in ("quotes", "cues", "speakers")}
    new_speakers = []
    for proposal in promoted:
        quote = proposal.span
        quote._.quote_type = proposal.quote_type
        quote.id_ = f"{PROMOTED_RULE}{proposal.source}"  # as a rule's quote names its rule (``FoundQuote.rule``)
        groups["quotes"][(quote.start, quote.end)] = quote
        cue = groups["cues"].setdefault((proposal.cue.start, proposal.cue.end), proposal.cue)
        add_relation(doc, quote, QUOTE, cue, CUE, CUE_REL)
        said = proposal.speaker if proposal.speaker is not None else content_holder(proposal.cue, lexicon)
        if said is None:
            continue
        key = (said.start, said.end)
        if key not in groups["speakers"]:
            new_speakers.append(said)
        speaker = groups["speakers"].setdefault(key, said)
        add_relation(doc, quote, QUOTE, speaker, SPEAKER, SAID_BY)
    for name, spans in groups.items():
        doc.spans[name] = sorted(spans.values(), key=lambda s: (s.start, s.end))
    _resolve(doc, new_speakers)


def _resolve(doc: Doc, speakers: list[Span]) -> None:
    """The new speakers' ``COREF``, as the coreference component gives the rules' speakers."""
    if not speakers:
        return
    resolved = {(r.head_start, r.head_end) for r in relations_of(doc, COREF)}
    scan = CorefScan.of(doc)
    for speaker in speakers:
        if (speaker.start_char, speaker.end_char) not in resolved:
            resolve_speaker(doc, scan, speaker)
