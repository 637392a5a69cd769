"""The paragraph splitter: a sentence starts at every paragraph and after a wire dateline; nothing
else is touched; a parsed Doc is refused as spaCy refuses it."""

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.paragraphs import ParagraphSplitter, paragraph_first_tokens


def test_paragraphs_start_sentences_at_each_paragraph_and_after_a_dateline():
    nlp = spacy.blank("en")
    doc = nlp("OSAKA (AP) - The port reopened on Monday.\n\n  Traders were relieved  and calm.\nMore later")
    doc[3].is_sent_start = False  # set before: left as it was
    ParagraphSplitter()(doc)
    starts = [t.i for t in doc if t.is_sent_start]
    words = [doc[i].text for i in starts]
    assert words == ["OSAKA", "The", "Traders", "More"]
    assert doc[3].is_sent_start is False
    assert all(doc[i].is_sent_start is None for i in range(len(doc)) if i not in starts and i != 3)
    assert [doc[i].text for i in paragraph_first_tokens(doc)] == ["OSAKA", "Traders", "More"]
    assert [doc[i].text for i in paragraph_first_tokens(doc, limit=2)] == ["OSAKA", "Traders"]


def test_paragraphs_leave_a_text_without_breaks_alone():
    nlp = spacy.blank("en")
    doc = nlp("One line of news with no break.")
    ParagraphSplitter()(doc)
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)
    assert ParagraphSplitter()(nlp("")) is not None


def test_paragraphs_refuse_a_parsed_doc_as_spacy_does():
    nlp = spacy.blank("en")
    words = ["She", "spoke", ".", "\n", "He", "left"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, False, False, False, True, False],
              heads=[1, 1, 1, 1, 5, 5], deps=["nsubj", "ROOT", "punct", "dep", "nsubj", "ROOT"])
    with pytest.raises(ValueError, match="E043"):
        ParagraphSplitter()(doc)
