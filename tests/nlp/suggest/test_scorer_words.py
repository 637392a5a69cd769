"""The scorer's features that name a word (``cue-word=``, ``opener=``, ``speaker-word=``): a word is
named only when one of our own lists holds it, any other is ``other``, and the shipped weights name no
word outside our lists (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import proposals
from annotator.nlp.suggest.demote import shipped_table as demote_table
from annotator.nlp.suggest.lexicon_classes import (
    OPENING_WORDS, SPEAKER_WORDS, WORD_KINDS, class_index, cue_word, opening_word, speaker_word,
)
from annotator.nlp.suggest.scorer import DocFacts, features, shipped_table

#: The words each word-naming kind may name: our lists, and ``other``.
OURS = {"cue-word": set(class_index(Lexicon())), "opener": set(OPENING_WORDS), "speaker-word": set(SPEAKER_WORDS)}


def named_words(name: str) -> list[tuple[str, str]]:
    """The (kind, word) pairs a feature name (crossed or not) names with a word-naming kind."""
    pairs = []
    for part in name.split("|"):
        kind, equals, word = part.partition("=")
        if equals and kind in WORD_KINDS:
            pairs.append((kind, word))
    return pairs


@pytest.mark.model
def test_a_cue_of_our_lexicon_is_named_by_its_lemma_and_any_other_is_other(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = nlp_model("The harbourmaster announced that the pier will open, and the crew painted the hull.")
    announced = next(t for t in doc if t.lower_ == "announced")
    painted = next(t for t in doc if t.lower_ == "painted")
    assert cue_word(announced, lexicon) == "cue-word=announce"
    assert cue_word(painted, lexicon) == "cue-word=other"


@pytest.mark.model
def test_a_content_is_named_by_its_first_word_only_when_our_list_holds_it(nlp_model):
    doc = nlp_model('She asked whether the ferry runs, said "the pier is shut" and wondered how boats dock.')
    spans = {t.lower_: doc[t.i:t.i + 3] for t in doc if t.lower_ in {"whether", "how", "ferry"}}
    assert opening_word(spans["whether"]) == "opener=whether"
    assert opening_word(spans["how"]) == "opener=how"
    assert opening_word(spans["ferry"]) == "opener=other"
    mark = next(t.i for t in doc if t.text == '"')
    assert opening_word(doc[mark:mark + 4]) == "opener=the"  # past the opening mark


@pytest.mark.model
def test_a_speakers_head_is_named_only_when_our_lists_of_who_speaks_hold_it(nlp_model):
    doc = nlp_model("The officials and Councillor Imani Boateng met the guild.")
    by_word = {t.lower_: t for t in doc}
    assert speaker_word(by_word["officials"]) == "speaker-word=official"
    assert speaker_word(by_word["boateng"]) == "speaker-word=other"
    assert speaker_word(by_word["guild"]) == "speaker-word=other"


@pytest.mark.model
def test_a_suggestions_words_are_named_and_crossed_with_its_type(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = nlp_model("Councillor Imani Boateng tries to widen the ferry lanes before the summer festival.")
    (p,) = [p for p in proposals(doc, lexicon, frozenset({"frame:infinitive"}))]
    feats = features(DocFacts.of(doc), p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
    assert feats["cue-word=try"] == 1.0 and feats["opener=to"] == 1.0 and feats["speaker-word=other"] == 1.0
    assert "source=frame:infinitive|cue-word=try" not in feats  # (as many weights as sources, out of fold no better)
    assert feats[f"type={p.quote_type}|cue-word=try"] == 1.0
    assert feats[f"type={p.quote_type}|opener=to"] == 1.0
    assert feats[f"type={p.quote_type}|speaker-word=other"] == 1.0


def test_no_word_list_names_other_which_stands_for_every_word_outside_it():
    assert all("other" not in words for words in OURS.values())


@pytest.mark.parametrize("table", [shipped_table, demote_table], ids=["scorer", "demote"])
def test_every_word_a_shipped_weight_names_is_a_word_of_our_lists(table):
    stored = table()
    weights = [stored.get("weights", {}), stored.get("promote_weights", {}),
               (stored.get("promote_choice") or {}).get("weights", {})]
    outside = [(name, kind, word) for ws in weights for name in ws for kind, word in named_words(name)
               if word != "other" and word not in OURS[kind]]
    assert not outside
