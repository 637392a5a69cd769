"""``after_mark.for_found_quote``: the name between a quote's closing mark and its cue spoke (``"…," Mr.
Varn, a retired pilot who lives in Orla, said``); for a quote after its cue (``…, telling the dockers,
"…"``), a name after another quote's mark speaks only when the parse ties it to the cue (``"…" Pike
posted, quoting …``). Hand-built parses, sentences of our own."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers import after_mark
from annotator.nlp.speakers.scan import SpeakerScan
from tests.nlp.hand_docs import hand_doc


def _scan(doc) -> SpeakerScan:
    return SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())


def test_a_name_after_another_quotes_mark_not_tied_to_the_cue_says_nothing():
    doc = hand_doc('At the "Harbour Day" fair in Orla, Pike stood up, telling the dockers, "We will win."', """
        At       ADP   IN   prep      11
        the      DET   DT   det       6
        "        PUNCT ``   punct     4
        Harbour  PROPN NNP  compound  4
        Day      PROPN NNP  compound  6
        "        PUNCT ''   punct     6
        fair     NOUN  NN   pobj      0
        in       ADP   IN   prep      6
        Orla     PROPN NNP  pobj      7
        ,        PUNCT ,    punct     11
        Pike     PROPN NNP  nsubj     11
        stood    VERB  VBD  ROOT      11 stand
        up       ADP   RP   prt       11
        ,        PUNCT ,    punct     11
        telling  VERB  VBG  advcl     11 tell
        the      DET   DT   det       16
        dockers  NOUN  NNS  dobj      14
        ,        PUNCT ,    punct     14
        "        PUNCT ``   punct     21
        We       PRON  PRP  nsubj     21
        will     AUX   MD   aux       21
        win      VERB  VB   ccomp     14
        .        PUNCT .    punct     21
        "        PUNCT ''   punct     21
    """, ents=((8, 9, "GPE"), (10, 11, "PERSON")))
    scan = _scan(doc)
    assert after_mark.for_found_quote(scan, doc[14:15], doc[19:22]) is None
    assert after_mark.find(scan, doc[14:15], doc[19:22]).text == "Orla"  # (the suggestions' reading)


def test_a_name_after_another_quotes_mark_on_the_verb_the_cue_hangs_on_speaks():
    doc = hand_doc('"The pier stays open," Pike posted, quoting a reporter\'s note on the levy.', """
        "        PUNCT ``   punct     8
        The      DET   DT   det       2
        pier     NOUN  NN   nsubj     3
        stays    VERB  VBZ  ccomp     8 stay
        open     ADJ   JJ   acomp     3
        ,        PUNCT ,    punct     8
        "        PUNCT ''   punct     8
        Pike     PROPN NNP  nsubj     8
        posted   VERB  VBD  ROOT      8 post
        ,        PUNCT ,    punct     8
        quoting  VERB  VBG  advcl     8 quote
        a        DET   DT   det       12
        reporter NOUN  NN   poss      14
        's       PART  POS  case      12
        note     NOUN  NN   dobj      10
        on       ADP   IN   prep      14
        the      DET   DT   det       17
        levy     NOUN  NN   pobj      15
        .        PUNCT .    punct     8
    """, ents=((7, 8, "PERSON"),))
    assert after_mark.for_found_quote(_scan(doc), doc[10:11], doc[11:18]).text == "Pike"


def test_the_name_after_the_quotes_own_mark_spoke():
    doc = hand_doc('"We will win," Mr. Varn, a retired pilot who lives in Orla, said.', """
        "        PUNCT ``   punct     17
        We       PRON  PRP  nsubj     3
        will     AUX   MD   aux       3
        win      VERB  VB   ccomp     17
        ,        PUNCT ,    punct     17
        "        PUNCT ''   punct     17
        Mr.      PROPN NNP  compound  7
        Varn     PROPN NNP  appos     3
        ,        PUNCT ,    punct     7
        a        DET   DT   det       11
        retired  ADJ   JJ   amod      11
        pilot    NOUN  NN   appos     7
        who      PRON  WP   nsubj     13
        lives    VERB  VBZ  relcl     11 live
        in       ADP   IN   prep      13
        Orla     PROPN NNP  pobj      14
        ,        PUNCT ,    punct     17
        said     VERB  VBD  ROOT      17 say
        .        PUNCT .    punct     17
    """, ents=((7, 8, "PERSON"), (15, 16, "GPE")))
    assert after_mark.for_found_quote(_scan(doc), doc[17:18], doc[1:4]).text == "Varn"
