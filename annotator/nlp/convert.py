"""The one place that converts between our task records and spaCy ``Doc`` objects.

On a ``Doc``: entities in ``doc.ents``; quotes, speakers and cues in ``doc.spans["quotes"]``,
``doc.spans["speakers"]`` and ``doc.spans["cues"]``; a quote's type in ``span._.quote_type``;
relations in ``doc._.relations`` as ``DocRelation`` tuples of character offsets and labels (a
``DocBin`` stores them as plain tuples; ``relations_of`` reads either); suggestions, apart from all
of these, in ``doc._.suggestions`` as ``DocSuggestion`` tuples (``suggestions_in`` reads them). All
of it survives ``DocBin`` serialisation with ``store_user_data=True``.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from annotator.core.records import CUE, QUOTE, SPEAKER, Relation, Span, Suggestion, Task, Token

SPAN_GROUPS = {QUOTE: "quotes", SPEAKER: "speakers", CUE: "cues"}


class DocRelation(NamedTuple):
    """A relation between two spans of a ``Doc``, by character offsets: ``head`` → ``child``."""

    head_start: int
    head_end: int
    head_label: str
    child_start: int
    child_end: int
    child_label: str
    #: The relation's label (``SAID_BY``, ``CUE_REL``, ``COREF``), not a span's.
    label: str


class DocSuggestion(NamedTuple):
    """A suggestion on a ``Doc`` (``annotator_suggestions`` writes them), by character offsets: its
    quote and type, its cue and speaker (``None`` when it has none), its score and its source, and
    the pre-labeled quote whose extent it would replace (``None``: a quote of its own)."""

    quote_start: int
    quote_end: int
    quote_type: str
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    score: float | None
    source: str | None
    replaces_start: int | None = None
    replaces_end: int | None = None


if not SpacySpan.has_extension("quote_type"):
    SpacySpan.set_extension("quote_type", default=None)
if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)
if not Doc.has_extension("suggestions"):
    Doc.set_extension("suggestions", default=None)


def ensure_span_groups(doc: Doc) -> None:
    for group in SPAN_GROUPS.values():
        if group not in doc.spans:
            doc.spans[group] = []


def make_doc(task: Task, nlp: Language) -> Doc:
    """A Doc with the task's tokens (or the pipeline's tokenizer when the task has none), no labels.

    Gaps between tokens other than one space become whitespace tokens, so ``doc.text == task.text``.
    """
    if not task.tokens:
        # The tokenizer itself, not nlp.make_doc: a text over max_length is still tokenized, and the
        # pre-labeler decides what to run on it.
        return nlp.tokenizer(task.text)
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for token in task.tokens:
        gap = task.text[position:token.start]
        if gap:
            if words and not spaces[-1] and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        words.append(token.text)
        spaces.append(False)
        position = token.end
        if task.text.startswith(" ", position):
            spaces[-1] = True
            position += 1
    if position < len(task.text):
        words.append(task.text[position:])
        spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def tokens_from_doc(doc: Doc) -> list[Token]:
    """Every token of the Doc, whitespace tokens included, as Prodigy writes them."""
    return [Token(text=t.text, start=t.idx, end=t.idx + len(t.text), id=t.i, ws=bool(t.whitespace_))
            for t in doc]


def doc_to_task(doc: Doc, base: Task | None = None) -> Task:
    """Our record for a Doc; ``base`` supplies meta, carried fields and the input hash."""
    tokens = tokens_from_doc(doc)
    text = doc.text  # rebuilt from the tokens on every access: read it once
    by_char_start = {t.start: t.id for t in tokens}
    by_char_end = {t.end: t.id for t in tokens}

    def at(start: int, end: int, label: str, quote_type: str | None = None) -> Span | None:
        start, end = strip_spaces(text, start, end)
        if start >= end or start not in by_char_start or end not in by_char_end:
            return None
        if label == QUOTE and quote_type is None:
            quote_type = "direct"
        return Span(start, end, by_char_start[start], by_char_end[end], label,
                    text=text[start:end], quote_type=quote_type if label == QUOTE else None)

    def span_of(sp: SpacySpan, label: str | None = None) -> Span | None:
        label = label or sp.label_
        return at(sp.start_char, sp.end_char, label, sp._.quote_type if label == QUOTE else None)

    spans: list[Span] = []
    for ent in doc.ents:
        converted = span_of(ent)
        if converted is not None:
            spans.append(converted)
    for label, group in SPAN_GROUPS.items():
        for sp in doc.spans.get(group, []):
            converted = span_of(sp, label)
            if converted is not None:
                spans.append(converted)
    spans = _unique(spans)
    keyed = {s.key: s for s in spans}
    relations = []
    for item in relations_in(doc):
        head = keyed.get((*strip_spaces(text, item.head_start, item.head_end), item.head_label))
        child = keyed.get((*strip_spaces(text, item.child_start, item.child_end), item.child_label))
        if head is not None and child is not None:
            relations.append(Relation(head, child, item.label))
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    task = Task(
        text=text,
        tokens=tokens,
        spans=spans,
        relations=_unique(relations),
        meta=dict(base.meta) if base else {},
        input_hash=base.input_hash if base else None,
        extra=dict(base.extra) if base else {},
        suggestions=_suggestions(doc, at, keyed),
    )
    return task


def _suggestions(doc: Doc, at, keyed: dict) -> list[Suggestion]:
    """The doc's suggestions as records (``at`` makes a span on token edges, or None): one whose
    quote is not on token edges is left out, and so is a cue or speaker that is not; another extent
    whose replaced quote is not one of the task's (``keyed``) too."""
    out = []
    for item in suggestions_in(doc):
        quote = at(item.quote_start, item.quote_end, QUOTE, item.quote_type)
        if quote is None:
            continue
        cue = at(item.cue_start, item.cue_end, CUE) if item.cue_start is not None else None
        speaker = at(item.speaker_start, item.speaker_end, SPEAKER) if item.speaker_start is not None else None
        replaces = None
        if item.replaces_start is not None:
            replaces = keyed.get((*strip_spaces(doc.text, item.replaces_start, item.replaces_end), QUOTE))
            if replaces is None:
                continue
        out.append(Suggestion(quote, cue, speaker, item.score, item.source, replaces))
    return out


def suggestions_in(doc: Doc) -> list[DocSuggestion]:
    """The suggestions of ``doc`` as ``DocSuggestion`` (none when nothing proposed them)."""
    return [DocSuggestion(*item) for item in doc._.suggestions or ()]


def suggestion_tuple(suggestion: Suggestion) -> DocSuggestion:
    q, c, s, r = suggestion.quote, suggestion.cue, suggestion.speaker, suggestion.replaces
    return DocSuggestion(q.start, q.end, q.quote_type or "direct", c.start if c else None, c.end if c else None,
                         s.start if s else None, s.end if s else None, suggestion.score, suggestion.source,
                         r.start if r else None, r.end if r else None)


def task_to_doc(task: Task, nlp: Language) -> Doc:
    """A Doc carrying the task's spans and relations, ready for training or for our components."""
    doc = make_doc(task, nlp)
    ensure_span_groups(doc)
    entities = []
    groups: dict[str, list[SpacySpan]] = {g: [] for g in SPAN_GROUPS.values()}
    for span in task.spans:
        sp = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
        if sp is None:
            sp = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
        if sp is None:
            continue
        if span.is_entity:
            entities.append(sp)
        else:
            if span.quote_type is not None:
                sp._.quote_type = span.quote_type
            groups[SPAN_GROUPS[span.label]].append(sp)
    doc.ents = filter_spans(entities)
    for group, spans in groups.items():
        doc.spans[group] = spans
    doc._.relations = [relation_tuple(r) for r in task.relations]
    if task.suggestions:  # only then: a DocBin stores every extension value set, None too
        doc._.suggestions = [suggestion_tuple(s) for s in task.suggestions]
    return doc


def add_relation(doc: Doc, head: SpacySpan, head_label: str, child: SpacySpan, child_label: str,
                 label: str) -> None:
    """Record a relation between two spans of ``doc`` (once), in ``doc._.relations``."""
    item = DocRelation(head.start_char, head.end_char, head_label, child.start_char, child.end_char, child_label,
                       label)
    # Each doc._ access builds an Underscore object: fetch the list once.
    relations = doc._.relations
    if not isinstance(relations, list):
        # None on a new Doc; a tuple of plain tuples on one read from a DocBin.
        relations = doc._.relations = relations_in(doc)
    if item not in relations:
        relations.append(item)


def relations_in(doc: Doc) -> list[DocRelation]:
    """Every relation of ``doc`` as a ``DocRelation`` (a ``DocBin`` gives plain tuples back), in a new
    list (one already a ``DocRelation``, immutable, as it is: the suggestions read them some eight times a Doc)."""
    return [r if type(r) is DocRelation else DocRelation(*r) for r in doc._.relations or ()]


def relations_of(doc: Doc, label: str) -> list[DocRelation]:
    """The relations of ``doc`` with the relation label ``label`` (``SAID_BY``, ``CUE_REL``, ``COREF``)."""
    return [r for r in relations_in(doc) if r.label == label]


def relation_tuple(relation: Relation) -> DocRelation:
    h, c = relation.head_span, relation.child_span
    return DocRelation(h.start, h.end, h.label, c.start, c.end, c.label, relation.label)


def strip_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the white space at either end, as offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unique(items: Iterable[Any]) -> list[Any]:
    seen = set()
    out = []
    for item in items:
        key = item.key if isinstance(item, Span) else relation_tuple(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
