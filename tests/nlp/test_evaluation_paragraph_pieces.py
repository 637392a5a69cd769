"""Scoring a quote that runs over paragraphs: gold as one span, ours one span per paragraph.

Lives beside the pre-labeler's tests because the per-paragraph split is the pre-labeler's design;
the scoring itself is plain records (annotator.measure.evaluation), no spaCy.
"""

from annotator.measure.evaluation import evaluate
from annotator.core.records import QUOTE, SAID_BY, SPEAKER, Relation, Span, Task

TEXT = ('Lena Ortiz said:\n\n"The harbour will reopen when the dredging catches up.\n\n'
        '"Every boat owner here is tired and the season is short."')
FIRST = "The harbour will reopen when the dredging catches up."
SECOND = "Every boat owner here is tired and the season is short."


def span(start, end, label, quote_type=None):
    return Span(start, end, 0, 0, label, text=TEXT[start:end], quote_type=quote_type)


def at(text, label, quote_type=None):
    start = TEXT.index(text)
    return span(start, start + len(text), label, quote_type)


SPEAKER_SPAN = at("Lena Ortiz", SPEAKER)


def task(quotes):
    return Task(TEXT, [], quotes + [SPEAKER_SPAN], [Relation(q, SPEAKER_SPAN, SAID_BY) for q in quotes])


def test_evaluation_paragraph_pieces_match_one_gold_quote_over_paragraphs():
    whole = span(TEXT.index(FIRST), TEXT.index(SECOND) + len(SECOND) - 1, QUOTE, "direct")
    pieces = [at(FIRST[:-1], QUOTE, "direct"), at(SECOND[:-1], QUOTE, "direct")]
    result = evaluate([task([whole])], [task(pieces)])
    assert (result.quotes_overlap.tp, result.quotes_overlap.fp, result.quotes_overlap.fn) == (1, 0, 0)
    assert (result.attributed.tp, result.attributed.fp, result.attributed.fn) == (1, 0, 0)
    assert result.quotes_exact.tp == 0  # exact matching stays strict


def test_evaluation_pieces_do_not_excuse_an_unrelated_extra_quote():
    whole = span(TEXT.index(FIRST), TEXT.index(FIRST) + len(FIRST) - 1, QUOTE, "direct")
    pieces = [at(FIRST[:-1], QUOTE, "direct"), at(SECOND[:-1], QUOTE, "direct")]
    result = evaluate([task([whole])], [task(pieces)])
    assert (result.quotes_overlap.tp, result.quotes_overlap.fp) == (1, 1)


def test_evaluation_one_piece_too_short_alone_is_found_with_the_other():
    whole = span(TEXT.index(FIRST), TEXT.index(SECOND) + len(SECOND) - 1, QUOTE, "direct")
    short = at("The harbour will reopen", QUOTE, "direct")
    pieces = [short, at(SECOND[:-1], QUOTE, "direct")]
    result = evaluate([task([whole])], [task(pieces)])
    assert (result.quotes_overlap.tp, result.quotes_overlap.fp, result.quotes_overlap.fn) == (1, 0, 0)
