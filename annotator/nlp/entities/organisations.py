"""Entities that are organisations: names ending in a club or body word, names the model split
at ``and``, short forms of a longer ORG name, and a one-word name that is a place or a company
elsewhere in the document."""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from annotator.nlp.doc_words import ids_of
from annotator.nlp.entities.names import PERSON, name_bounds
from annotator.nlp.entities.scan import EntityScan
from annotator.nlp.lexicon import POSSESSIVE
from annotator.nlp.name_words import ORG_NAME_ENDINGS, ORG_SUFFIXES, OWNED_BY_ORGS, TITLES


def organisation_names(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return _organisation_names(scan.doc, ents)


def short_forms(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return _short_forms(ents)


def one_label_per_name(scan: EntityScan, ents: list[Span]) -> list[Span]:
    return _one_label_per_name(ents, scan.speaker_heads, scan.places, scan.capitalised)


def ends_like_organisation(ent: Span) -> bool:
    return len(ent) >= 2 and ent[-1].lower_.rstrip(".") in ORG_NAME_ENDINGS


def _organisation_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``Leeds United``, ``Kent Fire and Rescue Service``: a name ending in a club or body word is an
    ORG, and one the model split at ``and`` is joined back into one."""
    out: list[Span] = []
    # the words that decide whether a name goes on, read off the Doc's array (no Token built)
    strings, lowers = doc.vocab.strings, ids_of(doc, LOWER)  # (read once per Doc)
    for ent in ents:
        last, after = strings[lowers[ent.end - 1]], strings[lowers[ent.end]] if ent.end + 2 < len(doc) else ""
        if last.rstrip(".") not in ORG_NAME_ENDINGS and after not in ("and", "&"):
            start, end = ent.start, ent.end  # (what _joined_at_and gives then)
        else:
            start, end = _joined_at_and(doc, ent)
        if ent.label_ == "ORG" and (start, end) == (ent.start, ent.end):
            out.append(ent)
            continue
        label = ent.label_
        if end - start >= 2 and doc[end - 1].lower_.rstrip(".") in ORG_NAME_ENDINGS \
                and doc[end - 1].text[:1].isupper() and label in (PERSON, "ORG", "GPE", "FAC", "NORP", "PRODUCT",
                                                                "WORK_OF_ART", "LOC"):
            label = "ORG"
        out.append(Span(doc, start, end, label=label) if (start, end, label) != (ent.start, ent.end, ent.label_)
                   else ent)
    return filter_spans(out)


def _joined_at_and(doc: Doc, ent: Span) -> tuple[int, int]:
    """The entity's token range, taking in the rest of a name the model split at ``and``."""
    start, end = ent.start, ent.end
    if ent[-1].lower_.rstrip(".") in ORG_NAME_ENDINGS and ent[-1].text[:1].isupper():
        # "Kent Fire | and | Rescue Service": take the capitalised words before "and" too.
        if start >= 2 and doc[start - 1].lower_ in ("and", "&") and doc[start - 2].text[:1].isupper() \
                and doc[start - 2].pos_ in ("PROPN", "NOUN"):
            start -= 2
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                    and not (doc[start - 1].is_sent_start and doc[start - 1].lower_ == "the"):
                start -= 1
    elif end + 2 < len(doc) and doc[end].lower_ in ("and", "&"):
        # "Kent Fire and" tagged alone, "Rescue Service" untagged after it.
        stop = end + 1
        while stop < len(doc) and stop < end + 5 and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
            stop += 1
        if stop > end + 1 and doc[stop - 1].lower_ in ORG_NAME_ENDINGS and ent.label_ in ("ORG", PERSON, "FAC"):
            end = stop
    return start, end


def _one_label_per_name(ents: list[Span], speaker_heads: set[int], places: list[tuple[int, int]],
                        capitalised: list[int]) -> list[Span]:
    """A one-word name the model tags PERSON in one place and GPE or ORG in another (``Kyiv``,
    ``Brentford``) takes the place or organisation label everywhere when that evidence weighs at least
    as much as the PERSON tags (a dateline, ``FC``/``Ltd`` after it or a longer ORG name starting
    with it count double; a PERSON mention that speaks counts double), and nothing marks it as a
    person: a full name ending in it, or a title before it."""
    if not ents:
        return ents
    doc = ents[0].doc
    # (each word read off the Doc's array: ``ent[0]`` and ``doc[i]`` build a Token)
    strings, lowers = doc.vocab.strings, ids_of(doc, LOWER)
    weight: dict[str, dict[str, int]] = {}
    _vote_by_labels(weight, ents, speaker_heads, places)
    _vote_by_context(weight, doc, capitalised)
    surnames = {strings[lowers[end - 1]] for start, end in (name_bounds(e) for e in ents if e.label_ == PERSON)
                if end - start >= 2}
    titled = {strings[lowers[e.start]] for e in ents if e.label_ == PERSON and len(e) == 1 and e.start
              and strings[lowers[e.start - 1]].rstrip(".") in TITLES}
    out = []
    for ent in ents:
        word = strings[lowers[ent.start]]
        votes = weight.get(word, {})
        other = [label for label in ("GPE", "ORG") if votes.get(label)]
        if ent.label_ == PERSON and len(ent) == 1 and len(other) == 1 and word not in surnames \
                and word not in titled and votes[other[0]] >= votes.get(PERSON, 0):
            ent = Span(doc, ent.start, ent.end, label=other[0])
        out.append(ent)
    return out


def _vote(weight: dict[str, dict[str, int]], word: str, label: str, points: int) -> None:
    votes = weight.setdefault(word, {})
    votes[label] = votes.get(label, 0) + points


def _vote_by_labels(weight: dict[str, dict[str, int]], ents: list[Span], speaker_heads: set[int],
                    places: list[tuple[int, int]]) -> None:
    """What the model's labels say of each first word: one-word GPE, ORG and PERSON tags (a dateline
    place or a speaking person counting double) and a longer ORG name starting with it (double)."""
    datelines = {start for start, _ in places}
    doc = ents[0].doc if ents else None
    strings, lowers = (doc.vocab.strings, ids_of(doc, LOWER)) if doc is not None else (None, [])
    for ent in ents:
        word = strings[lowers[ent.start]]  # (``ent[0].lower_``, off the Doc's array)
        if len(ent) == 1 and ent.label_ in ("GPE", "ORG", PERSON):
            strong = ent.label_ == "GPE" and ent.start in datelines or \
                ent.label_ == PERSON and ent.start in speaker_heads
            _vote(weight, word, ent.label_, 2 if strong else 1)
        elif ent.label_ == "ORG" and len(ent) >= 2 and ent[0].text[:1].isupper():
            _vote(weight, word, "ORG", 2)  # "Brentford FC", "Acme Display"


def _vote_by_context(weight: dict[str, dict[str, int]], doc: Doc, capitalised: list[int]) -> None:
    """What a capitalised word's neighbours say: ``FC``/``Ltd`` after it (double), a possessive
    with a thing organisations own (``Acme's shares``), ``at`` before it (``worked at Acme``).
    ``capitalised``: the indices of the capitalised words, in order (every vote is for one)."""
    # The words, tags and entity labels read off the Doc's arrays (a doc[i] builds a Token).
    if not capitalised:
        return
    capital = set(capitalised)
    size = len(doc)
    strings = doc.vocab.strings
    lowers, orths, tags = ids_of(doc, LOWER), ids_of(doc, ORTH), ids_of(doc, POS)
    types, org, at = doc.to_array(ENT_TYPE).tolist(), strings["ORG"], _AT
    for i in capitalised:
        after = i + 1 < size
        if after and strings[lowers[i + 1]].rstrip(".") in ORG_SUFFIXES and i + 1 in capital \
                and types[i] != org:
            _vote(weight, strings[lowers[i]], "ORG", 2)
        elif tags[i] == _PROPN and i + 2 < size \
                and strings[orths[i + 1]] in POSSESSIVE and strings[lowers[i + 2]] in OWNED_BY_ORGS:
            _vote(weight, strings[lowers[i]], "ORG", 1)  # "Brentford's squad", "Acme's shares"
        elif tags[i] == _PROPN and i and lowers[i - 1] == at \
                and (i + 1 == size or i + 1 not in capital):
            _vote(weight, strings[lowers[i]], "ORG", 1)  # "a coach at Brentford", "worked at Acme"


_PROPN = POS_IDS["PROPN"]
_AT = hash_string("at")


def _short_forms(ents: list[Span]) -> list[Span]:
    """``Northwind`` after ``Northwind Airlines`` (ORG) is the same organisation."""
    orgs = {e[0].text for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[0].text[:1].isupper()}
    return [Span(e.doc, e.start, e.end, label="ORG")
            if len(e) == 1 and e.label_ in ("GPE", "PRODUCT") and e.text in orgs else e for e in ents]
