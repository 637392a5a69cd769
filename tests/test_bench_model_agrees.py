"""``bench/model_agrees_variants.py``: a learned quote agrees with a suggestion when it shares half of
the shorter of the two (or, ``near``, 0.8 of the longer); a suggestion it agrees with becomes a
pre-label with its own cue, one it does not stays a suggestion. Sentences of our own."""

from __future__ import annotations

import sys

import spacy
from spacy.tokens import Span

from annotator.nlp.convert import DocSuggestion, ensure_span_groups
from annotator.nlp.learned_spans import LEARNED_GROUPS
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest import component  # noqa: F401  (registers doc._.suggestions)
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from model_agrees_variants import agreed, agreeing  # bench/model_agrees_variants.py

TEXT = "Mara thinks the bridge will open in May. Teo hopes the ferry stays cheap."


def test_a_learned_quote_agrees_when_it_shares_half_of_the_shorter():
    assert agreeing((10, 20), [(0, 40)]) == (0, 40)
    assert agreeing((10, 20), [(16, 40)]) is None
    assert agreeing((10, 20), [(30, 40), (12, 19)]) == (12, 19)


def test_near_agreement_needs_most_of_the_longer():
    assert agreeing((10, 20), [(0, 40)], 0.8, of_longer=True) is None
    assert agreeing((10, 20), [(10, 21)], 0.8, of_longer=True) == (10, 21)


def suggestion(quote: str, cue: str, score: float) -> DocSuggestion:
    start, cue_start = TEXT.index(quote), TEXT.index(cue)
    return DocSuggestion(start, start + len(quote), "indirect", cue_start, cue_start + len(cue), None, None, score,
                         "frame:clause")


def learned_doc():
    """The sentences, with a learned quote over the first one's content."""
    doc = spacy.blank("en")(TEXT)
    ensure_span_groups(doc)
    learned = doc.char_span(TEXT.index("the bridge"), TEXT.index("May") + 3)
    doc.spans[LEARNED_GROUPS["QUOTE"]] = [Span(doc, learned.start, learned.end, label="QUOTE")]
    return doc


def test_the_suggestion_the_model_agrees_with_becomes_a_pre_label_and_the_other_stays():
    doc = learned_doc()
    first = suggestion("the bridge will open in May", "thinks", 0.4)
    second = suggestion("the ferry stays cheap", "hopes", 0.4)
    doc._.suggestions = [first, second]
    doc, promoted = agreed(doc, 0.35, "half", None, False, Lexicon())
    assert promoted == 1
    assert [q.text for q in doc.spans["quotes"]] == ["the bridge will open in May"]
    assert [c.text for c in doc.spans["cues"]] == ["thinks"]
    assert doc._.suggestions == [second]


def test_a_suggestion_under_the_threshold_stays_a_suggestion_though_the_model_agrees():
    doc = learned_doc()
    low = suggestion("the bridge will open in May", "thinks", 0.2)
    doc._.suggestions = [low]
    doc, promoted = agreed(doc, 0.35, "half", None, False, Lexicon())
    assert promoted == 0 and list(doc.spans["quotes"]) == [] and doc._.suggestions == [low]
