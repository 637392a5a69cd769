"""Entities made consistent within a document.

Mentions of a surname get the label of the person named in full (or who speaks), not the ORG or
NORP a small model sometimes gives them; speakers that are names become PERSON entities; a leading
``the`` and a possessive ``'s`` are left out of entity spans.
"""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.lexicon import (
    HONORIFICS, ORG_NAME_ENDINGS, ORG_SUFFIXES, ORGANISATION_NOUNS, OWNED_BY_ORGS, POSSESSIVE,
    TITLES, Lexicon, is_demonym, is_person_role, shared_lexicon,
)
from annotator.nlp.paragraphs import dateline_end, dateline_place, paragraph_first_tokens

PERSON = "PERSON"
_PROPN = POS_IDS["PROPN"]
#: Labels a person's surname is often mistaken for; GPE is left alone (Washington, Jordan, Georgia).
RELABEL_FROM = ("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT", "LAW", "LANGUAGE")
#: Labels a name in apposition to a description of a person is sometimes given instead of PERSON.
_PERSON_MISTAKEN_FOR = RELABEL_FROM + ("GPE",)


@Language.factory(
    "annotator_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"strip_determiners": True},
)
def make_entity_harmoniser(nlp: Language, name: str, strip_determiners: bool) -> EntityHarmoniser:
    return EntityHarmoniser(strip_determiners=strip_determiners, common_nouns=_model_nouns(nlp),
                            lexicon=shared_lexicon(nlp))


def _model_nouns(nlp: Language) -> frozenset[str]:
    """The common nouns the model's lemmatizer knows (its WordNet index), if it has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def name_tokens(span: Span) -> Span:
    """The name inside a mention: without titles before it and a possessive after it."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start + 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    while start < end - 1:
        token = doc[start]  # each doc[i] builds a Token: once per word looked at
        word = token.lower_
        if not (word.rstrip(".") in TITLES or word == "the" or not token.text[:1].isupper()):
            break
        start += 1
    return doc[start:end]


def surname_key(span: Span) -> str:
    return name_tokens(span)[-1].lower_


class EntityHarmoniser:
    """One label per surname in a document, and every speaking name an entity."""

    def __init__(self, *, strip_determiners: bool = True, common_nouns: frozenset[str] = frozenset(),
                 lexicon: Lexicon | None = None) -> None:
        self.strip_determiners = strip_determiners
        self.common_nouns = common_nouns
        self.lexicon = lexicon or Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        ents = [self._trim(e) for e in doc.ents] if self.strip_determiners else list(doc.ents)
        ents = [e for e in ents if e is not None and not _title_fragment(e)]
        speaker_heads = {s.root.i for s in doc.spans["speakers"]}
        ents = [e for e in ents if not self._common_noun_at_sentence_start(e, ents, speaker_heads)]
        ents = _organisation_names(doc, ents)
        ents = [_without_title(self._described_person(e, doc)) for e in ents]
        ents = [_nationality(e) for e in ents]
        places = _dateline_places(doc)
        ents = _datelines(doc, ents, places)
        ents = _short_forms(ents)
        ents = _one_label_per_name(ents, speaker_heads, places)
        # name_tokens builds a Span and walks tokens: once per entity, not once per question asked.
        names = [name_tokens(e) for e in ents]
        full_names = {name[-1].lower_ for e, name in zip(ents, names) if e.label_ == PERSON and len(name) >= 2}
        speaking = {name[-1].lower_ for e, name in zip(ents, names) if e.root.i in speaker_heads and e.label_ == PERSON}
        persons = full_names | speaking
        relabelled = []
        for ent, name in zip(ents, names):
            if ent.label_ in RELABEL_FROM and len(name) <= 5 and name[-1].lower_ in persons \
                    and all(t.text[:1].isupper() or _name_hyphen(t) for t in name) \
                    and not _ends_like_organisation(ent):
                ent = Span(doc, ent.start, ent.end, label=PERSON)
            relabelled.append(ent)
        relabelled.extend(_missing_names(doc, relabelled, persons, self.lexicon))
        doc.ents = filter_spans([_without_title(e) for e in relabelled])
        return doc

    def _common_noun_at_sentence_start(self, ent: Span, ents: list[Span], speaker_heads: set[int]) -> bool:
        """``Turnout was low``, ``Verdict on …``: one capitalised word opening a sentence, tagged
        PERSON, that the tagger reads as a common noun or the lemmatizer knows as one, and that the
        document never capitalises elsewhere, never makes a speaker or a surname."""
        if ent.label_ != PERSON or len(ent) != 1 or not ent[0].is_sent_start or ent.root.i in speaker_heads:
            return False
        token = ent[0]
        if token.tag_ in ("NN", "NNS"):
            return True
        word = token.lower_
        if word not in self.common_nouns:
            return False
        doc = ent.doc
        if any(t.lower_ == word and t.i != token.i and t.text[:1].isupper() and not t.is_sent_start for t in doc):
            return False
        return not any(e.label_ == PERSON and len(e) > 1 and e[-1].lower_ == word for e in ents)

    @staticmethod
    def _described_person(ent: Span, doc: Doc) -> Span:
        """``the head of the trade office, Nadia Rahim`` speaking: the name in apposition is a person."""
        root = ent.root
        if ent.label_ in _PERSON_MISTAKEN_FOR and ent.start and is_person_role(doc[ent.start - 1]) \
                and 2 <= len(ent) <= 6 and not _ends_like_organisation(ent) \
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() or _name_hyphen(t) for t in ent):
            return Span(doc, ent.start, ent.end, label=PERSON)  # "newcomer Ysolde Brannagh-Quist" as a FAC
        if ent.label_ not in _PERSON_MISTAKEN_FOR or len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent):
            return ent
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
        if before in TITLES and doc[ent.start - 1].text[:1].isupper():
            return Span(doc, ent.start, ent.end, label=PERSON)  # "Chancellor Rachel Reeves"
        if ent[0].lower_.rstrip(".") in HONORIFICS and len(ent) <= 4:
            return Span(doc, ent.start, ent.end, label=PERSON)  # "Mrs Carmen Ruiz" as a WORK_OF_ART
        if root.dep_ != "appos" or root.head.pos_ != "NOUN" or root.head.lower_ in ORGANISATION_NOUNS:
            return ent  # "the nurses' union, Unison Health": an organisation named, not a person
        if not any(s.start <= root.head.i < s.end and s.start <= ent.start and ent.end <= s.end
                   for s in doc.spans["speakers"]):
            return ent
        return Span(doc, ent.start, ent.end, label=PERSON)

    @staticmethod
    def _trim(ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        if end - start > 1 and doc[start].lower_ == "the" and doc[start].text == "the":
            start += 1
        elif end - start > 2 and doc[start].text == "The" and doc[start].is_sent_start:
            start += 1  # "The White House said": capitalised only by its place in the sentence
        while end - start > 1 and doc[end - 1].text in POSSESSIVE:
            end -= 1
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label=ent.label_)


def _missing_names(doc: Doc, ents: list[Span], persons: set[str], lexicon: Lexicon) -> list[Span]:
    """Speakers and known surnames that the model left untagged become PERSON entities."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for speaker in doc.spans["speakers"]:
        if any(i in taken for i in range(speaker.start, speaker.end)):
            continue
        name = name_tokens(speaker)
        if name and all(t.pos_ == "PROPN" and t.text[:1].isupper() or _name_hyphen(t) for t in name) \
                and len(name) <= 6 and not _name_hyphen(name[0]) and not _name_hyphen(name[-1]):
            added.append(Span(doc, name.start, name.end, label=PERSON))
            taken.update(range(name.start, name.end))
    for start, end in _introduced_names(doc, lexicon):
        if not any(i in taken for i in range(start, end)):
            added.append(Span(doc, start, end, label=PERSON))
            taken.update(range(start, end))
    # Read words and tags from the Doc's arrays: a Token is built only for a likely surname.
    person_ids = {hash_string(word) for word in persons}
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if pos != _PROPN or lower not in person_ids or i in taken:
            continue
        token = doc[i]
        if token.lower_ in persons and token.text[:1].isupper():
            start = token.i
            # "Ruiz-Castro": the hyphenated first part belongs to the surname.
            while start > 1 and _name_hyphen(doc[start - 1]) and doc[start - 2].text[:1].isupper() \
                    and start - 2 not in taken:
                start -= 2
            added.append(Span(doc, start, token.i + 1, label=PERSON))
            taken.update(range(start, token.i + 1))
    return added


def _introduced_names(doc: Doc, lexicon: Lexicon):
    """Names the model left untagged: 2–3 capitalised words (hyphens allowed) after a lower-case role
    noun (``director Elena Ruiz-Castro``) or as the subject of a speech verb."""
    # The tags from the Doc's arrays rule out most words before a Token is built for them.
    tags = doc.to_array([POS, ENT_TYPE]).tolist()
    i = 0
    while i < len(doc):
        if tags[i][0] != _PROPN or tags[i][1] != 0 or not i:
            i += 1
            continue
        token = doc[i]
        if not (token.text[:1].isupper() and token.pos_ == "PROPN" and token.ent_type_ == "" and i):
            i += 1
            continue
        end = i
        words = 0
        while end < len(doc) and doc[end].ent_type_ == "" and (
                doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" and doc[end].is_alpha
                or _name_hyphen(doc[end]) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
            words += doc[end].is_alpha
            end += 1
        if 2 <= words <= 4 and not _name_hyphen(doc[end - 1]):
            role = is_person_role(doc[i - 1])
            head = doc[end - 1]
            speaks = head.dep_ in ("nsubj",) and lexicon.has_speech_lemma(head.head) and not role
            if (role or speaks) and words <= (3 if speaks else 4) \
                    and not any(t.lower_ in ORG_NAME_ENDINGS for t in doc[i:end]):
                yield i, end
        i = max(end, i + 1)


def _ends_like_organisation(ent: Span) -> bool:
    return len(ent) >= 2 and ent[-1].lower_.rstrip(".") in ORG_NAME_ENDINGS


def _organisation_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``Leeds United``, ``Kent Fire and Rescue Service``: a name ending in a club or body word is an
    ORG, and one the model split at ``and`` is joined back into one."""
    out: list[Span] = []
    for ent in ents:
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
        if ent.label_ == "ORG" and (start, end) == (ent.start, ent.end):
            out.append(ent)
            continue
        label = ent.label_
        if len(doc[start:end]) >= 2 and doc[end - 1].lower_.rstrip(".") in ORG_NAME_ENDINGS \
                and doc[end - 1].text[:1].isupper() and label in (PERSON, "ORG", "GPE", "FAC", "NORP", "PRODUCT",
                                                                "WORK_OF_ART", "LOC"):
            label = "ORG"
        out.append(Span(doc, start, end, label=label) if (start, end, label) != (ent.start, ent.end, ent.label_)
                   else ent)
    return filter_spans(out)


def _nationality(ent: Span) -> Span:
    """``the Dane`` tagged ORG or PERSON: one person described by nationality, a NORP."""
    doc = ent.doc
    if len(ent) == 1 and ent.label_ != "NORP" and ent.start and doc[ent.start - 1].lower_ == "the" \
            and is_demonym(ent[0]):
        return Span(doc, ent.start, ent.end, label="NORP")
    return ent


def _name_hyphen(token) -> bool:
    """The hyphen inside ``Jean-Pierre``."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _without_title(ent: Span) -> Span:
    """``Mrs Joan Pritchard`` → ``Joan Pritchard``: a person's name without the honorific."""
    if ent.label_ != PERSON or ent[0].lower_.rstrip(".") not in TITLES:
        return ent
    name = name_tokens(ent)
    return Span(ent.doc, name.start, name.end, label=PERSON) if len(name) else ent


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


def _dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of dateline places at the head of the first three paragraphs."""
    places = (dateline_place(doc, i) for i in paragraph_first_tokens(doc, limit=3))
    return [p for p in places if p is not None]


def _datelines(doc: Doc, ents: list[Span], places: list[tuple[int, int]]) -> list[Span]:
    """``WASHINGTON (AP) —``: the place at the head of a wire dateline is a GPE."""
    if not places:
        return ents
    kept = [e for e in ents if not any(e.start < end and start < e.end for start, end in places)]
    for ent in ents:
        # "LONDON - Maya Lindqvist" tagged as one entity: the name after the dash stays a name.
        for start, _ in places:
            after = dateline_end(doc, start)
            if ent.start <= start < ent.end and after is not None and ent.end > after \
                    and doc[after].text[:1].isupper():
                kept.append(Span(doc, after, ent.end, label=ent.label_))
    return kept + [Span(doc, start, end, label="GPE") for start, end in places]


def _one_label_per_name(ents: list[Span], speaker_heads: set[int], places: list[tuple[int, int]]) -> list[Span]:
    """A one-word name the model tags PERSON in one place and GPE or ORG in another (``Kyiv``,
    ``Brentford``) takes the place or organisation label everywhere when that evidence weighs at least
    as much as the PERSON tags (a dateline, ``FC``/``Ltd`` after it or a longer ORG name starting
    with it count double; a PERSON mention that speaks counts double), and nothing marks it as a
    person: a full name ending in it, or a title before it."""
    if not ents:
        return ents
    doc = ents[0].doc
    surnames = {name_tokens(e)[-1].lower_ for e in ents if e.label_ == PERSON and len(name_tokens(e)) >= 2}
    weight: dict[str, dict[str, int]] = {}

    def vote(word: str, label: str, points: int) -> None:
        votes = weight.setdefault(word, {})
        votes[label] = votes.get(label, 0) + points

    datelines = {start for start, _ in places}
    for ent in ents:
        word = ent[0].lower_
        if len(ent) == 1 and ent.label_ in ("GPE", "ORG", PERSON):
            strong = ent.label_ == "GPE" and ent.start in datelines or \
                ent.label_ == PERSON and ent.start in speaker_heads
            vote(word, ent.label_, 2 if strong else 1)
        elif ent.label_ == "ORG" and len(ent) >= 2 and ent[0].text[:1].isupper():
            vote(word, "ORG", 2)  # "Brentford FC", "Acme Display"
    # Each doc[i] builds a new Token: read the words once and look at neighbours by index.
    tokens = list(doc)
    lowers = [t.lower_ for t in tokens]
    texts = [t.text for t in tokens]
    size = len(tokens)
    for i, token in enumerate(tokens):
        if not texts[i][:1].isupper():
            continue  # every vote below is for a capitalised word
        if i + 1 < size and lowers[i + 1].rstrip(".") in ORG_SUFFIXES and texts[i + 1][:1].isupper() \
                and token.ent_type_ != "ORG":
            vote(lowers[i], "ORG", 2)
        elif token.pos_ == "PROPN" and i + 2 < size \
                and texts[i + 1] in POSSESSIVE and lowers[i + 2] in OWNED_BY_ORGS:
            vote(lowers[i], "ORG", 1)  # "Brentford's squad", "Acme's shares"
        elif token.pos_ == "PROPN" and i and lowers[i - 1] == "at" \
                and (i + 1 == size or not texts[i + 1][:1].isupper()):
            vote(lowers[i], "ORG", 1)  # "a coach at Brentford", "worked at Acme"
    titled = {e[0].lower_ for e in ents if e.label_ == PERSON and len(e) == 1 and e.start
              and doc[e.start - 1].lower_.rstrip(".") in TITLES}
    out = []
    for ent in ents:
        word = ent[0].lower_
        votes = weight.get(word, {})
        other = [label for label in ("GPE", "ORG") if votes.get(label)]
        if ent.label_ == PERSON and len(ent) == 1 and len(other) == 1 and word not in surnames \
                and word not in titled and votes[other[0]] >= votes.get(PERSON, 0):
            ent = Span(doc, ent.start, ent.end, label=other[0])
        out.append(ent)
    return out


def _short_forms(ents: list[Span]) -> list[Span]:
    """``Northwind`` after ``Northwind Airlines`` (ORG) is the same organisation."""
    orgs = {e[0].text for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[0].text[:1].isupper()}
    return [Span(e.doc, e.start, e.end, label="ORG")
            if len(e) == 1 and e.label_ in ("GPE", "PRODUCT") and e.text in orgs else e for e in ents]
