"""Speaker rules for sources beyond a cue's subject, on hand-built parses: a passive cue's ``by``
agent, an ``as`` clause before a quote, a subject up through an adverb (``went so far as to
say``), a relative ``who`` (and its coreference), and a possessor's mention without its ``'s``."""

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from annotator.core.records import COREF
from annotator.nlp.coref import SpeakerResolver
from annotator.nlp.convert import relations_of
from annotator.nlp.speakers import SpeakerFinder, noun_phrase
from annotator.nlp.speakers.interviewee import interviewee
from tests.nlp.hand_docs import hand_doc
from tests.nlp.test_speaker_rules import said_by, with_quotes


def test_passive_cue_speaks_for_its_by_agent():
    doc = hand_doc("It was announced by the ministry that talks would resume.", """
        It        PRON  PRP nsubjpass 2
        was       AUX   VBD auxpass   2 be
        announced VERB  VBN ROOT      2 announce
        by        ADP   IN  agent     2
        the       DET   DT  det       5
        ministry  NOUN  NN  pobj      3
        that      SCONJ IN  mark      9
        talks     NOUN  NNS nsubj     9
        would     AUX   MD  aux       9
        resume    VERB  VB  ccomp     2
        .         PUNCT .   punct     2
    """)
    SpeakerFinder()(with_quotes(doc, (7, 10, 2, "indirect")))
    assert said_by(doc) == [("talks would resume", "the ministry")]


def test_as_clause_before_a_quote_without_cue_names_its_speaker():
    doc = hand_doc('As the prosecutor put it, "there was little to find."', """
        As         SCONJ IN  mark   3
        the        DET   DT  det    2
        prosecutor NOUN  NN  nsubj  3
        put        VERB  VBD advcl  8
        it         PRON  PRP dobj   3
        ,          PUNCT ,   punct  3
        "          PUNCT ``  punct  8
        there      PRON  EX  expl   8
        was        VERB  VBD ROOT   8 be
        little     ADJ   JJ  attr   8
        to         PART  TO  aux    11
        find       VERB  VB  relcl  9
        .          PUNCT .   punct  8
        "          PUNCT ''  punct  8
    """)
    SpeakerFinder()(with_quotes(doc, (7, 12, None, "direct")))
    assert said_by(doc) == [("there was little to find", "the prosecutor")]


def test_subject_is_found_up_through_an_adverb():
    doc = hand_doc('The columnist went so far as to say: "It is over."', """
        The       DET   DT  det    1
        columnist NOUN  NN  nsubj  2
        went      VERB  VBD ROOT   2 go
        so        ADV   RB  advmod 4
        far       ADV   RB  advmod 2
        as        SCONJ IN  mark   7
        to        PART  TO  aux    7
        say       VERB  VB  advcl  4
        :         PUNCT :   punct  2
        "         PUNCT ``  punct  11
        It        PRON  PRP nsubj  11
        is        AUX   VBZ ccomp  2 be
        over      ADV   RB  advmod 11
        .         PUNCT .   punct  11
        "         PUNCT ''  punct  11
    """)
    SpeakerFinder()(with_quotes(doc, (10, 13, 7, "direct")))
    assert said_by(doc) == [("It is over", "The columnist")]


def test_relative_who_is_the_speaker_and_resolves_to_its_antecedent():
    doc = hand_doc('It came from Ada Pike, who said, "We will win."', """
        It      PRON  PRP nsubj  1
        came    VERB  VBD ROOT   1 come
        from    ADP   IN  prep   1
        Ada     PROPN NNP compound 4
        Pike    PROPN NNP pobj   2
        ,       PUNCT ,   punct  4
        who     PRON  WP  nsubj  7
        said    VERB  VBD relcl  4 say
        ,       PUNCT ,   punct  7
        "       PUNCT ``  punct  7
        We      PRON  PRP nsubj  12
        will    AUX   MD  aux    12
        win     VERB  VB  ccomp  7
        .       PUNCT .   punct  7
        "       PUNCT ''  punct  7
    """, ents=((3, 5, "PERSON"),))
    SpeakerFinder()(with_quotes(doc, (10, 13, 7, "direct")))
    assert said_by(doc) == [("We will win", "who")]
    SpeakerResolver()(doc)
    text = doc.text
    assert [(text[r.head_start:r.head_end], text[r.child_start:r.child_end]) for r in relations_of(doc, COREF)] \
        == [("who", "Ada Pike")]


def test_possessor_mention_leaves_out_its_possessive_ending():
    doc = hand_doc("The senator's view", """
        The      DET   DT  det   1
        senator  NOUN  NN  poss  3
        's       PART  POS case  1
        view     NOUN  NN  ROOT  3
    """)
    assert noun_phrase(doc[1]).text == "The senator"


def test_name_before_a_party_and_state_parenthesis_speaks_for_a_verb_without_subject():
    doc = hand_doc('Ann Lee (R-OH), said, "We will win."', """
        Ann   PROPN NNP   compound 1
        Lee   PROPN NNP   dep      8
        (     PUNCT -LRB- punct    1
        R     PROPN NNP   compound 5
        -     PUNCT HYPH  punct    5
        OH    PROPN NNP   appos    1
        )     PUNCT -RRB- punct    1
        ,     PUNCT ,     punct    8
        said  VERB  VBD   ROOT     8 say
        ,     PUNCT ,     punct    8
        "     PUNCT ``    punct    8
        We    PRON  PRP   nsubj    13
        will  AUX   MD    aux      13
        win   VERB  VB    ccomp    8
        .     PUNCT .     punct    8
        "     PUNCT ''    punct    8
    """, ents=((0, 2, "PERSON"),))
    SpeakerFinder()(with_quotes(doc, (11, 14, 8, "direct")))
    assert said_by(doc) == [("We will win", "Ann Lee")]


def test_subject_inside_a_parenthesis_after_a_name_stands_for_the_name():
    doc = hand_doc('Ann Lee (R-OH) said, "We will win."', """
        Ann   PROPN NNP   compound 1
        Lee   PROPN NNP   dep      7
        (     PUNCT -LRB- punct    5
        R     PROPN NNP   compound 5
        -     PUNCT HYPH  punct    5
        OH    PROPN NNP   nsubj    7
        )     PUNCT -RRB- punct    5
        said  VERB  VBD   ROOT     7 say
        ,     PUNCT ,     punct    7
        "     PUNCT ``    punct    7
        We    PRON  PRP   nsubj    12
        will  AUX   MD    aux      12
        win   VERB  VB    ccomp    7
        .     PUNCT .     punct    7
        "     PUNCT ''    punct    7
    """, ents=((0, 2, "PERSON"),))
    SpeakerFinder()(with_quotes(doc, (10, 13, 7, "direct")))
    assert said_by(doc) == [("We will win", "Ann Lee")]


def test_participle_describing_a_statement_speaks_for_the_subject_of_the_verb_holding_it():
    doc = hand_doc('She told the paper in a written statement, "We will win."', """
        She       PRON  PRP nsubj 1
        told      VERB  VBD ROOT  1 tell
        the       DET   DT  det   3
        paper     NOUN  NN  dobj  1
        in        ADP   IN  prep  1
        a         DET   DT  det   7
        written   VERB  VBN amod  7 write
        statement NOUN  NN  pobj  4
        ,         PUNCT ,   punct 1
        "         PUNCT ``  punct 1
        We        PRON  PRP nsubj 12
        will      AUX   MD  aux   12
        win       VERB  VB  ccomp 1
        .         PUNCT .   punct 1
        "         PUNCT ''  punct 1
    """)
    SpeakerFinder()(with_quotes(doc, (10, 13, 6, "direct")))
    assert said_by(doc) == [("We will win", "She")]


def test_interviewee_is_the_person_named_most_often_before_the_first_question():
    words = ["Ann", "Lee", "met", "us", ".", "Lee", "spoke", "of", "Bo", "Chan", ".", "\n", "Q", ":", "Why", "?",
             "\n", "A", ":", "Because", "."]
    spaces = [True, True, True, False, True, True, True, True, True, False, False, False, False, True, False,
              False, False, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    assert doc.text == "Ann Lee met us. Lee spoke of Bo Chan.\nQ: Why?\nA: Because."
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "PERSON"), Span(doc, 8, 10, "PERSON")]
    assert interviewee(doc.text, list(doc.ents)).text == "Ann Lee"
