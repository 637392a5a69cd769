"""The speaker rules on hand-built parses: each pattern, the order they are asked in (the first
acceptable answer wins), continuation, and the mention read off each kind of head."""

from spacy.tokens import Doc, DocBin, Span

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER
from annotator.nlp.convert import DocRelation, add_relation, ensure_span_groups, relations_of
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers import SpeakerFinder, SpeakerScan, noun_phrase, speaker_for_cue
from annotator.nlp.speakers import after_mark, cue_subject, inverted
from tests.nlp.hand_docs import hand_doc


def with_quotes(doc: Doc, *quotes: tuple[int, int, int | None, str]) -> Doc:
    """Give ``doc`` quotes (token start, end, cue token index or None, type) and their CUE relations."""
    ensure_span_groups(doc)
    spans, cues = [], []
    for start, end, cue_at, quote_type in quotes:
        quote = Span(doc, start, end, label=QUOTE)
        quote._.quote_type = quote_type
        spans.append(quote)
        if cue_at is not None:
            cue = Span(doc, cue_at, cue_at + 1, label=CUE)
            cues.append(cue)
            add_relation(doc, quote, QUOTE, cue, CUE, CUE_REL)
    doc.spans["quotes"] = spans
    doc.spans["cues"] = cues
    return doc


def said_by(doc: Doc) -> list[tuple[str, str]]:
    text = doc.text
    return [(text[r.head_start:r.head_end], text[r.child_start:r.child_end]) for r in relations_of(doc, SAID_BY)]


_AFTER_MARK = """
    "         PUNCT ``  punct  5
    We        PRON  PRP nsubj  2
    agree     VERB  VBP ccomp  9
    ,         PUNCT ,   punct  9
    "         PUNCT ''  punct  9
    Okafor    PROPN NNP npadvmod 9
    ,         PUNCT ,   punct  5
    a         DET   DT  det    8
    teacher   NOUN  NN  appos  5
    said      VERB  VBD ROOT   9 say
    .         PUNCT .   punct  9
"""


def test_speaker_rules_first_acceptable_answer_wins():
    # The parser lost the subject in the apposition: the cue-subject rule has no answer, the rule
    # after it takes the name after the closing mark.
    doc = with_quotes(hand_doc('"We agree," Okafor, a teacher said.', _AFTER_MARK,
                                ents=((5, 6, "PERSON"),)), (1, 3, 9, "direct"))
    SpeakerFinder()(doc)
    assert said_by(doc) == [("We agree", "Okafor")]
    scan = SpeakerScan.of(doc, Lexicon())
    assert cue_subject.find(scan, scan.cues[0], scan.quotes[0]) is None
    assert after_mark.find(scan, scan.cues[0], scan.quotes[0]).text == "Okafor"


def test_speaker_rules_an_answer_inside_the_quote_is_not_taken():
    # "We" is the subject the parser gives the cue, but it is inside the quote: a later rule answers.
    doc = hand_doc('"We agree," Okafor said.', """
        "         PUNCT ``  punct  6
        We        PRON  PRP nsubj  6
        agree     VERB  VBP ccomp  6
        ,         PUNCT ,   punct  6
        "         PUNCT ''  punct  6
        Okafor    PROPN NNP npadvmod 6
        said      VERB  VBD ROOT   6 say
        .         PUNCT .   punct  6
    """)
    doc = with_quotes(doc, (1, 3, 6, "direct"))
    SpeakerFinder()(doc)
    assert said_by(doc) == [("We agree", "Okafor")]
    # Asked about the cue alone (no quote to stay out of), a word between quotation marks is still
    # not who spoke.
    assert speaker_for_cue(doc.spans["cues"][0], Lexicon()).text == "Okafor"


def test_speaker_inverted_object_after_the_verb():
    doc = hand_doc('"It will pass," added a senator.', """
        "        PUNCT ``  punct  6
        It       PRON  PRP nsubj  3
        will     AUX   MD  aux    3
        pass     VERB  VB  ccomp  6
        ,        PUNCT ,   punct  6
        "        PUNCT ''  punct  6
        added    VERB  VBD ROOT   6 add
        a        DET   DT  det    8
        senator  NOUN  NN  dobj   6
        .        PUNCT .   punct  6
    """)
    doc = with_quotes(doc, (1, 4, 6, "direct"))
    scan = SpeakerScan.of(doc, Lexicon())
    assert inverted.find(scan, scan.cues[0], scan.quotes[0]).text == "a senator"
    SpeakerFinder()(doc)
    assert said_by(doc) == [("It will pass", "a senator")]


_TWO_PARAGRAPHS = """
    Vera      PROPN NNP nsubj  1
    said      VERB  VBD ROOT   1 say
    :         PUNCT :   punct  1
    "         PUNCT ``  punct  4
    Rain      NOUN  NN  ROOT   4
    .         PUNCT .   punct  4
    "         PUNCT ''  punct  4
    \\n       SPACE _SP dep    4
    "         PUNCT ``  punct  9
    Snow      NOUN  NN  ROOT   9
    .         PUNCT .   punct  9
    "         PUNCT ''  punct  9
"""


def test_speaker_continuation_takes_the_speaker_of_the_paragraph_before():
    doc = with_quotes(hand_doc('Vera said: "Rain."\n"Snow."', _TWO_PARAGRAPHS),
                      (4, 5, 1, "direct"), (9, 10, None, "direct"))
    SpeakerFinder()(doc)
    assert said_by(doc) == [("Rain", "Vera"), ("Snow", "Vera")]


def test_speaker_continuation_can_be_switched_off():
    doc = with_quotes(hand_doc('Vera said: "Rain."\n"Snow."', _TWO_PARAGRAPHS),
                      (4, 5, 1, "direct"), (9, 10, None, "direct"))
    SpeakerFinder(continue_paragraphs=False)(doc)
    assert said_by(doc) == [("Rain", "Vera")]


def test_speaker_mention_by_head_kind():
    doc = hand_doc("Councillor Ada Pike and the Dane and two people familiar with it and she spoke", """
        Councillor PROPN NNP compound 2
        Ada       PROPN NNP compound 2
        Pike      PROPN NNP nsubj    14
        and       CCONJ CC  cc       2
        the       DET   DT  det      5
        Dane      PROPN NNP conj     2
        and       CCONJ CC  cc       2
        two       NUM   CD  nummod   8
        people    NOUN  NNS conj     2
        familiar  ADJ   JJ  amod     8
        with      ADP   IN  prep     9
        it        PRON  PRP pobj     10
        and       CCONJ CC  cc       2
        she       PRON  PRP conj     2
        spoke     VERB  VBD ROOT     14 speak
    """, ents=((0, 3, "PERSON"),))
    assert noun_phrase(doc[2]).text == "Ada Pike"  # a PERSON name without its title
    assert noun_phrase(doc[5]).text == "the Dane"  # a description by nationality, whole
    assert noun_phrase(doc[13]).text == "she"  # a pronoun alone
    assert noun_phrase(doc[8]).text == "two people familiar with it"  # a common noun: its subtree


def test_speaker_relations_are_named_and_survive_a_docbin():
    doc = with_quotes(hand_doc('Vera said: "Rain."\n"Snow."', _TWO_PARAGRAPHS), (4, 5, 1, "direct"))
    SpeakerFinder()(doc)
    relation = relations_of(doc, SAID_BY)[0]
    assert relation == DocRelation(12, 16, QUOTE, 0, 4, SPEAKER, SAID_BY)
    assert relations_of(doc, CUE_REL)[0].child_label == CUE
    stored = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(doc.vocab))[0]
    assert relations_of(back, SAID_BY) == [relation]
    # A Doc read back from a DocBin holds its relations in a tuple: a component still adds to them.
    SpeakerFinder()(back)
    add_relation(back, back[9:10], QUOTE, back[0:1], SPEAKER, SAID_BY)
    assert relations_of(back, SAID_BY) == [relation, DocRelation(20, 24, QUOTE, 0, 4, SPEAKER, SAID_BY)]


_EVERY_KIND = """
    Lee       PROPN NNP ROOT   0
    :         PUNCT :   punct  0
    yes       INTJ  UH  dep    0
    .         PUNCT .   punct  0
    According VERB  VBG prep   8
    to        ADP   IN  prep   4
    Bo        PROPN NNP pobj   5
    ,         PUNCT ,   punct  8
    no        INTJ  UH  ROOT   8
    .         PUNCT .   punct  8
    A         DET   DT  ROOT   10
    :         PUNCT :   punct  10
    fine      ADJ   JJ  dep    10
    .         PUNCT .   punct  10
    Ann       PROPN NNP nsubj  15
    said      VERB  VBD ROOT   15 say
    no        INTJ  UH  dobj   15
    .         PUNCT .   punct  15
"""


def test_a_rule_of_one_kind_of_cue_answers_none_for_the_others():
    # ``speaker_from_rules`` skips the rules of another kind of cue (``by_cue.RULE_KINDS``): each
    # must answer None for a cue of another kind, as it would have when asked.
    from annotator.nlp.speakers.by_cue import RULE_KINDS, speaker_from_rules
    from annotator.nlp.speakers.scan import cue_kind

    doc = hand_doc("Lee: yes. According to Bo, no. A: fine. Ann said no.", _EVERY_KIND, ents=((14, 15, "PERSON"),))
    scan = SpeakerScan(doc=doc, text=doc.text, lexicon=Lexicon())
    cues = {"colon": doc[1:2], "according": doc[4:6], "interview": doc[10:11], "verb": doc[15:16]}
    assert {name: cue_kind(cue) for name, cue in cues.items()} == {name: name for name in cues}
    for rule, kind in RULE_KINDS.items():
        for cue in (c for c in cues.values() if cue_kind(c) != kind):
            assert rule(scan, cue, None) is None, (rule.__module__, cue.text)
    assert speaker_from_rules(scan, cues["verb"], doc[16:17]).text == "Ann"
    assert speaker_from_rules(scan, cues["according"], doc[8:9]).text == "Bo"
