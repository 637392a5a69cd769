"""Scoring pre-labels against gold (annotator.measure.evaluation): plain records, no spaCy."""

from annotator.measure.evaluation import evaluate
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


def _kind_task(text: str, quotes: list[tuple[str, str]], speaker: str | None = None) -> Task:
    """A task whose quotes (text, type) all have ``speaker`` (found in the text) when given."""
    from annotator.core.records import Relation, Span

    spans, relations = [], []
    speaker_span = None
    if speaker is not None:
        at = text.index(speaker)
        speaker_span = Span(at, at + len(speaker), 0, 0, "SPEAKER", text=speaker)
        spans.append(speaker_span)
    for quote, kind in quotes:
        at = text.index(quote)
        span = Span(at, at + len(quote), 0, 0, "QUOTE", text=quote, quote_type=kind)
        spans.append(span)
        if speaker_span is not None:
            relations.append(Relation(span, speaker_span, "SAID_BY"))
    return Task(text=text, spans=spans, relations=relations)


def test_evaluate_by_kind_counts_recall_by_gold_type_and_precision_by_predicted_type():
    text = "Ann said the plan failed. \"We lost,\" Ann said. Ann said costs rose. Bob thinks rain comes."
    gold = _kind_task(text, [("the plan failed", "indirect"), ("We lost", "direct"), ("costs rose", "indirect")],
                      speaker="Ann")
    # "the plan failed" found but typed mixed; "costs rose" missed; "rain comes" invented.
    pred = _kind_task(text, [("the plan failed", "mixed"), ("We lost", "direct"), ("rain comes", "indirect")],
                      speaker="Ann")
    result = evaluate([gold], [pred])

    indirect, direct, mixed = (result.by_kind[k]["quotes"] for k in ("indirect", "direct", "mixed"))
    assert (indirect.gold, indirect.gold_found, indirect.predicted, indirect.predicted_right) == (2, 1, 1, 0)
    assert (direct.gold, direct.gold_found, direct.predicted, direct.predicted_right) == (1, 1, 1, 1)
    assert (mixed.gold, mixed.predicted, mixed.predicted_right) == (0, 1, 1)
    assert indirect.recall == 0.5 and indirect.precision == 0.0 and mixed.precision == 1.0
    assert sum(s["quotes"].gold_found for s in result.by_kind.values()) == result.quotes_overlap.tp
    assert result.by_kind["direct"]["attributed"].f1 == 1.0
    assert result.to_dict()["by_kind"]["indirect"]["quotes"]["gold"] == 2


def test_evaluate_by_kind_attributed_needs_the_speaker():
    text = "Ann said the plan failed, and Bob agreed."
    gold = _kind_task(text, [("the plan failed", "indirect")], speaker="Ann")
    pred = _kind_task(text, [("the plan failed", "indirect")], speaker="Bob")
    scores = evaluate([gold], [pred]).by_kind["indirect"]

    assert scores["quotes"].f1 == 1.0
    assert (scores["attributed"].gold_found, scores["attributed"].predicted_right) == (0, 0)


def test_evaluate_gold_sentences_inside_one_predicted_quote_are_each_found():
    text = "Ann said: \"We lost the vote. We will try again. Nobody gives up here.\" Then she left."
    sentences = [("We lost the vote.", "direct"), ("We will try again.", "direct"), ("Nobody gives up here", "direct")]
    gold = _kind_task(text, sentences, speaker="Ann")
    pred = _kind_task(text, [("We lost the vote. We will try again. Nobody gives up here", "direct")], speaker="Ann")
    result = evaluate([gold], [pred])

    assert (result.quotes_overlap.tp, result.quotes_overlap.fp, result.quotes_overlap.fn) == (3, 0, 0)
    assert (result.attributed.tp, result.attributed.fp, result.attributed.fn) == (3, 0, 0)
    assert result.by_kind["direct"]["quotes"].precision == 1.0
    assert result.quotes_exact.tp == 0


def test_evaluate_gold_quotes_with_words_between_are_not_pieces_of_one_quote():
    text = "\"We lost the vote,\" Ann said, \"and we will try again.\""
    gold = _kind_task(text, [("We lost the vote", "direct"), ("and we will try again", "direct")], speaker="Ann")
    pred = _kind_task(text, [("We lost the vote,\" Ann said, \"and we will try again", "mixed")], speaker="Ann")
    result = evaluate([gold], [pred])

    assert (result.quotes_overlap.tp, result.quotes_overlap.fp, result.quotes_overlap.fn) == (0, 1, 2)


def test_evaluate_speaker_as_another_mention_of_the_same_name_is_attributed():
    text = "Ruth Okonjo spoke first. Okonjo said the vote was rigged. Lee said it was not."
    gold = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Okonjo said")
    gold.spans[0] = gold.spans[0].replace(end=gold.spans[0].start + len("Okonjo"), text="Okonjo")
    gold.relations = [r.__class__(r.head_span, gold.spans[0], r.label) for r in gold.relations]
    pred = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Ruth Okonjo")
    wrong = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Lee")

    assert evaluate([gold], [pred]).attributed.tp == 1
    assert evaluate([gold], [pred]).resolved.tp == 1
    assert evaluate([gold], [wrong]).attributed.tp == 0



def test_evaluate_a_titled_surname_is_the_full_name_without_the_title():
    text = "Ruth Okonjo spoke first. Mrs. Okonjo said the vote was rigged. Mr. Okonjo, her husband, disagreed."
    gold = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Mrs. Okonjo")
    right = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Ruth Okonjo")
    husband = _kind_task(text, [("the vote was rigged", "indirect")], speaker="Mr. Okonjo")

    assert evaluate([gold], [right]).attributed.tp == 1
    assert evaluate([gold], [husband]).attributed.tp == 0
