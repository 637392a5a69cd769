"""The span shapes the quote rules share (``found.trimmed``, ``found.with_closing_mark``)."""

import spacy
from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.doc_words import has_clause_subject
from annotator.nlp.quotes.found import has_words_outside, trimmed, with_closing_mark
from annotator.nlp.quotes.scan import QuoteScan, within


def test_trimmed_drops_edge_punctuation_and_a_dangling_conjunction():
    doc = spacy.blank("en")("he is not backing any candidate, and")
    assert trimmed(doc, 0, len(doc)).text == "he is not backing any candidate"
    doc = spacy.blank("en")("the plan works, but.")
    assert trimmed(doc, 0, len(doc)).text == "the plan works"


def test_trimmed_keeps_a_conjunction_inside_and_a_lone_word():
    doc = spacy.blank("en")("rates rise and fall.")
    assert trimmed(doc, 0, len(doc)).text == "rates rise and fall"
    doc = spacy.blank("en")("and")
    assert trimmed(doc, 0, len(doc)).text == "and"


def test_a_paraphrase_keeps_the_marks_of_the_quoted_part_it_starts_with():
    """``with_closing_mark``: the opening mark of a quoted part at the start goes with its closing one."""
    doc = spacy.blank("en")('Officials said "top secret" files had passed through her server.')
    scan = QuoteScan.of(doc, Lexicon())
    start = next(t.i for t in doc if t.text == "top")
    assert with_closing_mark(scan, doc[start:len(doc) - 1]).text == '"top secret" files had passed through her server'
    assert with_closing_mark(scan, doc[start + 3:len(doc) - 1]).text == "files had passed through her server"


def test_a_clause_as_subject_is_a_subject_of_its_own():
    """``has_clause_subject``: a clausal subject counts (``what the mayor promised was a new bridge``),
    as an expletive does; a clause with neither has none (``as expected by the mayor``)."""
    words = ["what", "the", "mayor", "promised", "was", "a", "bridge"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 2, 3, 4, 4, 6, 4],
              deps=["dobj", "det", "nsubj", "csubj", "ROOT", "det", "attr"])
    assert has_clause_subject(doc[4])
    words = ["as", "expected", "by", "the", "mayor"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 2],
              deps=["mark", "ROOT", "agent", "det", "pobj"])
    assert not has_clause_subject(doc[1])
    words = ["there", "is", "a", "bridge"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1], deps=["expl", "ROOT", "det", "attr"])
    assert has_clause_subject(doc[1])


def test_words_outside_the_marks_are_found_a_segment_at_a_time_as_token_by_token():
    """``has_words_outside`` skips a quoted segment's tokens at once: it says what reading every token
    says, for every span of a text with quoted parts, a word outside, punctuation and numbers."""
    doc = spacy.blank("en")('Mayor Lund said "the bridge opens," adding: "Not in May, 2031." '
                            '"We wait." Then "yes" -- and "no, 4 times" he said "over."')
    inside = QuoteScan.of(doc, Lexicon()).inside
    assert inside  # (the text has quoted segments)

    def token_by_token(span):
        return any(t.is_alpha and not within(t.idx, inside) for t in span)

    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert has_words_outside(doc[start:end], inside) == token_by_token(doc[start:end]), (start, end)
