"""``inverted.for_found_quote`` and ``next_to_cue.for_found_quote``: the noun after an ``-ing`` verb is
its listener, not an inverted speaker (``…, telling the dockers, "…"``), and a name that is the subject
of a verb right after the cue opens the reported clause (``said Mr. Varga was …``). Hand-built
parses as the small English model gives such sentences, sentences of our own."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers import inverted, next_to_cue
from annotator.nlp.speakers.by_cue import PRE_LABEL_RULES, speaker_from_rules
from annotator.nlp.speakers.scan import SpeakerScan
from tests.nlp.hand_docs import hand_doc


def _scan(doc) -> SpeakerScan:
    return SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())


# the parser hangs ``telling`` on nothing that has a subject: ``seemed`` is a clause of its own
_TELLING_TEXT = 'Okafor seemed glad, telling the dockers, "Bring umbrellas."'
_TELLING = """
    Okafor    PROPN NNP  nsubj   1
    seemed    VERB  VBD  ROOT    1 seem
    glad      ADJ   JJ   acomp   1
    ,         PUNCT ,    punct   1
    telling   VERB  VBG  ROOT    4 tell
    the       DET   DT   det     6
    dockers   NOUN  NNS  dobj    4
    ,         PUNCT ,    punct   4
    "         PUNCT ``   punct   9
    Bring     VERB  VB   ccomp   4 bring
    umbrellas NOUN  NNS  dobj    9
    .         PUNCT .    punct   4
    "         PUNCT ''   punct   4
"""


def test_the_noun_after_an_ing_cue_is_not_an_inverted_speaker():
    doc = hand_doc(_TELLING_TEXT, _TELLING, ents=((0, 1, "PERSON"),))
    scan = _scan(doc)
    assert inverted.find(scan, doc[4:5], doc[9:11]).text == "the dockers"  # (the suggestions' reading)
    assert inverted.for_found_quote(scan, doc[4:5], doc[9:11]) is None


def test_the_found_quote_rules_skip_the_listener():
    doc = hand_doc(_TELLING_TEXT, _TELLING, ents=((0, 1, "PERSON"),))
    speaker = speaker_from_rules(_scan(doc), doc[4:5], doc[9:11], PRE_LABEL_RULES)
    assert speaker is None or speaker.text != "the dockers"


def test_the_name_after_an_ing_cue_is_not_next_to_it():
    doc = hand_doc('Lee recalled Dunmore, and telling Ruiz, "Go home."', """
        Lee       PROPN NNP  nsubj   1
        recalled  VERB  VBD  ROOT    1 recall
        Dunmore   PROPN NNP  dobj    1
        ,         PUNCT ,    punct   1
        and       CCONJ CC   cc      1
        telling   VERB  VBG  ROOT    5 tell
        Ruiz      PROPN NNP  dobj    5
        ,         PUNCT ,    punct   5
        "         PUNCT ``   punct   9
        Go        VERB  VB   ccomp   5 go
        home      ADV   RB   advmod  9
        .         PUNCT .    punct   5
        "         PUNCT ''   punct   5
    """, ents=((0, 1, "PERSON"), (6, 7, "PERSON")))
    scan = _scan(doc)
    assert next_to_cue.find(scan, doc[5:6], doc[9:11]).text == "Ruiz"
    assert next_to_cue.for_found_quote(scan, doc[5:6], doc[9:11]) is None


# ``Pell`` left unattached by the relative clause between it and ``said``, as the parser may leave it
_CLAUSE_TEXT = 'Pell, whose firm builds ferries, said Mr. Varga was right: "He never stops."'
_CLAUSE = """
    Pell      PROPN NNP  npadvmod 6
    ,         PUNCT ,    punct    0
    whose     PRON  WP$  poss     3
    firm      NOUN  NN   nsubj    4
    builds    VERB  VBZ  relcl    0 build
    ferries   NOUN  NNS  dobj     4 ferry
    ,         PUNCT ,    punct    6
    said      VERB  VBD  ROOT     6 say
    Mr.       PROPN NNP  compound 9
    Varga     PROPN NNP  nsubj    10
    was       AUX   VBD  ccomp    7 be
    right     ADJ   JJ   acomp    10
    :         PUNCT :    punct    7
    "         PUNCT ``   punct    16
    He        PRON  PRP  nsubj    16
    never     ADV   RB   neg      16
    stops     VERB  VBZ  ccomp    7 stop
    .         PUNCT .    punct    7
    "         PUNCT ''   punct    7
"""


def test_a_name_opening_the_reported_clause_is_not_inverted():
    doc = hand_doc(_CLAUSE_TEXT, _CLAUSE, ents=((0, 1, "PERSON"), (8, 10, "PERSON")))
    scan = _scan(doc)
    assert inverted.find(scan, doc[7:8], doc[14:17]).text == "Mr. Varga"
    assert inverted.for_found_quote(scan, doc[7:8], doc[14:17]) is None
    assert next_to_cue.for_found_quote(scan, doc[7:8], doc[14:17]) is None


def test_an_inverted_name_set_off_by_a_comma_still_speaks():
    # ``"…," said Ann Lee, a nurse, told …``: the parser's misreading; a comma sets the name off
    doc = hand_doc('"Wait," said Ann Lee, a nurse, told us.', """
        "      PUNCT ``   punct    1
        Wait   VERB  VB   ccomp    4 wait
        ,      PUNCT ,    punct    4
        "      PUNCT ''   punct    4
        said   VERB  VBD  ROOT     4 say
        Ann    PROPN NNP  compound 6
        Lee    PROPN NNP  nsubj    11
        ,      PUNCT ,    punct    6
        a      DET   DT   det      9
        nurse  NOUN  NN   appos    6
        ,      PUNCT ,    punct    6
        told   VERB  VBD  ccomp    4 tell
        us     PRON  PRP  dobj     11
        .      PUNCT .    punct    4
    """, ents=((5, 7, "PERSON"),))
    assert inverted.for_found_quote(_scan(doc), doc[4:5], doc[1:2]).text == "Ann Lee"
