"""A speaker's mention that runs into its quote is cut where the quote opens
(``speakers.before_quote``); hand-built parses as the small English model gives them, sentences of
our own."""

from annotator.nlp.speakers.before_quote import cut_before_quote
from annotator.nlp.speakers.mentions import noun_phrase
from tests.nlp.hand_docs import hand_doc

#: The quote's first noun read as a conjunct of the source after ``according to``.
_AUDIT = """
    According  VERB  VBG  prep      10 accord
    to         ADP   IN   prep      0
    the        DET   DT   det       4
    audit      NOUN  NN   compound  4
    summary    NOUN  NN   pobj      1
    ,          PUNCT ,    punct     4
    Varn       PROPN NNP  conj      4
    and        CCONJ CC   cc        6
    two        NUM   CD   nummod    9
    porters    NOUN  NNS  conj      6 porter
    told       VERB  VBD  ROOT      10 tell
    the        DET   DT   det       12
    clerk      NOUN  NN   dobj      10
    to         PART  TO   aux       14
    burn       VERB  VB   xcomp     10
    the        DET   DT   det       16
    ledgers    NOUN  NNS  dobj      14 ledger
    .          PUNCT .    punct     10
"""
_AUDIT_TEXT = "According to the audit summary, Varn and two porters told the clerk to burn the ledgers."


def test_a_source_joined_to_the_quote_is_cut_where_the_quote_opens():
    doc = hand_doc(_AUDIT_TEXT, _AUDIT)
    quote = doc[6:17]  # Varn … ledgers
    speaker = noun_phrase(doc[4], _AUDIT_TEXT)
    assert speaker.end > quote.start  # the mention as read runs into the quote
    assert cut_before_quote(speaker, quote).text == "the audit summary"


def test_a_speaker_outside_the_quote_stays_whole():
    doc = hand_doc(_AUDIT_TEXT, _AUDIT)
    speaker = doc[2:5]
    assert cut_before_quote(speaker, doc[10:17]) is speaker


def test_a_speaker_whose_head_is_inside_the_quote_is_left_to_be_refused():
    doc = hand_doc(_AUDIT_TEXT, _AUDIT)
    speaker = doc[2:10]  # its head ``summary`` inside the quote
    assert cut_before_quote(speaker, doc[3:17]) is speaker


def test_words_before_the_quote_with_a_verb_are_no_mention():
    doc = hand_doc(_AUDIT_TEXT, _AUDIT)
    speaker = doc[6:13]  # Varn and two porters told the clerk
    assert cut_before_quote(speaker, doc[12:17]) is speaker
