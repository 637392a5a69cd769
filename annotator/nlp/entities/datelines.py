"""Wire datelines: the place at the head of ``WASHINGTON (AP) —`` is a GPE, and a name the model
ran into it stays a name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from annotator.nlp.entities.scan import EntityScan
from annotator.nlp.paragraphs import dateline_end


def datelines(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return _datelines(scan.doc, ents, scan.places)


def _datelines(doc: Doc, ents: list[Span], places: list[tuple[int, int]]) -> list[Span]:
    """``WASHINGTON (AP) —``: the place at the head of a wire dateline is a GPE."""
    if not places:
        return ents
    kept = [e for e in ents if not any(e.start < end and start < e.end for start, end in places)]
    for ent in ents:
        # "LONDON - Maya Lindqvist" tagged as one entity: the name after the dash stays a name.
        for start, _ in places:
            if not ent.start <= start < ent.end:
                continue
            after = dateline_end(doc, start)
            if after is not None and ent.end > after and doc[after].text[:1].isupper():
                kept.append(Span(doc, after, ent.end, label=ent.label_))
    return kept + [Span(doc, start, end, label="GPE") for start, end in places]
