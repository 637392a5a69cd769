"""An adjective of judgement with what it judges: ``the senator is critical of the deal``, ``aides
were worried about turnout``; the preposition's object is the attribution's content, the copula
with its adjective and preposition (``is critical of``) the cue, so the speaker is the copula's
subject. A phrase that takes a side (``lexicon.side_phrases``: ``is against the merger``, ``is in
favor of the levy``) is read the same way, the copula through the phrase's last word the cue."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import negated
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, copula: Token) -> list[FoundQuote]:
    if copula.lemma_.lower() not in scan.lexicon.linking_verbs or scan.quoted(copula.idx) or negated(copula):
        return []
    wanted = scan.lexicon.adjective_prepositions
    adjective = next((c for c in copula.children if c.dep_ == "acomp" and c.i > copula.i
                      and c.lemma_.lower() in wanted), None)
    if adjective is None:
        prep = _side_taken(scan, copula)
    elif negated(adjective):
        return []
    else:
        prepositions = wanted[adjective.lemma_.lower()]
        prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in prepositions
                     and c.i > adjective.i), None)
    thing = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if thing is None or thing.pos_ in ("PRON", "DET") or thing.tag_ in ("WDT", "WP"):
        return []
    subject = subject_of(copula, scan.lexicon, climb=0)
    if not reporting_subject(subject):
        return []
    return content_quote(scan, copula, thing.left_edge.i, thing.right_edge.i, scan.doc[copula.i:prep.i + 1])


def _side_taken(scan: QuoteScan, copula: Token) -> Token | None:
    """The last preposition of a side-taking phrase on the copula (``is against``, ``is in favor of``:
    ``lexicon.side_phrases``) that opens at most one word after it, or None: further off, the parser
    has hung a phrase of another clause on the verb."""
    for prep in copula.children:
        if prep.dep_ != "prep" or not 0 < prep.i - copula.i <= 2:
            continue  # right after the verb, or after one word (``is firmly against``)
        if prep.lower_ in scan.lexicon.side_phrases:
            return prep
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.i == prep.i + 1), None)
        if noun is None:
            continue
        # the parser hangs the last preposition on the noun or on the copula (``on board with``)
        inner = next((c for c in [*noun.children, *copula.children] if c.dep_ == "prep" and c.i == noun.i + 1), None)
        if inner is not None and f"{prep.lower_} {noun.lower_} {inner.lower_}" in scan.lexicon.side_phrases:
            return inner
    return None
