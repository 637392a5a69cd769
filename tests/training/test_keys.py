"""The keys an annotator spends to bring pre-labels to gold (add 8, delete 3, speaker 5, extent 5)."""

from annotator.core.records import QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from annotator.measure.keys import KEY_COSTS, keys_to_gold, mean_keys

TEXT = "Ann Moss said the tram will run. Tom Reyes said the bridge is shut."


def span(text: str, label: str, n: int = 1) -> Span:
    start = -1
    for _ in range(n):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), 0, 0, label, text=text, quote_type="indirect" if label == QUOTE else None)


def task(*pairs: tuple[Span, Span | None]) -> Task:
    spans, relations = [], []
    for quote, speaker in pairs:
        spans.append(quote)
        if speaker is not None:
            spans.append(speaker)
            relations.append(Relation(head_span=quote, child_span=speaker, label=SAID_BY))
    return Task(text=TEXT, spans=spans, relations=relations)


def test_a_missed_quote_a_wrong_speaker_and_an_invented_quote_cost_their_keys():
    gold = task((span("the tram will run", QUOTE), span("Ann Moss", SPEAKER)),
                (span("the bridge is shut", QUOTE), span("Tom Reyes", SPEAKER)))
    assert +keys_to_gold(gold, gold) == {}  # (unary plus: without the zero counts)
    assert mean_keys([gold], [gold]) == 0
    wrong_speaker = task((span("the tram will run", QUOTE), span("Tom Reyes", SPEAKER)))
    assert +keys_to_gold(gold, wrong_speaker) == {"add": 1, "speaker": 1}
    assert mean_keys([gold], [wrong_speaker]) == KEY_COSTS["add"] + KEY_COSTS["speaker"]
    invented = task((span("Ann Moss said", QUOTE), None))
    assert mean_keys([gold], [invented]) == 2 * KEY_COSTS["add"] + KEY_COSTS["delete"]
    # A document the pipeline did not pre-label costs every add.
    assert mean_keys([gold], []) == 2 * KEY_COSTS["add"]
