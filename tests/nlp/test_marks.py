"""Quotation marks on raw text: pairs, nesting, paragraphs and stray marks."""

from annotator.nlp.marks import find_marked_segments


def contents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_marked_segments(text)]


def test_marks_straight_quote_drops_attribution_comma():
    assert contents('"We are ready to talk," the envoy said.') == ["We are ready to talk"]


def test_marks_question_mark_and_ellipsis_stay_in_content():
    text = '"Is this the end?" she asked. "We waited and waited..." he said.'
    assert contents(text) == ["Is this the end?", "We waited and waited..."]


def test_marks_typographic_with_nested_single_quotes():
    text = "He said: “They called it ‘a farce’ from day one.” Then he left."
    assert contents(text) == ["They called it ‘a farce’ from day one"]


def test_marks_guillemets_and_german_quotes():
    assert contents("Il a dit : « Nous ne céderons pas. » Puis il est parti.") == ["Nous ne céderons pas"]
    assert contents("Sie sagte: „Wir schaffen das.“ Danach ging sie.") == ["Wir schaffen das"]
    assert contents("Er sagte: »Das ist falsch.« Dann schwieg er.") == ["Das ist falsch"]


def test_marks_apostrophes_do_not_close_single_quotes():
    assert contents("The coach’s view: ‘We don’t lose twice,’ he said.") == ["We don’t lose twice"]


def test_marks_quote_over_paragraphs_gives_one_chain():
    text = '"The first point is money.\n\n"The second is time.\n\n"The third is trust," she said.'
    segments = find_marked_segments(text)
    assert [text[s.start:s.end] for s in segments] == [
        "The first point is money", "The second is time", "The third is trust"]
    assert len({s.chain for s in segments}) == 1
    assert [s.close_at is None for s in segments] == [True, True, False]


def test_marks_unbalanced_mark_does_not_swallow_the_document():
    text = 'He shouted "stop and ran off.\n\nLater the mayor said "calm down" twice.\n\nThe end.'
    assert contents(text) == ["calm down"]


def test_marks_straight_mark_that_can_only_open_restarts_the_scan():
    assert contents('A stray " mark here, then "a real quote here" follows.') == ["a real quote here"]
    assert contents('He wrote "first part. Then "second part" ended.') == ["second part"]


def test_marks_no_marks_no_segments():
    assert contents("Nothing quoted here at all.") == []
    assert contents('"') == []


def test_marks_two_apostrophes_stand_for_a_double_mark():
    text = "''Sales are up a little,'' Ms. Ortega said. ''The season is long.'' The store's owners'' club met."
    assert contents(text) == ["Sales are up a little", "The season is long"]


def test_marks_mixed_straight_and_curly_marks_pair():
    text = '"The plan has a hole in it,” said Tom Reyes, a professor.'
    assert contents(text) == ["The plan has a hole in it"]


def test_doc_text_is_read_once_per_doc_and_forgotten_with_it():
    import gc
    import weakref

    import spacy

    from annotator.nlp import marks

    nlp = spacy.blank("en")
    doc = nlp('The mayor said: "We are ready."\nShe left.')
    shared = marks.doc_text(doc)
    assert shared.text == doc.text
    assert marks.doc_text(doc) is shared  # the same reading for every component
    assert [(s.start, s.end) for s in shared.segments] == [(s.start, s.end) for s in find_marked_segments(doc.text)]
    assert shared.paragraph_starts == marks.paragraph_starts(doc.text) == [0, doc.text.index("She")]
    other = nlp(doc.text)
    assert marks.doc_text(other) is not shared  # another Doc of the same text has its own
    alive = weakref.ref(doc)
    del doc, other, shared
    gc.collect()
    assert alive() is None  # the cache holds no Doc alive


def test_marks_straight_closing_mark_glued_to_the_next_word_closes():
    assert contents('"The dam will hold,"Vessa Thrane said. "It always has."') == [
        "The dam will hold", "It always has"]
    assert contents("''The dam will hold,''Vessa said.") == ["The dam will hold"]
    assert contents('"The dam held."The river fell overnight.') == ["The dam held"]


def test_marks_straight_mark_glued_after_an_introduction_still_opens():
    assert contents('Vessa Thrane said,"The dam will hold." Then she left.') == ["The dam will hold"]
    # an earlier stray mark: the glued one opens when the marks after it would be left unpaired
    assert contents('A stray " here. Vessa said,"The dam will hold."') == ["The dam will hold"]


def test_marks_closing_mark_after_a_space_closes():
    text = "\"She said the plan was 'a joke,' \" said Ada Moss. \"It is not.\""
    assert contents(text) == ["She said the plan was 'a joke,'", "It is not"]
    assert contents("“We are done here, ” she said. “Now we rest.”") == ["We are done here", "Now we rest"]


def test_marks_opening_curly_mark_typed_for_a_closing_one():
    text = "“We will win this,“ said Ada Moss. “Then we rest.”"
    assert contents(text) == ["We will win this", "Then we rest"]
    assert contents("“Is the vote over?“\n\nNobody knew.") == ["Is the vote over?"]
    text = "Ada Quill called the plan “a fine mess“ and left. “We will see,” she said."
    assert contents(text) == ["a fine mess", "We will see"]
    # after a straight opening mark, and after a space that follows the full stop
    assert contents('"We need a change now.“\n\nThe vote is Friday.') == ["We need a change now"]
    assert contents("“We see that. “\n\nThe vote is Friday.") == ["We see that"]
    # before a word it opens a quote typed against the comma (``said,“We``), as before
    assert contents("“First,” Moss said,“second.”") == ["First", "second"]
