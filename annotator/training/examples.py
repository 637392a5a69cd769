"""Training examples for the span tagger: one ``Example`` per paragraph, QUOTE/SPEAKER/CUE as entities.

The three layers almost never overlap in news; where they do, the longer span is kept and the
others are counted (``ExampleStats``), as are spans over a paragraph break, so what a one-layer,
one-paragraph tagger cannot learn is measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from annotator.core.records import STRUCTURE_LABELS, Task
from annotator.nlp.convert import make_doc
from annotator.nlp.learned_spans import LEARNED_LABELS


@dataclass
class ExampleStats:
    """What making the examples read and left out: the ``paragraphs`` the examples hold, the gold
    ``spans`` read, of which ``dropped`` because a longer span of another layer overlaps them, and
    ``across_paragraphs`` that run over a paragraph break (the paragraph tagger leaves them out: it
    sees one paragraph at a time)."""

    paragraphs: int = 0
    spans: int = 0
    dropped: int = 0
    across_paragraphs: int = 0


def paragraph_examples(tasks: Iterable[Task], nlp: Language, stats: ExampleStats | None = None) -> list[Example]:
    """Every non-empty paragraph of every task, with the task's spans of our labels as gold entities."""
    return _paragraphs(tasks, nlp, lambda label: label in LEARNED_LABELS, stats)


def entity_examples(tasks: Iterable[Task], nlp: Language, stats: ExampleStats | None = None) -> list[Example]:
    """The paragraphs of the tasks that hold entity spans, with those spans (any label but QUOTE,
    SPEAKER and CUE) as gold entities: what ``--entities`` fine-tunes the base ``ner`` on. A task
    without a single entity span is left out (an imported quote corpus does not annotate entities)."""
    annotated = [task for task in tasks if any(span.label not in STRUCTURE_LABELS for span in task.spans)]
    return _paragraphs(annotated, nlp, lambda label: label not in STRUCTURE_LABELS, stats)


def _paragraphs(tasks: Iterable[Task], nlp: Language, wanted: Callable[[str], bool],
                stats: ExampleStats | None) -> list[Example]:
    stats = stats if stats is not None else ExampleStats()
    examples = []
    for task in tasks:
        doc = make_doc(task, nlp)
        spans = []
        for span in task.spans:
            if wanted(span.label):
                sp = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
                if sp is not None:
                    spans.append(sp)
        kept = filter_spans(spans)
        stats.spans += len(spans)
        stats.dropped += len(spans) - len(kept)
        placed = 0
        for start, end in paragraph_ranges(doc):
            inside = [sp for sp in kept if start <= sp.start and sp.end <= end]
            placed += len(inside)
            examples.append(_example(doc, start, end, inside, nlp))
            stats.paragraphs += 1
        stats.across_paragraphs += len(kept) - placed
    return examples


def paragraph_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between whitespace tokens holding a newline, without leading/trailing space."""
    ranges = []
    start = 0
    for i, token in enumerate(doc):
        if token.is_space and "\n" in token.text:
            ranges.append((start, i))
            start = i + 1
    ranges.append((start, len(doc)))
    out = []
    for start, end in ranges:
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _example(doc: Doc, start: int, end: int, spans: list[Span], nlp: Language) -> Example:
    words = [t.text for t in doc[start:end]]
    spaces = [bool(t.whitespace_) for t in doc[start:end]]
    spaces[-1] = False
    reference = Doc(nlp.vocab, words=words, spaces=spaces)
    reference.ents = [Span(reference, sp.start - start, sp.end - start, label=sp.label_) for sp in spans]
    predicted = Doc(nlp.vocab, words=words, spaces=spaces)
    return Example(predicted, reference)


def document_examples(tasks: Sequence[Task], parsed: Sequence[Doc], nlp: Language, key: str,
                      stats: ExampleStats | None = None) -> list[Example]:
    """One example per task for the span classifier: the predicted side is the task as the base model
    parsed it (with its candidates and tok2vec output), the reference holds the task's spans of our
    labels in ``doc.spans[key]`` (overlapping spans are fine: each candidate gets one label)."""
    stats = stats if stats is not None else ExampleStats()
    examples = []
    for task, doc in zip(tasks, parsed, strict=True):
        reference = make_doc(task, nlp)
        spans = [reference.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
                 for s in task.spans if s.label in LEARNED_LABELS]
        reference.spans[key] = [s for s in spans if s is not None]
        stats.spans += len(reference.spans[key])
        stats.paragraphs += len(paragraph_ranges(reference))
        stats.across_paragraphs += sum(1 for s in reference.spans[key]
                                       if any(t.is_space and "\n" in t.text for t in s))
        examples.append(Example(doc, reference))
    return examples
