"""A clause whose verb carries an adverb of hearsay (``the agency reportedly | cut its forecast``, ``the
firm has allegedly | hidden losses``): a report that names nobody, cut around its adverb as attribution
corpora cut a raising verb's content. The subject piece (with the auxiliaries before the adverb) and the
predicate piece (the verb and what follows it in its own clause, not a coordinated clause); one piece
when the adverb stands before the subject (``Reportedly, the agency cut …``). The adverb is the cue; no
speaker. Pre-labeled (session 42) where the adverb names a report (``REPORT_ADVERBS``); every adverb of
hearsay's pieces are also proposed as suggestions (``suggest/evidential.py``)."""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.tokens import Token

from annotator.nlp.cue_words import HEARSAY_ADVERBS, REPORT_ADVERBS
from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan

#: A verb's children that end its own clause's predicate: a coordinated clause and what joins it.
CLAUSE_ENDS = frozenset({"conj", "cc", "punct", "parataxis", "advcl"})
#: Subjects that are no piece of a report (``there reportedly were …``); ``it`` is kept.
EMPTY_SUBJECTS = frozenset({"there", "this", "that", "which", "what"})


class HearsayPiece(NamedTuple):
    """One piece of a clause cut around its adverb of hearsay: ``subject`` or ``predicate``."""

    piece: str
    quote: FoundQuote


def find(scan: QuoteScan) -> list[FoundQuote]:
    """The pieces around an adverb that names a report (``REPORT_ADVERBS``: ``reportedly``); the other
    adverbs of hearsay (``allegedly``, ``supposedly``) are left to the suggestions (``evidential``)."""
    return [p.quote for verb in _carriers(scan) for p in pieces(scan, verb)
            if p.quote.cue is not None and p.quote.cue.text.lower() in REPORT_ADVERBS]


def _carriers(scan: QuoteScan) -> list[Token]:
    return [t.head for t in scan.words_of(LOWER, REPORT_ADVERBS) if t.dep_ == "advmod" and t.head is not t]


def hearsay_adverb(verb: Token) -> Token | None:
    """The adverb of hearsay ``verb`` carries (``HEARSAY_ADVERBS``), or None."""
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS), None)


def predicate_end(verb: Token, after: int) -> int:
    """The last token of ``verb``'s predicate after token ``after``: its own complements and adjuncts,
    up to a coordinated clause (``… cut its forecast, but …``)."""
    last = verb.i
    for child in verb.children:
        if child.i > after and child.dep_ not in CLAUSE_ENDS:
            last = max(last, child.right_edge.i)
        elif child.i > verb.i and child.dep_ in ("conj", "parataxis"):
            break
    return last


def pieces(scan: QuoteScan, verb: Token) -> list[HearsayPiece]:
    """The pieces of ``verb``'s clause around its adverb of hearsay; none on a speech verb
    (``reportedly said``: it names its own source) or a preposition's gerund without a subject."""
    adverb = hearsay_adverb(verb)
    if adverb is None or scan.lexicon.is_speech(verb) or scan.quoted(adverb.idx):
        return []
    doc = scan.doc
    cue = doc[adverb.i:adverb.i + 1]
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None and verb.dep_ == "pcomp":
        return []  # ``charged for allegedly taking``: a preposition's gerund is its governor's content
    if subject is not None and subject.lower_ in EMPTY_SUBJECTS:
        subject = None
    end = predicate_end(verb, adverb.i)
    if subject is not None and adverb.i < subject.left_edge.i:  # ``Reportedly, the agency cut …``
        return [HearsayPiece("predicate", f)
                for f in content_quote(scan, verb, subject.left_edge.i, end, cue, min_tokens=2)]
    out = [] if subject is None else [HearsayPiece("subject", f)
                                      for f in content_quote(scan, verb, subject.left_edge.i, adverb.i - 1, cue)]
    return out + [HearsayPiece("predicate", f)
                  for f in content_quote(scan, verb, adverb.i + 1, end, cue, min_tokens=2)]
