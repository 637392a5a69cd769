"""``To Ortiz, the vote marked a turning point.``: a ``to`` phrase that opens its clause, set off by
a comma, whose object is someone who can hold a view (a person, a group, a pronoun for one, a share
of one: ``many``, ``others``), is the source of the clause after the comma, as ``according to``
names one; the cue is the preposition, whose object the speakers read as they read ``according to``'s. Not a time, a reason or a manner
(``To this end, …``, ``To date, …``: no one who can speak), nor a clause that is another's report
(``To Ruiz, Lee said, …``: the report rules find it). A fronted ``for`` phrase (``For many farmers, the
levy is a burden.``) is left out: it says as often what something means for someone as what they
think, with the same parse (docs/prelabel.md, session 42)."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from annotator.nlp.name_words import (
    ORGANISATION_NOUNS, PERSON_NOUNS, PERSON_OBJECT_PRONOUNS, bare_share, could_speak, is_demonym,
)
from annotator.nlp.lexicon import CLAUSE_SUBJECT_DEPS
from annotator.nlp.quotes.according_to import opening_clause, phrase_report
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

#: The prepositions whose fronted object holds the view the clause after it gives.
VIEW_PREPOSITIONS = frozenset({"to"})
#: Object pronouns for the speaker and the hearer, who hold a view as well (``To me, …``).
_OWN_OBJECTS = frozenset({"me", "us"})


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    for prep in scan.words_of(LOWER, VIEW_PREPOSITIONS):
        if prep.dep_ == "prep":
            item = _fronted_holder(scan, prep)
            if item is not None:
                found.append(item)
    return found


def holds_a_view(holder: Token) -> bool:
    """Someone who can hold a view: one who could speak (``name_words.could_speak``), an object pronoun
    for a person, or a share of a group standing alone (``many``, ``others``)."""
    if any(c.dep_ in ("relcl", "acl") and c.left_edge.lower_ == "that" for c in holder.children):
        return False  # a thing a ``that`` clause says (``to the extent that …``, ``to the point that …``)
    if holder.pos_ == "NOUN" and holder.tag_ != "NNS" and not _listed_holder(holder):
        return False  # ``To some extent``, ``To our astonishment``: singular, a person by its ending alone
    return could_speak(holder) or holder.lower_ in PERSON_OBJECT_PRONOUNS or holder.lower_ in _OWN_OBJECTS \
        or bare_share(holder)


def _fronted_holder(scan: QuoteScan, prep: Token) -> FoundQuote | None:
    """The clause a clause-opening ``For <holder>,`` reports, else None."""
    holder = next((c for c in prep.children if c.dep_ == "pobj"), None)
    verb = prep.head
    if holder is None or not holds_a_view(holder) or verb.pos_ not in ("VERB", "AUX") or verb.i < prep.i \
            or scan.quoted(prep.idx):
        return None
    doc = scan.doc
    first, last = scan.sentence_in_paragraph(prep)
    phrase_end = prep.right_edge.i + 1
    if opening_clause(doc, first, prep.i) != prep.i or phrase_end >= last or doc[phrase_end].text != ",":
        return None
    if not any(c.dep_ in CLAUSE_SUBJECT_DEPS and c.i > phrase_end for c in verb.children) \
            or scan.cue_lemma(verb) is not None \
            or any(c.dep_ == "parataxis" and scan.cue_lemma(c) is not None for c in verb.children):
        return None
    return phrase_report(scan, phrase_end + 1, last, prep)


def _listed_holder(noun: Token) -> bool:
    """A singular common noun listed for a person or a body (``the mayor``, ``the council``), not one
    that only ends as person nouns do (``extent``, ``astonishment``); groups are plural (``residents``)."""
    word = noun.lemma_.lower()
    return word in PERSON_NOUNS or noun.lower_ in PERSON_NOUNS or word in ORGANISATION_NOUNS or is_demonym(noun)
