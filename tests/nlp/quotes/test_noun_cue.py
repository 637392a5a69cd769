"""The noun-cue rule on hand-built parses: ``X's claim that …``, ``a demand by X that …``, ``X
issued a statement saying …``, ``his pledge to …``, ``X's message: …``, ``in X's view, …``; and the
speaker the speaker rules read off the noun (possessor, ``by`` phrase, authoring verb's subject)."""

from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import QuoteFinder, noun_cue
from annotator.nlp.speakers import SpeakerFinder
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_by
from tests.nlp.test_speaker_rules import said_by

def _claim() -> Doc:
    return hand_doc("The senator's claim that taxes will rise drew criticism.", """
    The      DET   DT  det    1
    senator  NOUN  NN  poss   3
    's       PART  POS case   1
    claim    NOUN  NN  nsubj  8
    that     SCONJ IN  mark   7
    taxes    NOUN  NNS nsubj  7
    will     AUX   MD  aux    7
    rise     VERB  VB  acl    3
    drew     VERB  VBD ROOT   8 draw
    criticism NOUN NN  dobj   8
    .        PUNCT .   punct  8
""")


def _with_speakers(doc: Doc) -> list[tuple[str, str]]:
    QuoteFinder(Lexicon())(doc)
    SpeakerFinder()(doc)
    return said_by(doc)


def test_possessed_noun_reports_its_that_clause_and_the_possessor_speaks():
    assert found_by(noun_cue.find, _claim()) == [("indirect", "taxes will rise", "claim")]
    assert _with_speakers(_claim()) == [("taxes will rise", "The senator")]


def test_relative_clause_after_a_noun_is_no_report():
    doc = hand_doc("His claim that he made drew criticism.", """
        His    PRON  PRP$ poss  1
        claim  NOUN  NN   nsubj 5
        that   PRON  WDT  dobj  4
        he     PRON  PRP  nsubj 4
        made   VERB  VBD  relcl 1 make
        drew   VERB  VBD  ROOT  5 draw
        criticism NOUN NN dobj  5
        .      PUNCT .    punct 5
    """)
    assert found_by(noun_cue.find, doc) == []


def test_by_phrase_names_the_source_of_a_demand():
    doc = hand_doc("It is a demand by the union that the bill include tax breaks.", """
        It      PRON  PRP nsubj    1
        is      AUX   VBZ ROOT     1 be
        a       DET   DT  det      3
        demand  NOUN  NN  attr     1
        by      ADP   IN  prep     3
        the     DET   DT  det      6
        union   NOUN  NN  pobj     4
        that    SCONJ IN  mark     10
        the     DET   DT  det      9
        bill    NOUN  NN  nsubj    10
        include VERB  VBP acl      3
        tax     NOUN  NN  compound 12
        breaks  NOUN  NNS dobj     10
        .       PUNCT .   punct    1
    """)
    assert found_by(noun_cue.find, doc) == [("indirect", "the bill include tax breaks", "demand")]
    assert _with_speakers(doc) == [("the bill include tax breaks", "the union")]


def _statement(verb: str, lemma: str, noun: str = "claim", dep: str = "acl") -> Doc:
    return hand_doc(f"She {verb} the {noun} that the deal would hold.", f"""
        She    PRON  PRP nsubj 1
        {verb} VERB  VBD ROOT  1 {lemma}
        the    DET   DT  det   3
        {noun} NOUN  NN  dobj  1
        that   SCONJ IN  mark  8
        the    DET   DT  det   6
        deal   NOUN  NN  nsubj 8
        would  AUX   MD  aux   8
        hold   VERB  VB  {dep} 3
        .      PUNCT .   punct 1
    """)


def test_the_subject_of_an_authoring_verb_owns_the_noun_and_a_rejecting_one_does_not():
    made = _statement("made", "make")
    assert found_by(noun_cue.find, made) == [("indirect", "the deal would hold", "claim")]
    assert _with_speakers(_statement("made", "make")) == [("the deal would hold", "She")]
    assert found_by(noun_cue.find, _statement("rejected", "reject")) == []


def test_participle_of_a_statement_reports_its_clause_for_the_issuer():
    doc = hand_doc("She issued a statement saying the deal would hold.", """
        She       PRON  PRP nsubj 1
        issued    VERB  VBD ROOT  1 issue
        a         DET   DT  det   3
        statement NOUN  NN  dobj  1
        saying    VERB  VBG acl   3 say
        the       DET   DT  det   6
        deal      NOUN  NN  nsubj 8
        would     AUX   MD  aux   8
        hold      VERB  VB  ccomp 4
        .         PUNCT .   punct 1
    """)
    assert found_by(noun_cue.find, doc) == [("indirect", "the deal would hold", "saying")]


def test_pledge_reports_its_infinitive():
    doc = hand_doc("His pledge to cut taxes won votes.", """
        His    PRON  PRP$ poss  1
        pledge NOUN  NN   nsubj 5
        to     PART  TO   aux   3
        cut    VERB  VB   acl   1
        taxes  NOUN  NNS  dobj  3
        won    VERB  VBD  ROOT  5 win
        votes  NOUN  NNS  dobj  5
        .      PUNCT .    punct 5
    """)
    assert found_by(noun_cue.find, doc) == [("indirect", "to cut taxes", "pledge")]


def test_a_possessed_message_reports_what_follows_its_colon():
    doc = hand_doc("The agency's message: jobs are moving south.", """
        The     DET   DT  det    1
        agency  NOUN  NN  poss   3
        's      PART  POS case   1
        message NOUN  NN  ROOT   3
        :       PUNCT :   punct  3
        jobs    NOUN  NNS nsubj  7
        are     AUX   VBP aux    7 be
        moving  VERB  VBG appos  3 move
        south   ADV   RB  advmod 7
        .       PUNCT .   punct  3
    """)
    assert found_by(noun_cue.find, doc) == [("indirect", "jobs are moving south", "message")]


def test_in_someones_view_frames_the_clause_it_opens():
    doc = hand_doc("In the senator's view, the bill will fail.", """
        In      ADP   IN  prep   9
        the     DET   DT  det    2
        senator NOUN  NN  poss   4
        's      PART  POS case   2
        view    NOUN  NN  pobj   0
        ,       PUNCT ,   punct  9
        the     DET   DT  det    7
        bill    NOUN  NN  nsubj  9
        will    AUX   MD  aux    9
        fail    VERB  VB  ROOT   9
        .       PUNCT .   punct  9
    """)
    assert found_by(noun_cue.find, doc) == [("indirect", "the bill will fail", "view")]
    assert _with_speakers(doc) == [("the bill will fail", "the senator")]
