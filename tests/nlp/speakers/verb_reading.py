"""What a reader of one verb (``subject_of``, ``verb_holder``, ``stray_agent``…) gives for it in a
sentence of our own, parsed by the real model: the helper the speaker and holder tests share."""

from __future__ import annotations

from annotator.nlp.pipeline import SUGGESTIONS


def read(nlp_model, text: str, verb: str, reader) -> str | None:
    """The text of ``reader(word, lexicon)`` for the first token ``verb`` of ``text`` (None: none)."""
    word = next(t for t in nlp_model(text) if t.text == verb)
    found = reader(word, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return found.text if found is not None else None
