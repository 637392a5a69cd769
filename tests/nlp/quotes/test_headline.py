"""The headline rule on hand-built parses: ``Name: words`` on a line of its own."""

from annotator.nlp.quotes import QuoteFinder, headline
from annotator.nlp.quotes.found import FoundQuote
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by


def test_headline_name_and_colon_quote_the_rest_of_the_line():
    doc = hand_doc("Merkel: we will not back down\nThe chancellor spoke on Monday.", """
        Merkel     PROPN NNP ROOT   0
        :          PUNCT :   punct  0
        we         PRON  PRP nsubj  5
        will       AUX   MD  aux    5
        not        PART  RB  neg    5
        back       VERB  VB  appos  0
        down       ADP   RP  prt    5
        \\n        SPACE _SP dep    5
        The        DET   DT  det    9
        chancellor NOUN  NN  nsubj  10
        spoke      VERB  VBD ROOT   10 speak
        on         ADP   IN  prep   10
        Monday     PROPN NNP pobj   11
        .          PUNCT .   punct  10
    """)
    assert found_by(headline.find, doc) == [("indirect", "we will not back down", ":")]


def test_headline_page_label_before_a_colon_is_not_a_speaker():
    doc = hand_doc("Update: the road is closed again", """
        Update  NOUN  NN  ROOT       0
        :       PUNCT :   punct      0
        the     DET   DT  det        3
        road    NOUN  NN  nsubjpass  5
        is      AUX   VBZ auxpass    5
        closed  VERB  VBN appos      0 close
        again   ADV   RB  advmod     5
    """)
    assert found_by(headline.find, doc) == []


def test_headline_colon_becomes_the_cue_of_a_quote_in_marks_on_its_line():
    doc = hand_doc('Merkel: "We will not back down"', """
        Merkel  PROPN NNP ROOT   0
        :       PUNCT :   punct  0
        "       PUNCT ``  punct  6
        We      PRON  PRP nsubj  6
        will    AUX   MD  aux    6
        not     PART  RB  neg    6
        back    VERB  VB  appos  0
        down    ADP   RP  prt    6
        "       PUNCT ''  punct  6
    """)
    found = QuoteFinder().find(doc)
    assert [(f.quote_type, f.span.text, f.cue.text) for f in found] == [("direct", "We will not back down", ":")]


def test_headline_type_is_read_off_the_marks_after_the_colon():
    import spacy

    from annotator.nlp.lexicon import Lexicon
    from annotator.nlp.quotes.scan import QuoteScan

    def kind(words: str) -> str:
        doc = spacy.blank("en")("Lin: " + words)
        return headline.headline_type(QuoteScan.of(doc, Lexicon()), 5, len(doc.text))[0]

    assert kind("we won't raise taxes") == "indirect"
    assert kind('"We will not raise taxes"') == "direct"
    assert kind("“We will not raise taxes”.") == "direct"
    assert kind('tax plan is "a disgrace"') == "mixed"
    assert kind('"A disgrace," says the senator of the tax plan') == "mixed"
    assert kind("the unions’ plan is dead") == "indirect"  # an apostrophe after a word is no mark


def test_headline_source_noun_before_the_colon_is_a_name_but_a_page_label_is_not():
    doc = hand_doc("Poll: voters favour the new bridge", """
        Poll    NOUN  NN  ROOT   0
        :       PUNCT :   punct  0
        voters  NOUN  NNS nsubj  3
        favour  VERB  VBP appos  0
        the     DET   DT  det    6
        new     ADJ   JJ  amod   6
        bridge  NOUN  NN  dobj   3
    """)
    assert found_by(headline.find, doc) == [("indirect", "voters favour the new bridge", ":")]
    doc = hand_doc("Photo: voters queue at the new bridge", """
        Photo   NOUN  NN  ROOT   0
        :       PUNCT :   punct  0
        voters  NOUN  NNS nsubj  3
        queue   VERB  VBP appos  0
        at      ADP   IN  prep   3
        the     DET   DT  det    7
        new     ADJ   JJ  amod   7
        bridge  NOUN  NN  pobj   4
    """)
    assert found_by(headline.find, doc) == []




def _ferry_line():
    import spacy

    doc = spacy.blank("en")('Okafor: ferry "Will Not Run This Winter" says board')
    colon, mixed, part = doc[1:2], doc[2:11], doc[4:9]
    return colon, FoundQuote(mixed, "mixed", colon, rule="headline"), FoundQuote(part, "direct", None, rule="direct")


def test_headline_mixed_line_takes_in_the_quoted_part_found_on_it():
    _colon, line, part = _ferry_line()
    assert headline.lend_cues([part], [line]) == [line]


def test_headline_direct_line_lends_its_colon_to_the_quote_found_on_it():
    colon, line, part = _ferry_line()
    line.quote_type = "direct"
    assert headline.lend_cues([part], [line]) == [part] and part.cue.text == colon.text


def test_headline_mixed_line_lends_its_colon_to_a_quote_reaching_past_it():
    colon, line, part = _ferry_line()
    line.span = line.span.doc[2:6]
    assert headline.lend_cues([part], [line]) == [part] and part.cue.text == colon.text
