"""Entity spans cleaned of what a small model gets wrong at their edges: a leading ``the``, a
possessive, one word of a person's title tagged ORG, a common noun opening a sentence tagged PERSON."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Span

from annotator.nlp.doc_words import ids_of
from annotator.nlp.entities.names import PERSON
from annotator.nlp.entities.scan import EntityScan
from annotator.nlp.lexicon import POSSESSIVE
from annotator.nlp.name_words import TITLES


def trimmed(scan: EntityScan, ents: list[Span]) -> list[Span]:
    """Without a leading ``the`` and a possessive (when configured), and without title fragments."""
    ents = [_trim(e) for e in ents] if scan.strip_determiners else ents
    return [e for e in ents if e is not None and not _title_fragment(e)]


def without_common_nouns(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return [e for e in ents if not _common_noun_at_sentence_start(scan, e, ents)]


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    strings, orths = doc.vocab.strings, ids_of(doc, ORTH)  # (the words off the Doc's array: no Token built)
    if end - start > 1 and orths[start] == _THE:  # (``the``: its lower case is ``the`` too)
        start += 1
    elif end - start > 2 and orths[start] == _CAPITAL_THE and doc[start].is_sent_start:
        start += 1  # "The White House said": capitalised only by its place in the sentence
    while end - start > 1 and strings[orths[end - 1]] in POSSESSIVE:
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


_THE, _CAPITAL_THE = hash_string("the"), hash_string("The")


def _common_noun_at_sentence_start(scan: EntityScan, ent: Span, ents: list[Span]) -> bool:
    """``Turnout was low``, ``Verdict on …``: one capitalised word opening a sentence, tagged
    PERSON, that the tagger reads as a common noun or the lemmatizer knows as one, and that the
    document never capitalises elsewhere, never makes a speaker or a surname."""
    if ent.label_ != PERSON or len(ent) != 1 or not ent[0].is_sent_start or ent.root.i in scan.speaker_heads:
        return False
    token = ent[0]
    if token.tag_ in ("NN", "NNS"):
        return True
    word = token.lower_
    if word not in scan.common_nouns:
        return False
    if word in scan.capitalised_inside_sentences:  # (``token`` starts its sentence: never among them)
        return False
    return not any(e.label_ == PERSON and len(e) > 1 and e[-1].lower_ == word for e in ents)


def _title_fragment(ent: Span) -> bool:
    """``Press`` in ``Press secretary Karine Jean-Pierre``, ``State`` in ``Secretary of State Marco
    Rubio``: one word of a person's title, not an organisation."""
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.text in TITLES:
        return True  # a lower-case title after it ("Press secretary"); "NATO Secretary" stays an ORG
    prev = doc[ent.start - 2:ent.start]
    return len(prev) == 2 and prev[0].lower_ in TITLES and prev[1].lower_ == "of" and nxt is not None \
        and nxt.ent_type_ == PERSON
