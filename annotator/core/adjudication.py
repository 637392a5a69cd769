"""Adjudication: the versions annotators made of one document, whether they agree, their spans and
relations merged with who has each, and the gold record a reviewer writes (``meta.review``).

Plain Python like the rest of ``core``: the review screen, the command and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from annotator.core.editing import EditingSession, span_order
from annotator.core.invariants import task_problems
from annotator.core.records import Annotation, Relation, Span, Task

#: The answers a review looks at: an ``ignore`` says nothing about the spans, so it is left out.
REVIEWED_ANSWERS = ("accept", "reject")

SpanId = tuple[int, int, str, "str | None"]
RelationId = tuple[SpanId, SpanId, str]
#: a span's or a relation's identity
K = TypeVar("K", SpanId, RelationId)


def span_id(span: Span) -> SpanId:
    """What makes two annotators' spans the same: offsets, label and (for a quote) its type."""
    return (span.start, span.end, span.label, span.quote_type)


def relation_id(relation: Relation) -> RelationId:
    return (span_id(relation.head_span), span_id(relation.child_span), relation.label)


@dataclass(frozen=True)
class Version:
    """One annotator's newest decision on a document, and where it was read."""

    annotator: str
    annotation: Annotation
    source: str = ""

    @property
    def task(self) -> Task:
        return self.annotation.task

    @property
    def answer(self) -> str:
        return self.annotation.answer

    @cached_property
    def task_hash(self) -> int:
        return self.annotation.task.content_hash


@dataclass
class Adjudication:
    """The versions of one document (one per annotator, ordered by annotator) and what they share."""

    versions: list[Version]

    def __post_init__(self) -> None:
        if not self.versions:
            raise ValueError("an adjudication needs at least one version")
        self.versions = sorted(self.versions, key=lambda v: v.annotator)

    @property
    def input_hash(self) -> int:
        return self.versions[0].task.input_hash  # type: ignore[return-value]

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(v.annotator for v in self.versions)

    @property
    def source(self) -> str:
        return self.versions[0].source

    @property
    def agreed(self) -> bool:
        """At least two annotators, all with the same spans, relations and answer."""
        return len(self.versions) >= 2 and len({(v.task_hash, v.answer) for v in self.versions}) == 1

    @property
    def agreed_answer(self) -> str | None:
        return self.versions[0].answer if self.agreed else None

    @cached_property
    def span_owners(self) -> dict[SpanId, tuple[str, ...]]:
        """Every span of any version → the annotators who have it, in version order."""
        return self._owners(lambda task: map(span_id, task.spans))

    @cached_property
    def relation_owners(self) -> dict[RelationId, tuple[str, ...]]:
        """Every relation of any version → the annotators who have it, in version order."""
        return self._owners(lambda task: map(relation_id, task.relations))

    def _owners(self, keys_of: Callable[[Task], Iterable[K]]) -> dict[K, tuple[str, ...]]:
        owners: dict[K, list[str]] = {}
        for version in self.versions:
            for key in keys_of(version.task):
                names = owners.setdefault(key, [])
                if version.annotator not in names:
                    names.append(version.annotator)
        return {key: tuple(names) for key, names in owners.items()}

    def disputed_spans(self) -> dict[SpanId, tuple[str, ...]]:
        """Spans that only some annotators have → who has them."""
        everyone = len(self.versions)
        return {key: names for key, names in self.span_owners.items() if len(names) < everyone}

    def disputed_relations(self) -> dict[RelationId, tuple[str, ...]]:
        everyone = len(self.versions)
        return {key: names for key, names in self.relation_owners.items() if len(names) < everyone}

    def merged(self) -> Task:
        """The first version's task with every span and relation of every version.

        Versions that disagree can leave it with problems (two labels on one name, a quote with
        two types); the reviewer resolves them, and the gold record is written only without any.
        """
        base = self.versions[0].task.copy()
        spans: dict[SpanId, Span] = {}
        for version in self.versions:
            for span in version.task.spans:
                spans.setdefault(span_id(span), _on_tokens(span, base))
        relations: dict[RelationId, Relation] = {}
        for version in self.versions:
            for relation in version.task.relations:
                key = relation_id(relation)
                if key[0] in spans and key[1] in spans:
                    relations.setdefault(key, Relation(spans[key[0]], spans[key[1]], relation.label))
        base.spans = sorted(spans.values(), key=span_order)
        base.relations = list(relations.values())
        return base

    def version_spans(self, version: Version, like: Task) -> tuple[list[Span], list[Relation]]:
        """A version's spans and relations placed on the tokens of ``like`` (the task being edited)."""
        spans = {span_id(s): _on_tokens(s, like) for s in version.task.spans}
        relations = [Relation(spans[relation_id(r)[0]], spans[relation_id(r)[1]], r.label)
                     for r in version.task.relations]
        return sorted(spans.values(), key=span_order), relations

    def matching(self, task: Task) -> list[str]:
        """The annotators whose version has exactly the spans and relations of ``task``."""
        wanted = task.content_hash
        return [v.annotator for v in self.versions if v.task_hash == wanted]

    def review_meta(self, task: Task) -> dict[str, Any]:
        """What ``meta.review`` of a gold record holds (documented in the README)."""
        return {
            "agreed": self.agreed,
            "sources": [{"annotator": v.annotator, "answer": v.answer, "task_hash": v.task.task_hash,
                         "session": v.annotation.session_id, "timestamp": v.annotation.timestamp}
                        for v in self.versions],
            "matches": self.matching(task),
        }

    def gold(self, task: Task, answer: str, *, reviewer: str, session_id: str, timestamp: int) -> Annotation:
        """The gold record: the task as the reviewer left it, their answer, and the versions it came from."""
        gold = task.copy()
        gold.meta["review"] = self.review_meta(task)
        return Annotation(gold, answer, reviewer, session_id, timestamp)


def group_versions(versions: Iterable[Version], expected: Mapping[int, int]) -> Iterator[Adjudication]:
    """Group versions by document, yielding each document as soon as its ``expected[input hash]``
    versions have been read, so only documents still missing a version are held in memory."""
    pending: dict[int, list[Version]] = {}
    for version in versions:
        hash_ = version.task.input_hash
        assert hash_ is not None
        group = pending.setdefault(hash_, [])
        group.append(version)
        if len(group) >= expected.get(hash_, 1):
            del pending[hash_]
            yield Adjudication(group)
    for group in pending.values():
        yield Adjudication(group)


class ReviewSession(EditingSession):
    """An editing session whose documents may start with the versions' conflicts in them.

    The merged document of a disagreement can break an invariant (two labels on one name): an
    edit there is refused only when it adds a problem, so deleting the wrong one of two
    conflicting spans works while the other conflicts remain. Writing still needs a sound task.
    """

    def take(self, spans: list[Span], relations: list[Relation], description: str) -> None:
        """Replace the current document's spans and relations (one edit, undone like any other)."""
        self._commit(description, spans, relations, None, None)

    def _refusing_problems(self, before: Task, after: Task) -> list[str]:
        # A merge may start with conflicts; an edit is refused only if it adds a problem.
        known = set(task_problems(before))
        return [p for p in task_problems(after) if p not in known]


def _on_tokens(span: Span, task: Task) -> Span:
    """The span with token indices of ``task`` (versions tokenised differently still line up)."""
    tokens = task.tokens
    if span.token_end < len(tokens) and tokens[span.token_start].start == span.start \
            and tokens[span.token_end].end == span.end:
        return span
    first = next((t.id for t in task.tokens if t.start == span.start), None)
    last = next((t.id for t in task.tokens if t.end == span.end), None)
    if first is None or last is None:
        return span
    return span.replace(token_start=first, token_end=last)
