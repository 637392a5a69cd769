"""``The new schedule, said Ruiz, a clerk, will fail by June.``: an attribution with its verb first set
inside a clause, parsed with the clause's subject on ``said`` and the speaker as the subject of the
clause's rest (``fronted_subject.misplaced_speaker``), reports the two pieces of that clause, the
words before the attribution and the words after its closing comma, as ``inverted`` does for the
parse that hangs the speaker on ``said``."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import word_after
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.fronted_subject import after_phrase, misplaced_speaker


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if scan.cue_lemma(verb) not in scan.lexicon.speech:
        return []
    speaker = misplaced_speaker(verb)
    if speaker is None:
        return []
    doc = scan.doc
    para_start, para_end = scan.paragraph(verb.idx)
    before = trimmed(doc, max(verb.sent.start, scan.token_at_or_after(para_start)), verb.i - 1)
    after = trimmed(doc, word_after(doc, after_phrase(speaker)), min(verb.sent.end, scan.token_at_or_after(para_end)))
    if before is None or after is None or not all(has_words_outside(s, scan.inside) for s in (before, after)):
        return []
    cue = doc[verb.i:verb.i + 1]
    return [FoundQuote(before, type_for(before, scan.inside), cue), FoundQuote(after, type_for(after, scan.inside), cue)]
