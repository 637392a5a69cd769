"""Namings the parser reads in other shapes (``quotes/naming.py``): a quoted adjective hung on the
object as its own, an object hung on the name as a noun modifier, a naming in a relative clause whose
pronoun is the subject, and an active participle the parser hangs on the noun before it."""

from annotator.nlp.quotes import naming
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ADJECTIVE = 'Mr. Varga replied, calling the plan "reckless."'
#: The parser's reading: the quoted adjective an ``amod`` of the object after it, the opening mark hung on it.
_ADJECTIVE_ROWS = """
    Mr.       PROPN NNP compound 1
    Varga     PROPN NNP nsubj    2
    replied   VERB  VBD ROOT     2 reply
    ,         PUNCT ,   punct    2
    calling   VERB  VBG advcl    2 call
    the       DET   DT  det      6
    plan      NOUN  NN  dobj     4
    "         PUNCT ``  punct    8
    reckless  ADJ   JJ  amod     6
    .         PUNCT .   punct    2
    "         PUNCT ''  punct    2
"""


def test_a_quoted_adjective_read_as_the_objects_own_is_what_was_called():
    assert found_at(naming.at, hand_doc(_ADJECTIVE, _ADJECTIVE_ROWS)) == [
        ("mixed", 'the plan "reckless."', "calling")]


def test_an_unquoted_adjective_after_the_object_is_no_name():
    text = "Mr. Varga replied, calling the plan reckless."
    rows = """
        Mr.       PROPN NNP compound 1
        Varga     PROPN NNP nsubj    2
        replied   VERB  VBD ROOT     2 reply
        ,         PUNCT ,   punct    2
        calling   VERB  VBG advcl    2 call
        the       DET   DT  det      6
        plan      NOUN  NN  dobj     4
        reckless  ADJ   JJ  amod     6
        .         PUNCT .   punct    2
    """
    assert found_at(naming.at, hand_doc(text, rows)) == []


_NOUN_MODIFIER = 'Mr. Varga replied, calling the plan "a trap."'
#: The parser's reading: no object; the thing named hung on the name as a noun modifier.
_NOUN_MODIFIER_ROWS = """
    Mr.       PROPN NNP compound 1
    Varga     PROPN NNP nsubj    2
    replied   VERB  VBD ROOT     2 reply
    ,         PUNCT ,   punct    2
    calling   VERB  VBG advcl    2 call
    the       DET   DT  det      6
    plan      NOUN  NN  npadvmod 9
    "         PUNCT ``  punct    9
    a         DET   DT  det      9
    trap      NOUN  NN  oprd     4
    .         PUNCT .   punct    2
    "         PUNCT ''  punct    2
"""


def test_an_object_read_as_a_noun_modifier_of_the_name_is_what_was_called():
    assert found_at(naming.at, hand_doc(_NOUN_MODIFIER, _NOUN_MODIFIER_ROWS)) == [
        ("mixed", 'the plan "a trap."', "calling")]


_RELATIVE = 'Ms. Orban, who called the levy "a trap," left early.'
_RELATIVE_ROWS = """
    Ms.     PROPN NNP compound 1
    Orban   PROPN NNP nsubj    12
    ,       PUNCT ,   punct    1
    who     PRON  WP  nsubj    4
    called  VERB  VBD relcl    1 call
    the     DET   DT  det      6
    levy    NOUN  NN  dobj     4
    "       PUNCT ``  punct    9
    a       DET   DT  det      9
    trap    NOUN  NN  oprd     4
    ,       PUNCT ,   punct    9
    "       PUNCT ''  punct    9
    left    VERB  VBD ROOT     12 leave
    early   ADV   RB  advmod   12
    .       PUNCT .   punct    12
"""


def test_a_relative_clause_whose_pronoun_names_is_a_naming_of_its_object():
    assert found_at(naming.at, hand_doc(_RELATIVE, _RELATIVE_ROWS)) == [
        ("mixed", 'the levy "a trap,"', "called")]


def test_a_relative_clause_whose_pronoun_is_the_thing_named_reads_the_name_alone():
    text = 'The levy, which Ms. Orban called "a trap," passed.'
    rows = """
        The     DET   DT  det      1
        levy    NOUN  NN  nsubj    12
        ,       PUNCT ,   punct    1
        which   PRON  WDT dobj     6
        Ms.     PROPN NNP compound 5
        Orban   PROPN NNP nsubj    6
        called  VERB  VBD relcl    1 call
        "       PUNCT ``  punct    9
        a       DET   DT  det      9
        trap    NOUN  NN  oprd     6
        ,       PUNCT ,   punct    9
        "       PUNCT ''  punct    9
        passed  VERB  VBD ROOT     12 pass
        .       PUNCT .   punct    12
    """
    assert found_at(naming.at, hand_doc(text, rows)) == [("mixed", '"a trap,"', "called")]


_PARTICIPLE = 'Ms. Orban spoke Friday, calling the levy "a trap."'
#: The parser's reading: the participle hung on the noun before the comma (``acl``), not on the verb.
_PARTICIPLE_ROWS = """
    Ms.      PROPN NNP compound 1
    Orban    PROPN NNP nsubj    2
    spoke    VERB  VBD ROOT     2 speak
    Friday   PROPN NNP npadvmod 2
    ,        PUNCT ,   punct    3
    calling  VERB  VBG acl      3 call
    the      DET   DT  det      7
    levy     NOUN  NN  dobj     5
    "        PUNCT ``  punct    10
    a        DET   DT  det      10
    trap     NOUN  NN  oprd     5
    .        PUNCT .   punct    2
    "        PUNCT ''  punct    2
"""


def test_an_active_participle_hung_on_a_noun_still_names():
    assert found_at(naming.at, hand_doc(_PARTICIPLE, _PARTICIPLE_ROWS)) == [
        ("mixed", 'the levy "a trap."', "calling")]


def test_a_passive_participle_on_a_noun_names_nobodys_words():
    text = "A group called the Harbour Friends marched."
    rows = """
        A        DET   DT  det      1
        group    NOUN  NN  nsubj    6
        called   VERB  VBN acl      1 call
        the      DET   DT  det      5
        Harbour  PROPN NNP compound 5
        Friends  PROPN NNPS oprd    2
        marched  VERB  VBD ROOT     6 march
        .        PUNCT .   punct    6
    """
    assert found_at(naming.at, hand_doc(text, rows)) == []
