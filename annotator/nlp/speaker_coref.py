"""The COREF of a speaker the annotator adds, by the same rules the pre-labeler uses
(``annotator_coref``), on a Doc rebuilt from the task (no model is run, so it is quick)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from annotator.core.records import COREF, Span, Task
from annotator.nlp.convert import relations_in, relations_of, task_to_doc
from annotator.nlp.coref import SpeakerResolver


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")  # the rules read sentences for a pronoun's gender
    return nlp


def guess_coref(task: Task, speaker: Span) -> Span | None:
    """The entity mention of ``task`` that ``speaker`` refers to, or None when the rules find none."""
    nlp = _blank()
    doc = nlp.get_pipe("sentencizer")(task_to_doc(task, nlp))
    doc._.relations = [r for r in relations_in(doc) if r.label != COREF]
    SpeakerResolver()(doc)
    by_offsets = {(s.start, s.end, s.label): s for s in task.spans if s.is_entity}
    for r in relations_of(doc, COREF):
        if (r.head_start, r.head_end) == (speaker.start, speaker.end):
            return by_offsets.get((r.child_start, r.child_end, r.child_label))
    return None


def warm_up() -> None:
    """Import spaCy and build the blank pipeline ahead of the first speaker link (call off the UI thread)."""
    _blank()
