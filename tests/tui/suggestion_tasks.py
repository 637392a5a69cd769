"""A pre-labeled news story of our own with suggestions beside its pre-labels, for the tests of
the suggestion keys: tokens by spaCy's blank English tokenizer, spans built as the pre-labeler builds them."""

from __future__ import annotations

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task, Token
from annotator.core.span_queries import make_span

TEXT = ("Mayor Ana Ruiz said the bridge will reopen in May. Critics doubt the schedule, according to "
        "Tom Berg. The council believes costs will rise. Ruiz added that tolls would stay low.")


def _tokens(text: str) -> list[Token]:
    import spacy

    doc = spacy.blank("en")(text)
    return [Token(t.text, t.idx, t.idx + len(t.text), t.i, bool(t.whitespace_)) for t in doc]


def span(task: Task, words: str, label: str, quote_type: str | None = None, occurrence: int = 0) -> Span:
    """The span of ``label`` over the ``occurrence``-th place the text has ``words``."""
    start = -1
    for _ in range(occurrence + 1):
        start = task.text.index(words, start + 1)
    end = start + len(words)
    first = next(t.id for t in task.tokens if t.start == start)
    last = next(t.id for t in task.tokens if t.end == end)
    return make_span(task, first, last, label, quote_type)


def story(*, suggestions: bool = True) -> Task:
    """One pre-labeled attribution (Ruiz: the bridge will reopen) and three suggestions: a new
    speaker (the council), a speaker that is an entity already (Tom Berg), and a speaker that is
    the pre-labeled SPEAKER (Ana Ruiz)."""
    task = Task(text=TEXT, tokens=_tokens(TEXT))
    ruiz, berg = span(task, "Ana Ruiz", "PERSON"), span(task, "Tom Berg", "PERSON")
    speaker, cue = span(task, "Ana Ruiz", SPEAKER), span(task, "said", CUE)
    quote = span(task, "the bridge will reopen in May", QUOTE, "indirect")
    task.spans = sorted([ruiz, berg, speaker, cue, quote], key=lambda s: (s.start, -s.end, s.label))
    task.relations = [Relation(quote, speaker, SAID_BY), Relation(quote, cue, CUE_REL)]
    if suggestions:
        task.suggestions = [
            Suggestion(span(task, "costs will rise", QUOTE, "indirect"), span(task, "believes", CUE),
                       span(task, "The council", SPEAKER), score=0.42, source="rules"),
            Suggestion(span(task, "Critics doubt the schedule", QUOTE, "indirect"),
                       span(task, "according to", CUE), span(task, "Tom Berg", SPEAKER), score=0.31),
            Suggestion(span(task, "tolls would stay low", QUOTE, "indirect"), span(task, "added", CUE),
                       span(task, "Ana Ruiz", SPEAKER), score=0.27),
        ]
    return task
