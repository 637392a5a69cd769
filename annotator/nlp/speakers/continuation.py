"""A direct quote paragraph without attribution continues the quote before it and takes its
speaker (``He said the plan was dead.`` then a paragraph that is only a quote); an open-ended quote
paragraph takes the speaker of the attributed one that goes on in the next paragraph."""

from __future__ import annotations

from itertools import pairwise
from bisect import bisect_right
from typing import Callable, Mapping

from spacy.tokens import Span

from annotator.nlp.lexicon import CLOSING_MARKS, QUOTE_MARKS
from annotator.nlp.name_words import RELATIVE_PRONOUNS
from annotator.nlp.speakers.scan import SpeakerScan


def find(scan: SpeakerScan, found: Mapping[int, Span]) -> dict[int, Span]:
    """Speakers for the direct quotes no earlier rule answered, from their neighbours' answers; a
    mixed quote of lead-in words and one quoted passage is read by that passage (``quoted_part``)."""
    speaker_of = dict(found)
    parts = [scan.quoted_part(q) for q in scan.quotes]
    quotes = [part if part is not None else q for part, q in zip(parts, scan.quotes, strict=True)]
    paragraph_index = _paragraph_numbers(scan)
    direct = [i for i, part in enumerate(parts) if part is not None]
    for after in direct:
        # The quote just before it, of any kind: a reported quote then a paragraph that is only a
        # quote continues what was reported.
        before = after - 1
        if after in speaker_of or before < 0 or before not in speaker_of:
            continue
        gap = paragraph_index(quotes[after]) - paragraph_index(quotes[before])
        if gap == 0 or (gap == 1 and starts_paragraph(scan, quotes[after])):
            speaker_of[after] = carried(scan, speaker_of[before], quotes[after])
    for before, after in reversed(list(pairwise(direct))):
        if before in speaker_of or after not in speaker_of:
            continue
        gap = paragraph_index(quotes[after]) - paragraph_index(quotes[before])
        if gap == 1 and _open_ended(scan, quotes[before]) and starts_paragraph(scan, quotes[after]):
            speaker_of[before] = carried(scan, speaker_of[after], quotes[before])
    return {i: s for i, s in speaker_of.items() if i not in found}


def carried(scan: SpeakerScan, speaker: Span, quote: Span) -> Span:
    """The speaker a continued quote takes: a relative pronoun (``said Mr. Okafor, who noted that …``)
    stands for its clause's noun only inside its sentence, so a quote in another takes the noun."""
    pronoun = speaker.root
    if len(speaker) == 1 and quote.sent.start != pronoun.sent.start and pronoun.lower_ in RELATIVE_PRONOUNS and pronoun.dep_ == "nsubj" \
            and pronoun.head.dep_ == "relcl" and pronoun.head.head.pos_ in ("NOUN", "PROPN"):
        return scan.mention(pronoun.head.head)
    return speaker


def _paragraph_numbers(scan: SpeakerScan) -> Callable[[Span], int]:
    """The number of a span's paragraph, counting only paragraphs with text (blank lines between
    paragraphs do not make a gap)."""
    text = scan.text
    nonempty = [s for s in scan.paragraph_starts if text[s:_line_end(text, s)].strip()]

    def paragraph_index(span: Span) -> int:
        return bisect_right(nonempty, span.start_char) - 1

    return paragraph_index


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def starts_paragraph(scan: SpeakerScan, span: Span) -> bool:
    """Only spaces and quotation marks before the span in its paragraph; two apostrophes count as one
    mark (``''…''``, as some newspapers' text comes)."""
    para_start, _ = scan.paragraph(span.start_char)
    return not scan.text[para_start:span.start_char].replace("''", "").strip(" \t" + QUOTE_MARKS)


def _open_ended(scan: SpeakerScan, span: Span) -> bool:
    _, para_end = scan.paragraph(span.start_char)
    return not any(ch in CLOSING_MARKS for ch in scan.text[span.end_char:para_end])
