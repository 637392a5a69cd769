"""The model's lemmatizer run as a table sets the lemmas the stock component sets: hand-built Docs
and lookup tables for each mode, then the real model on sentences of ours."""

from __future__ import annotations

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from annotator.nlp.lemma_table import EnglishLemmaTable, LemmaTable, use_lemma_table

WORDS = ["The", "geese", "were", "flying", "over", "Leeds", ",", "she", "said", ",", "and", "the", "geese", "landed", "."]
POS_TAGS = ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "CCONJ", "DET", "NOUN", "VERB", "PUNCT"]
MORPHS = ["", "Number=Plur", "Tense=Past", "VerbForm=Part", "", "Number=Sing", "", "", "Tense=Past|VerbForm=Fin", "",
          "", "", "Number=Plur", "Tense=Past|VerbForm=Fin", ""]


def lemmatizers(mode: str, overwrite: bool = False):
    """A stock lemmatizer and a table one with the same small tables, on an English pipeline."""
    nlp = spacy.blank("en")
    lookups = Lookups()
    if mode == "lookup":
        lookups.add_table("lemma_lookup", {"geese": "goose", "were": "be", "flying": "fly", "said": "say"})
    else:
        lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ing", ""], ["ed", ""], ["ed", "e"]]})
        lookups.add_table("lemma_exc", {"noun": {"geese": ["goose"]}, "verb": {"said": ["say"]}})
        lookups.add_table("lemma_index", {"noun": ["goose"], "verb": ["fly", "land", "say"]})
    made = []
    for _ in range(2):
        lemmatizer = nlp.add_pipe("lemmatizer", name=f"lemmatizer{len(made)}",
                                  config={"mode": mode, "overwrite": overwrite})
        lemmatizer.initialize(lookups=lookups)
        made.append(lemmatizer)
    stock, table = made
    use_lemma_table(_Pipeline(table))
    return nlp, stock, table


class _Pipeline:
    """Just enough of a ``Language`` for ``use_lemma_table``: one component, named ``lemmatizer``."""

    def __init__(self, component) -> None:
        self.component = component
        self.component_names = ["lemmatizer"]

    def get_pipe(self, name: str):
        return self.component


def doc_of(nlp, lemmas: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=WORDS, pos=POS_TAGS, morphs=MORPHS, lemmas=lemmas)


@pytest.mark.parametrize("mode", ["rule", "lookup"])
def test_lemma_table_sets_the_stock_lemmas(mode):
    nlp, stock, table = lemmatizers(mode)
    assert type(table) is EnglishLemmaTable
    a, b = stock(doc_of(nlp)), table(doc_of(nlp))
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert a.to_bytes() == b.to_bytes()
    assert b[1].lemma_ == "goose" and b[8].lemma_ == "say"
    again = table(doc_of(nlp))  # the second time from the table alone
    assert [t.lemma_ for t in again] == [t.lemma_ for t in a]


@pytest.mark.parametrize("overwrite", [False, True])
def test_lemma_table_keeps_or_overwrites_lemmas_already_set_as_the_stock_one_does(overwrite):
    nlp, stock, table = lemmatizers("rule", overwrite)
    given = ["the", "goose-given", *[""] * (len(WORDS) - 2)]
    a, b = stock(doc_of(nlp, given)), table(doc_of(nlp, given))
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert (b[1].lemma_ == "goose") is overwrite


def test_lemma_table_runs_an_empty_doc_and_leaves_other_kinds_of_lemmatizer():
    nlp, _, table = lemmatizers("rule")
    assert len(table(Doc(nlp.vocab, words=[]))) == 0
    other = Lemmatizer(nlp.vocab, None, mode="rule")
    assert type(use_lemma_table(_Pipeline(other)).get_pipe("lemmatizer")) is LemmaTable

    class Custom(Lemmatizer):
        pass

    custom = Custom(nlp.vocab, None, mode="rule")
    assert type(use_lemma_table(_Pipeline(custom)).get_pipe("lemmatizer")) is Custom


SENTENCES = (
    "The harbour master said on Tuesday that the ferries wouldn't sail until the storm had passed.",
    "\u201cWe ain't nothin' if we can't keep the lights on,\u201d y'all heard the foreman say.",
    "Geese were seen flying lower; the wolves' dens, analysts argued, had been emptied by better-fed bears.",
    "GENEVA (AP) \u2014 Prices rose 3.2% in May, the statistics office reported, citing fuel costs.\n\nShe'd known.",
)


@pytest.mark.model
def test_lemma_table_gives_the_models_own_lemmas_on_sentences_of_ours():
    from annotator.nlp.pipeline import load_model

    stock = load_model()
    table = load_model()
    use_lemma_table(table)
    assert isinstance(table.get_pipe("lemmatizer"), (LemmaTable, EnglishLemmaTable))
    for a, b in zip(stock.pipe(SENTENCES), table.pipe(SENTENCES), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert a.to_bytes() == b.to_bytes()
