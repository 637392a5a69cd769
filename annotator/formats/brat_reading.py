"""brat standoff annotations (PolNeAR, PARC-style corpora) to our records, and our records back.

``Content`` → ``QUOTE`` (one span per fragment, trimmed to our convention and typed by its
quotation marks), ``Source`` → ``SPEAKER``, ``Cue`` → ``CUE``, each event → ``SAID_BY`` and
``CUE`` relations from every content fragment; other ``T`` types are entity spans of that label.
Every imported record is an accepted decision, so ``evaluate`` reads it as gold and ``export``
as training data.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.atomic import AtomicFile
from annotator.core.invariants import check_task
from annotator.core.records import (COREF, CUE, CUE_REL, QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER, Annotation,
                                    Relation, Span, Task)
from annotator.core.sources import InputError
from annotator.core.progress import Advance, NoProgress, Progress
from annotator.formats.format import ImportReport
from annotator.formats.brat_standoff import (BratPair, Standoff, check_covered_text, find_pairs, joined_fragments, parse_ann,
                                            read_text)
from annotator.formats.brat_labels import DEFAULT_LABELS, parse_labels
from annotator.formats.brat_text import Offsets, clause, closing_end, region_end, widened
from annotator.formats.foreign import split_tokens
from annotator.nlp.convert import strip_spaces, tokens_from_doc
from annotator.nlp.glued_marks import blank_english
from annotator.nlp.marks import MarkedSegment, find_marked_segments, trim_content

#: The brat attribute our export puts on a content: its quote type, so the content is read back as it
#: was written (already trimmed to our convention) instead of being trimmed and typed again.
QUOTE_TYPE_ATTRIBUTE = "QuoteType"
#: Who made the decisions of a ``NAME.ann`` without an ``_XXXX`` annotator suffix.
DEFAULT_ANNOTATOR = "brat"


@dataclass(frozen=True)
class ImportWarning:
    """Something imported other than as written, counted by ``kind`` and shown with ``FILE:LINE``."""

    kind: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def convert_pair(pair: BratPair, nlp: Language, labels: Mapping[str, str | None],
                 default_annotator: str = DEFAULT_ANNOTATOR) -> tuple[Annotation, list[ImportWarning]]:
    """One ``.txt`` + ``.ann`` as an accepted decision; problems in the files raise ``InputError``."""
    raw_text = read_text(pair.text)
    offsets = Offsets(raw_text)
    text = offsets.text
    if not text.strip():
        raise InputError(str(pair.text), None, "the document is empty")
    standoff = parse_ann(pair.ann, raw_text)
    check_covered_text(standoff, raw_text)
    builder = _RecordBuilder(standoff, text, nlp.make_doc(text), offsets, labels)
    task = builder.build()
    annotator = pair.annotator or default_annotator
    task.meta = {"source": pair.text.name, "id": pair.text.stem,
                 "brat": {"ann": pair.ann.name, "annotator": pair.annotator}}
    if builder.attributes:
        task.meta["brat"]["attributes"] = builder.attributes
    try:
        check_task(task)
    except ValueError as err:  # a bug of ours, but still located
        raise InputError(str(pair.ann), None, f"imported record is not valid: {err}") from None
    decision = Annotation(task, "accept", annotator, f"brat-{annotator}", int(os.stat(pair.ann).st_mtime))
    skipped = [ImportWarning("lines not imported", str(pair.ann), f"{n} {kind} line(s) left out")
               for kind, n in sorted(standoff.ignored.items())]
    return decision, builder.warnings + skipped


class _RecordBuilder:
    """Turns one standoff file's annotations into spans and relations on our tokens."""

    def __init__(self, standoff: Standoff, text: str, doc: Doc, offsets: Offsets,
                 labels: Mapping[str, str | None]) -> None:
        self.standoff = standoff
        self.text = text
        self.doc = doc
        self.offsets = offsets
        self.labels = labels
        self.tokens = tokens_from_doc(doc)
        self.segments = find_marked_segments(text)
        self.warnings: list[ImportWarning] = []
        self.spans: dict[tuple[int, int, str], Span] = {}
        self.relations: dict[tuple, Relation] = {}
        #: brat attributes other than our QuoteType, each on the span it was on (an event's: its
        #: trigger, or an attribution's content), so the export writes them back
        self.attributes: list[dict] = []
        self.events = {e.id: e for e in standoff.events}

    def warn(self, kind: str, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(kind, f"{self.standoff.path}:{line}", message))

    def label_of(self, kind: str) -> str | None:
        return self.labels.get(kind, kind)

    def build(self) -> Task:
        standoff = self.standoff
        # An event that joins a Content, Source or Cue is an attribution (PolNeAR's shape): its
        # trigger is not a span of ours. Any other event (BioNLP's Gene_expression, nested ones
        # among them) keeps its trigger as a span and each argument as a relation named by its role.
        attribution_types = {e.type for e in standoff.events if self._is_attribution(e)}
        attributions = [e for e in standoff.events if e.type in attribution_types]
        self.converted = self._convert_textbounds(attributions)
        attribution_ids = {e.id for e in attributions}
        for event in standoff.events:
            if event.id in attribution_ids:
                self._event_relations(event)
            else:
                self._event_arguments(event)
        for rel in standoff.relations:
            self._binary_relation(rel)
        self._keep_attributes(attribution_ids)
        return self._on_tokens()

    def _convert_textbounds(self, attributions: list) -> dict[str, list[Span]]:
        """Every ``T`` as spans of ours, by its id (an attribution's trigger is none, unless it is
        labelled QUOTE, SPEAKER or CUE); the entities that overlap another are left out and
        warned of, and the spans kept are added."""
        standoff = self.standoff
        trigger_types = {e.type for e in attributions}
        triggers = {e.trigger for e in attributions}
        converted: dict[str, list[Span]] = {}
        entities: list[tuple[Span, int]] = []
        for tb in standoff.textbounds.values():
            label = self.label_of(tb.type)
            is_trigger = tb.id in triggers or tb.type in trigger_types
            if label is None or (is_trigger and label not in (QUOTE, SPEAKER, CUE)):
                continue
            quote_type = standoff.attributes.get((tb.id, QUOTE_TYPE_ATTRIBUTE))
            spans = self._spans_of(tb.id, tb.type, label, tb.fragments, tb.line,
                                   quote_type if quote_type in QUOTE_TYPES else None)
            converted[tb.id] = spans
            if label not in (QUOTE, SPEAKER, CUE):
                entities.extend((s, tb.line) for s in spans)
        for span in self._without_overlaps(entities):
            self._add_span(span)
        for tb_id, spans in converted.items():
            converted[tb_id] = [s for s in spans if not s.is_entity or s.key in self.spans]
            for span in converted[tb_id]:
                if not span.is_entity:
                    self._add_span(span)
        return converted

    def _is_attribution(self, event) -> bool:
        return any(self.label_of(self.standoff.textbounds[ref].type) in (QUOTE, SPEAKER, CUE)
                   for _role, ref in event.args if ref in self.standoff.textbounds)

    def spans_for(self, ref: str, seen: frozenset[str] = frozenset()) -> list[Span]:
        """The spans an id stands for: a ``T``'s own, an event's trigger (for an attribution, its content)."""
        if ref in self.converted:
            return self.converted[ref]
        event = self.events.get(ref)
        if event is None or ref in seen:
            return []
        own = self.converted.get(event.trigger)
        if own:
            return own
        return [s for _role, arg in event.args for s in self.spans_for(arg, seen | {ref}) if s.label == QUOTE]

    def _on_tokens(self) -> Task:
        """Spans keep exactly the characters brat gave (whitespace trimmed): a token that a span
        starts or ends inside is split there, as the doccano and Label Studio importers do."""
        spans = sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.label))
        tokens = split_tokens(self.text, self.tokens, [e for s in spans for e in (s.start, s.end)])
        starts = {t.start: t.id for t in tokens}
        ends = {t.end: t.id for t in tokens}
        placed = {s.key: s.replace(token_start=starts[s.start], token_end=ends[s.end]) for s in spans}
        relations = [Relation(placed[r.head_span.key], placed[r.child_span.key], r.label)
                     for r in self.relations.values()]
        return Task(text=self.text, tokens=tokens, spans=[placed[s.key] for s in spans], relations=relations)

    def _keep_attributes(self, attribution_ids: set[str]) -> None:
        for (target, name), value in self.standoff.attributes.items():
            if name == QUOTE_TYPE_ATTRIBUTE:
                continue
            line = self.standoff.attribute_lines[(target, name)]
            spans = self.spans_for(target)
            if not spans:
                self.warn("attribute left out", line, f"{name} on {target}: {target} is not an imported span "
                          "or event")
                continue
            span = spans[0]
            self.attributes.append({"name": name, "value": value, "start": span.start, "end": span.end,
                                    "label": span.label, "on": "event" if target.startswith("E") else "span"})

    def _add_span(self, span: Span) -> Span:
        return self.spans.setdefault(span.key, span)

    # -- spans ------------------------------------------------------------------------------

    def _spans_of(self, ident: str, kind: str, label: str, fragments: Sequence[tuple[int, int]],
                  line: int, quote_type: str | None = None) -> list[Span]:
        out = []
        for raw_start, raw_end in joined_fragments(self.offsets.raw, fragments):
            start, end = strip_spaces(self.text, self.offsets(raw_start), self.offsets(raw_end))
            if start >= end:
                self.warn("empty span", line, f"{ident} {kind} {raw_start}-{raw_end} covers only spaces: left out")
                continue
            if label != QUOTE:
                parts = [(start, end, None)]
            elif quote_type is not None:
                parts = [(start, end, quote_type)]  # typed and trimmed by our own export
            else:
                parts = self._quote_parts(start, end)
            made = [self._span(s, e, label, quote_type) for s, e, quote_type in parts]
            made = [span for span in made if span is not None]
            if not made:
                self.warn("empty span", line, f"{ident} {kind} {raw_start}-{raw_end} is only marks and "
                          "punctuation: left out")
            out.extend(made)
        return out

    def _span(self, start: int, end: int, label: str, quote_type: str | None) -> Span | None:
        # Token offsets are set once every span is known and the tokens are split (``_on_tokens``).
        start, end = strip_spaces(self.text, start, end)
        if start >= end:
            return None
        return Span(start, end, 0, 0, label, text=self.text[start:end], quote_type=quote_type)

    def _quote_parts(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Content as our convention has it: a direct quote is the text inside its marks (one span
        per marked segment, so per paragraph), without a final ``,``/``.``; otherwise the clause
        without a leading complementiser ``that``, a mixed one keeping its closing mark."""
        text = self.text
        direct = self._direct_parts(start, end)
        if direct is not None:
            return direct
        s, e = clause(text, start, end)
        direct = self._direct_parts(s, e) if s < e else None
        if direct is not None:
            return direct  # "that “…”": only the complementiser was outside the marks
        touching = self._touching(s, e)
        for seg in touching:
            seg_end = region_end(seg)
            if seg.open_at < e < seg_end and seg.close_at is not None:
                e = seg_end  # a mixed quote ending on a quoted part keeps that closing mark
        return [(s, e, "mixed" if touching else "indirect")] if s < e else []

    def _touching(self, start: int, end: int) -> list[MarkedSegment]:
        return [seg for seg in self.segments if seg.open_at < end and start < region_end(seg)]

    def _direct_parts(self, start: int, end: int) -> list[tuple[int, int, str]] | None:
        """The direct quote(s) when every word of ``start:end`` is inside quotation marks, else None."""
        text = self.text
        touching = self._touching(start, end)
        if touching:
            if any(text[i].isalnum() for i in range(start, end)
                   if not any(seg.open_at <= i < region_end(seg) for seg in touching)):
                return None
            parts = [trim_content(text, max(start, seg.start), min(end, seg.end)) for seg in touching]
            return [(s, e, "direct") for s, e in parts if s < e]
        # Marks the segment finder did not pair: a straight one opening and a curly one closing,
        # or the doubled apostrophes some wires print; the marks may lie just outside the content.
        for wide_start, wide_end in ((start, end), widened(text, start, end)):
            closing = closing_end(text, wide_start, wide_end)
            if closing is not None:
                opening = wide_start + (2 if text.startswith(("''", "``"), wide_start) else 1)
                s, e = trim_content(text, max(start, opening), min(end, closing))
                return [(s, e, "direct")] if s < e else []
        return None

    def _without_overlaps(self, entities: list[tuple[Span, int]]) -> list[Span]:
        kept: list[Span] = []
        for span, line in entities:
            clash = next((k for k in kept if k.start < span.end and span.start < k.end
                          and k.key != span.key), None)
            if clash is not None:
                self.warn("overlapping entities", line, f"{span.label} {span.text!r} overlaps {clash.label} "
                          f"{clash.text!r} (entities may not overlap): left out")
                continue
            kept.append(span)
        return kept

    # -- relations --------------------------------------------------------------------------

    def _event_relations(self, event) -> None:
        parts: dict[str, list[Span]] = {QUOTE: [], SPEAKER: [], CUE: []}
        for _role, ref in ((event.type, event.trigger), *event.args):
            for span in self.spans_for(ref):
                if span.label in parts:
                    parts[span.label].append(span)
        if not parts[QUOTE]:
            self.warn("event without content", event.line, f"{event.id} has no content that was imported: "
                      "its source and cue are kept without relations")
            return
        for quote in parts[QUOTE]:
            for speaker in parts[SPEAKER]:
                self._relate(quote, speaker, SAID_BY)
            for cue in parts[CUE]:
                self._relate(quote, cue, CUE_REL)

    def _event_arguments(self, event) -> None:
        """A generic event: a relation from its trigger to each argument, named by the role
        (``Theme``, ``Cause``; an argument that is an event stands for that event's trigger)."""
        heads = self.converted.get(event.trigger, [])
        if not heads:
            self.warn("event left out", event.line, f"{event.id} {event.type}: its trigger was not imported")
            return
        for role, ref in event.args:
            children = self.spans_for(ref)
            if not children:
                self.warn("relation left out", event.line, f"{event.id} {role}:{ref}: not an imported span")
            for head in heads:
                for child in children:
                    self._relate(head, child, role)

    def _binary_relation(self, rel) -> None:
        label = self.label_of(rel.type)
        expected = {SAID_BY: (QUOTE, SPEAKER), CUE_REL: (QUOTE, CUE), COREF: (SPEAKER, None)}
        heads, children = self.spans_for(rel.arg1), self.spans_for(rel.arg2)
        if label is None or not heads or not children:
            self.warn("relation left out", rel.line, f"{rel.id} {rel.type}: not between imported spans")
            return
        if label not in expected:
            for head in heads:
                for child in children:
                    self._relate(head, child, label)  # another schema's relation, kept as it is
            return
        head_label, child_label = expected[label]
        for head in heads:
            for child in children:
                fits = head.label == head_label and (child.label == child_label if child_label else child.is_entity)
                if fits:
                    self._relate(head, child, label)
                else:
                    self.warn("relation left out", rel.line, f"{rel.id} {label} goes from {head.label} to "
                              f"{child.label}; expected {head_label} → {child_label or 'an entity'}")

    def _relate(self, head: Span, child: Span, label: str) -> None:
        head, child = self.spans[head.key], self.spans[child.key]
        relation = Relation(head, child, label)
        self.relations.setdefault((head.key, child.key, label), relation)


# -- import of many files ----------------------------------------------------------------------


def iter_brat(pairs: Iterable[BratPair], nlp: Language, labels: Mapping[str, str | None],
              report: ImportReport, default_annotator: str = DEFAULT_ANNOTATOR,
              advance: Advance | None = None):
    """The decision for each pair, in order; a pair whose files are broken is recorded in
    ``report.failed`` and skipped, so one bad file never stops the others."""
    for pair in pairs:
        if advance is not None:
            advance(1)
        try:
            decision, warnings = convert_pair(pair, nlp, labels, default_annotator)
        except InputError as err:
            report.failed.append(err)
            continue
        report.warnings.extend(warnings)
        report.spans.update(s.label for s in decision.task.spans)
        report.relations.update(r.label for r in decision.task.relations)
        yield decision


def import_brat(*, sources: Sequence[str | Path], output: str | Path, labels: str | Mapping | None = None,
                annotator: str | None = None, overwrite: bool = False, nlp: Language | None = None,
                progress: Progress = NoProgress()) -> ImportReport:
    """Convert every ``.txt``/``.ann`` pair under ``sources`` into ``output`` (JSONL decisions).

    The output is written under a temporary name and renamed when complete; an existing file is
    kept unless ``overwrite``. Files that fail are listed in the report, the others are written.
    """
    output = Path(output)
    if output.exists() and not overwrite:
        raise InputError(str(output), None, "already exists; choose another name or pass --force to replace it")
    mapping = parse_labels(labels) if labels is None or isinstance(labels, str) else {**DEFAULT_LABELS, **labels}
    pairs, unpaired, unreadable = find_pairs(sources)
    if not pairs and not unreadable:
        raise InputError(", ".join(str(s) for s in sources), None, "no .ann files found")
    if nlp is None:
        nlp = blank_english()  # the tokens prelabel would give the text
    report = ImportReport(Path(output), unpaired=unpaired, failed=list(unreadable))
    advance = progress.stage("Importing brat files", len(pairs))
    with AtomicFile(output) as out:
        for decision in iter_brat(pairs, nlp, mapping, report, annotator or DEFAULT_ANNOTATOR, advance):
            out.write((json.dumps(decision.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"))
            report.written += 1
            report.decisions += 1
    return report
