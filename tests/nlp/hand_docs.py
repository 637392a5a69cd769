"""``Doc``s built by hand, parse and all, so a rule's test does not change when the model does."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

import annotator.nlp.convert  # noqa: F401  (registers span._.quote_type and doc._.relations)

_NLP = spacy.blank("en")


def hand_doc(text: str, rows: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc of ``text`` from one row per token: ``WORD POS TAG DEP HEAD [LEMMA]`` (HEAD is the
    head's index; the lemma defaults to the lower-cased word; ``\\n`` is a line break). Spaces
    come from ``text``."""
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for row in rows.strip().splitlines():
        fields = row.split()
        if not fields:
            continue
        word, p, tag, dep, head = fields[:5]
        word = "\n" if word == "\\n" else word
        words.append(word)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(fields[5] if len(fields) > 5 else word.lower())
    spaces, at = [], 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at:at + 1] == " ")
    doc = Doc(_NLP.vocab, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
    assert doc.text == text, f"rows do not spell the text: {doc.text!r}"
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc
