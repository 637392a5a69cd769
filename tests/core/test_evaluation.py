"""Scoring pre-labels against gold (annotator.core.evaluation): plain records, no spaCy."""

from annotator.core.evaluation import evaluate
from annotator.core.records import COREF, QUOTE, SAID_BY, SPEAKER, Relation, Span, Task, Token

TEXT = '"We will win," she said. Anna Berg is the coach. Berg said that the team was ready.'


def tokens(text):
    out, pos = [], 0
    for i, word in enumerate(text.replace('"', ' " ').replace(",", " , ").replace(".", " . ").split()):
        start = text.index(word, pos)
        out.append(Token(word, start, start + len(word), i, False))
        pos = start + len(word)
    return [Token(t.text, t.start, t.end, t.id, text[t.end:t.end + 1] == " ") for t in out]


TOKENS = tokens(TEXT)


def span(text, label, quote_type=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    end = start + len(text)
    ts = next(t.id for t in TOKENS if t.start == start)
    te = next(t.id for t in TOKENS if t.end == end)
    return Span(start, end, ts, te, label, text=text, quote_type=quote_type)


Q1 = span("We will win", QUOTE, "direct")
Q2 = span("the team was ready", QUOTE, "indirect")
SHE = span("she", SPEAKER)
BERG = span("Berg", SPEAKER, nth=1)
ANNA = span("Anna Berg", "PERSON")


def gold(optional=()):
    return Task(TEXT, TOKENS, [Q1, Q2, SHE, BERG, ANNA],
                [Relation(Q1, SHE, SAID_BY), Relation(Q2, BERG, SAID_BY), Relation(SHE, ANNA, COREF),
                 Relation(BERG, ANNA, COREF)], meta={"optional": [list(o) for o in optional]})


def test_evaluation_perfect_prediction_scores_one():
    result = evaluate([gold()], [gold()])
    for name, score in result.rows():
        assert score.f1 == 1.0, name


def test_gold_hashed_by_an_older_version_still_meets_its_prediction_by_text():
    from annotator.core.hashing import legacy_input_hash

    old = gold()
    old.input_hash = legacy_input_hash(old.text)
    result = evaluate([old], [gold()])
    assert result.missing == 0
    assert all(score.f1 == 1.0 for _, score in result.rows())


def test_evaluation_quote_overlap_counts_when_half_of_longer_span_shared():
    shorter = span("the team", QUOTE, "indirect")
    half = span("team was ready", QUOTE, "indirect")
    pred = Task(TEXT, TOKENS, [Q1, shorter])
    result = evaluate([gold()], [pred])
    assert (result.quotes_exact.tp, result.quotes_overlap.tp) == (1, 1)
    pred = Task(TEXT, TOKENS, [Q1, half])
    assert evaluate([gold()], [pred]).quotes_overlap.tp == 2


def test_evaluation_attribution_by_resolved_name_or_overlap():
    other = span("Anna Berg", SPEAKER)
    pred = Task(TEXT, TOKENS, [Q1, Q2, other, BERG, ANNA],
                [Relation(Q1, other, SAID_BY), Relation(Q2, BERG, SAID_BY)])
    result = evaluate([gold()], [pred])
    # Q1: speaker span differs but names agree (gold "she" → Anna Berg); Q2: spans overlap.
    assert (result.attributed.tp, result.attributed.fp, result.attributed.fn) == (2, 0, 0)


def test_evaluation_wrong_speaker_is_not_attributed():
    pred = Task(TEXT, TOKENS, [Q1, ANNA, span("Anna Berg", SPEAKER)],
                [Relation(Q1, span("Anna Berg", SPEAKER), SAID_BY)])
    g = Task(TEXT, TOKENS, [Q1, SHE], [Relation(Q1, SHE, SAID_BY)])
    result = evaluate([g], [pred])
    assert (result.attributed.tp, result.attributed.fp, result.attributed.fn) == (0, 1, 1)


def test_evaluation_optional_gold_quote_counts_neither_way():
    opt = [(Q2.start, Q2.end)]
    found = evaluate([gold(opt)], [gold()])
    missed = evaluate([gold(opt)], [Task(TEXT, TOKENS, [Q1, SHE, ANNA], [Relation(Q1, SHE, SAID_BY)])])
    for result in (found, missed):
        assert (result.quotes_overlap.tp, result.quotes_overlap.fp, result.quotes_overlap.fn) == (1, 0, 0)


def test_evaluation_entities_exact_per_label_and_missing_document():
    result = evaluate([gold()], [Task(TEXT, TOKENS, [span("Anna", "PERSON")])])
    assert (result.entities["PERSON"].tp, result.entities["PERSON"].fp, result.entities["PERSON"].fn) == (0, 1, 1)
    missing = evaluate([gold()], [])
    assert missing.missing == 1 and missing.quotes_overlap.fn == 2


def test_evaluation_pronoun_resolved_to_someone_else_is_attributed_but_not_resolved():
    coach = span("the coach", "PERSON")
    pred = Task(TEXT, TOKENS, [Q1, SHE, coach], [Relation(Q1, SHE, SAID_BY), Relation(SHE, coach, COREF)])
    result = evaluate([gold()], [pred])
    assert result.attributed.tp == 1  # the spans overlap
    assert (result.resolved.tp, result.resolved.fp, result.resolved.fn) == (0, 1, 2)
    assert evaluate([gold()], [gold()]).resolved.f1 == 1.0
