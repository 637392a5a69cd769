"""The model's ``attribute_ruler`` run as a table sets what the stock component sets, token for
token: hand-built rulers and Docs for each kind of pattern, then the real model on sentences of ours."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.tokens import Doc

from annotator.nlp.attribute_table import AttributeTable, use_attribute_table

SET = [POS, TAG, MORPH, LEMMA, DEP]
WORDS = ["Y'", "all", "ai", "n't", "nothin'", "like", "the", "old", "days", ",", "she", "said", ".", " "]
TAGS = ["PRP", "DT", "VBP", "RB", "NN", "IN", "DT", "JJ", "NNS", ",", "PRP", "VBD", ".", "_SP"]
DEPS = ["nsubj", "det", "ccomp", "neg", "attr", "prep", "det", "amod", "pobj", "punct", "nsubj", "ROOT", "punct", "dep"]
HEADS = [2, 0, 11, 2, 2, 4, 8, 8, 5, 11, 11, 11, 11, 12]

#: One of each kind of pattern the stock component takes, with overlaps so that the order counts.
PATTERNS = [
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON", "MORPH": "PronType=Prs"}},
    {"patterns": [[{"TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"MORPH": "Number=Plur"}},
    {"patterns": [[{"LOWER": "she", "TAG": "PRP"}]], "attrs": {"MORPH": "Case=Nom|Gender=Fem|PronType=Prs"}},
    {"patterns": [[{"TAG": "VBP", "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"POS": "PRON", "TAG": "PRP"}, "index": -1},
    {"patterns": [[{"TAG": "DT"}, {"TAG": "JJ"}, {"TAG": "NNS"}]], "attrs": {"DEP": "amod"}, "index": 1},
    {"patterns": [[{"DEP": {"NOT_IN": ["punct", "ROOT", "nsubj", ""]}, "IS_PUNCT": False}]], "attrs": {"MORPH": "_"}},
    {"patterns": [[{"TEXT": ","}], [{"ORTH": "."}]], "attrs": {"POS": "PUNCT"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep", "TAG": "_SP"}},
    {"patterns": [[{"TAG": "VBD"}, {"OP": "?", "TAG": "IN"}, {"TAG": "."}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LENGTH": {">=": 5}, "TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing"}},
]


def stock_and_table(patterns=PATTERNS):
    nlp = spacy.blank("en")
    stock, table = AttributeRuler(nlp.vocab), AttributeTable(nlp.vocab)
    stock.add_patterns(patterns)
    table.add_patterns(patterns)
    return nlp, stock, table


def doc_of(nlp, words=WORDS) -> Doc:
    n = len(words)
    return Doc(nlp.vocab, words=words, spaces=[True] * n, tags=TAGS[:n], deps=DEPS[:n],
               heads=[h if h < n else 0 for h in HEADS[:n]])


def same_attributes(a: Doc, b: Doc) -> bool:
    return (a.to_array(SET) == b.to_array(SET)).all() and a.to_bytes() == b.to_bytes()


def test_attribute_table_sets_what_the_stock_ruler_sets_for_every_kind_of_pattern():
    nlp, stock, table = stock_and_table()
    a, b = stock(doc_of(nlp)), table(doc_of(nlp))
    assert same_attributes(a, b)
    assert b[1].pos_ == "PRON" and b[1].tag_ == "PRP"           # two tokens, index -1, after a regex
    assert b[2].lemma_ == "be" and b[4].lemma_ == "nothing"     # a regex on the next token; a regex alone
    assert b[7].dep_ == "amod" and b[8].pos_ == "NOUN"         # index 1 of three; IN
    assert str(b[8].morph) == ""                                # a later pattern's "_" wins over Number=Plur
    assert str(b[10].morph) == "Case=Nom|Gender=Fem|PronType=Prs"         # the later, narrower pattern wins
    assert b[11].pos_ == "VERB"                                 # an operator: the patterns' own Matcher


def test_attribute_table_matches_the_stock_ruler_on_every_cut_of_the_sentence():
    nlp, stock, table = stock_and_table()
    for end in range(len(WORDS) + 1):
        assert same_attributes(stock(doc_of(nlp, WORDS[:end])), table(doc_of(nlp, WORDS[:end]))), end


def test_attribute_table_reads_new_patterns_after_they_are_added():
    nlp, stock, table = stock_and_table(PATTERNS[:2])
    table(doc_of(nlp))
    more = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}}]
    stock.add_patterns(more)
    table.add_patterns(more)
    a, b = stock(doc_of(nlp)), table(doc_of(nlp))
    assert same_attributes(a, b) and b[4].pos_ == "PROPN"


def test_attribute_table_runs_as_the_stock_ruler_when_a_pattern_sets_what_no_table_sets():
    patterns = [*PATTERNS[:3], {"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "thing"}}]
    nlp, stock, table = stock_and_table(patterns)
    a, b = stock(doc_of(nlp)), table(doc_of(nlp))
    assert same_attributes(a, b) and b[4].norm_ == "thing"
    assert table._stock_only


def test_attribute_table_raises_the_stock_error_for_an_index_outside_the_match():
    patterns = [{"patterns": [[{"TAG": "VBD"}, {"OP": "?", "TAG": "IN"}]], "attrs": {"POS": "VERB"}, "index": 1}]
    nlp, stock, table = stock_and_table(patterns)
    with pytest.raises(ValueError) as stock_error:
        stock(doc_of(nlp))
    with pytest.raises(ValueError) as table_error:
        table(doc_of(nlp))
    assert str(table_error.value) == str(stock_error.value)


def test_attribute_table_leaves_an_empty_doc_and_one_no_pattern_matches():
    nlp, stock, table = stock_and_table()
    assert len(table(Doc(nlp.vocab, words=[]))) == 0
    words = ["Rain", "fell"]
    a = stock(Doc(nlp.vocab, words=words, tags=["VB", "VB"]))
    b = table(Doc(nlp.vocab, words=words, tags=["VB", "VB"]))
    assert same_attributes(a, b) and b[0].pos_ == ""


SENTENCES = (
    "The harbour master said on Tuesday that the ferries wouldn't sail until the storm had passed.",
    "\u201cWe ain't nothin' if we can't keep the lights on,\u201d y'all heard the foreman say.",
    "Officials   in  Tbilisi declined to comment; a spokeswoman, Nino Beridze, called it \u2018premature.\u2019",
    "GENEVA (AP) \u2014 Prices rose 3.2% in May, the statistics office reported, citing fuel costs.\n\nShe'd known.",
    "Who's gonna tell 'em? It's 9:30 a.m. and the U.S.-led talks haven't started yet!",
)


@pytest.mark.model
def test_attribute_table_gives_the_models_own_attributes_on_sentences_of_ours():
    from annotator.nlp.pipeline import load_model

    stock, table = load_model(), use_attribute_table(load_model())
    assert type(table.get_pipe("attribute_ruler")) is AttributeTable
    for a, b in zip(stock.pipe(SENTENCES), table.pipe(SENTENCES), strict=True):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b]
        assert a.to_bytes() == b.to_bytes()


@pytest.mark.model
def test_model_tables_keep_the_stock_components_in_a_saved_pipeline(tmp_path):
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from annotator.nlp.lemma_table import EnglishLemmaTable
    from annotator.nlp.pipeline import add_components, load_model

    nlp = add_components(load_model())
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeTable
    assert type(nlp.get_pipe("lemmatizer")) is EnglishLemmaTable
    assert nlp.config["components"]["attribute_ruler"]["factory"] == "attribute_ruler"
    assert nlp.config["components"]["lemmatizer"]["factory"] == "lemmatizer"
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert type(loaded.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(loaded.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert loaded.get_pipe("attribute_ruler").patterns == nlp.get_pipe("attribute_ruler").patterns
    add_components(loaded)
    assert type(loaded.get_pipe("attribute_ruler")) is AttributeTable
    assert type(loaded.get_pipe("lemmatizer")) is EnglishLemmaTable
    sentence = "The geese were flying south, the warden said."
    assert [t.lemma_ for t in loaded(sentence)] == [t.lemma_ for t in load_model()(sentence)]
