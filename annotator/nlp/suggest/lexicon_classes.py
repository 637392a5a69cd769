"""Which of our lexicon's classes a cue's words belong to (``cue_classes``: membership only, never
the words), read through one index per lexicon's tables (``class_index``): the scorer's cue-class
features (``scorer_features``)."""

from __future__ import annotations

from operator import attrgetter, is_

from spacy.tokens import Span

from annotator.nlp.cue_words import CUE_VERB_CLASSES, STANCE_NOUN_PREPOSITIONS
from annotator.nlp.lexicon import Lexicon

#: The lexicon's classes a cue is looked up in: feature name → the ``Lexicon`` attribute holding it
#: (a set of words, or a table word → words, whose keys are the class).
CLASS_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("speech", "speech"), ("cognition", "cognition"), ("object", "object_verbs"),
    ("infinitive", "infinitive_verbs"), ("stance", "stance_verbs"), ("intention", "intention_verbs"),
    ("regard", "regard_verbs"), ("evidence", "evidence_verbs"), ("noun", "nouns"), ("adjective", "adjectives"),
    ("judgement", "judgement_verbs"), ("passive", "passive_verbs"), ("prepositional", "prepositional_verbs"),
    ("adjective-preposition", "adjective_prepositions"), ("light", "light_verbs"), ("linking", "linking_verbs"),
)
#: The lexicon's tables in the order of ``CLASS_ATTRIBUTES``.
_TABLES_OF = attrgetter(*(attribute for _, attribute in CLASS_ATTRIBUTES))
#: Class indexes (see ``class_index``) by the identities of the tables they were read from, each kept
#: with those tables (so no identity is reused while it is kept); at most ``_KEPT``, the oldest dropped.
_INDEXES: dict[tuple[int, ...], tuple[tuple, dict[str, tuple[str, ...]]]] = {}
_KEPT = 8
#: The key of the index served last (checked first).
_LAST: list[tuple[int, ...]] = []


def class_index(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Word → the names of the classes it belongs to (``CLASS_ATTRIBUTES``, ``stance-noun`` and
    ``cue_words``' verb classes as ``class-NAME``), built once per lexicon's tables and served while
    its public attributes hold the same table objects: a lexicon whose attribute is given a new
    table gets a new index. A class the lexicon lacks is empty. (A table changed in place is not
    seen: the lexicon's tables are frozensets.)"""
    try:
        tables = _TABLES_OF(lexicon)
    except AttributeError:
        tables = tuple(getattr(lexicon, attribute, frozenset()) for _, attribute in CLASS_ATTRIBUTES)
    last = _INDEXES.get(_LAST[0]) if _LAST else None
    if last is not None and all(map(is_, tables, last[0])):
        return last[1]
    key = tuple(map(id, tables))
    held = _INDEXES.get(key)
    if held is not None:
        _LAST[:] = [key]
        return held[1]
    names: dict[str, list[str]] = {}
    named = [*zip((n for n, _ in CLASS_ATTRIBUTES), tables, strict=True), ("stance-noun", STANCE_NOUN_PREPOSITIONS),
             *((f"class-{name}", words) for name, words in CUE_VERB_CLASSES.items())]
    for name, words in named:
        for word in words:
            if name not in names.setdefault(word, []):
                names[word].append(name)
    index = {word: tuple(found) for word, found in names.items()}
    while len(_INDEXES) >= _KEPT:
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[key] = (tables, index)
    _LAST[:] = [key]
    return index


_CLASS_RANK = {name: rank for rank, name in enumerate(
    (*(n for n, _ in CLASS_ATTRIBUTES), "stance-noun", *(f"class-{n}" for n in CUE_VERB_CLASSES)))}


def cue_classes(cue: Span, lexicon: Lexicon) -> list[str]:
    """The classes of our lexicon that the cue's words belong to (membership only: no word), in the
    order of ``CLASS_ATTRIBUTES``, then ``stance-noun``, then the ``class-`` ones."""
    index = class_index(lexicon)
    found: set[str] = set()
    for token in cue:
        found.update(index.get(token.lemma_.lower(), ()), index.get(token.lower_, ()))
    return sorted(found, key=_CLASS_RANK.__getitem__)
