"""``Lee told reporters in a note, the levy is unfair.`` then a paragraph that is only a quote: a
direct quote opening its paragraph, with no cue and no speaker yet, is the words of the subject of
the outermost speech or cognition verb (or ``speak``, ``talk``: ``TALK_VERBS``) in the previous
paragraph's last sentence (outside quotation marks), when that paragraph holds no quote of its own
found (a report the quote rules did not read, a set-off ``…, he told reporters``, ``Lee argued in
her column that …``); a quote found there would have its speaker carried over by ``continuation``."""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import word_before_marks
from annotator.nlp.speakers.continuation import starts_paragraph
from annotator.nlp.speakers.governing_verb import subjects_of_verbs
from annotator.nlp.speakers.scan import SpeakerScan

#: Verbs that say someone spoke without being cues of their own (``Lee spoke at the rally.``,
#: ``Lee elaborated in a column that …``): here they introduce the quote paragraph after them.
TALK_VERBS = frozenset({"speak", "talk", "elaborate"})


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    return subjects_of_verbs(scan, found, reporting_verb_before)


def reporting_verb_before(scan: SpeakerScan, quote: Span) -> Token | None:
    """The speech or cognition verb outside marks nearest its root in the sentence that closes the paragraph
    before a direct quote paragraph, when that paragraph holds no found quote."""
    part = scan.quoted_part(quote)
    if part is None or not starts_paragraph(scan, part):
        return None
    doc = part.doc
    i = word_before_marks(doc, part.start)
    if i < 0:
        return None
    before_start, _ = scan.paragraph(doc[i].idx)
    if any(before_start <= q.start_char < part.start_char for q in scan.quotes):
        return None
    sent = doc[i].sent
    verbs = [t for t in sent if t.idx >= before_start and t.pos_ == "VERB" and not scan.quoted(t)
             and (scan.lexicon.lemma_of(t) is not None or t.lemma_.lower() in TALK_VERBS)]
    # The outermost report: ``Lee wrote that the board, which met on Monday, said …`` is Lee's.
    return min(verbs, key=lambda t: (len(list(t.ancestors)), -t.i)) if verbs else None
