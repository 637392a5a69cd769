"""The coreference resolvers on hand-built parses: organisations first, then people."""

from spacy.tokens import Doc

from annotator.core.records import COREF
from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.coref import CorefScan, SpeakerResolver
from annotator.nlp.coref import organisations, persons
from tests.nlp.hand_docs import hand_doc


def _with_speakers(doc: Doc, *speakers: tuple[int, int]) -> Doc:
    ensure_span_groups(doc)
    doc.spans["speakers"] = [doc[start:end] for start, end in speakers]
    return doc


def _resolved(doc: Doc) -> list[tuple[str, str]]:
    text = doc.text
    return [(text[r[0]:r[1]], text[r[3]:r[4]]) for r in doc._.relations or [] if r[6] == COREF]


def test_coref_acronym_speaker_is_the_organisation_it_spells():
    doc = _with_speakers(hand_doc("The European Space Agency met. ESA said it would fly.", """
        The       DET   DT  det       3
        European  PROPN NNP compound  3
        Space     PROPN NNP compound  3
        Agency    PROPN NNP nsubj     4
        met       VERB  VBD ROOT      4 meet
        .         PUNCT .   punct     4
        ESA       PROPN NNP nsubj     7
        said      VERB  VBD ROOT      7 say
        it        PRON  PRP nsubj     10
        would     AUX   MD  aux       10
        fly       VERB  VB  ccomp     7
        .         PUNCT .   punct     7
    """, ents=((1, 4, "ORG"),)), (6, 7))
    scan = CorefScan.of(doc)
    assert organisations.acronym(scan, scan.speakers[0]).target.text == "European Space Agency"


_AIRLINE = """
    Northwind PROPN NNP compound  1
    Airlines  PROPN NNPS nsubj    3
    will      AUX   MD  aux       3
    cut       VERB  VB  ccomp     8
    jobs      NOUN  NNS dobj      3
    ,         PUNCT ,   punct     8
    the       DET   DT  det       7
    company   NOUN  NN  nsubj     8
    said      VERB  VBD ROOT      8 say
    .         PUNCT .   punct     8
"""


def test_coref_organisation_description_is_the_organisation_its_sentence_is_about():
    doc = _with_speakers(hand_doc("Northwind Airlines will cut jobs, the company said.", _AIRLINE,
                                  ents=((0, 2, "ORG"),)), (6, 8))
    SpeakerResolver()(doc)
    assert _resolved(doc) == [("the company", "Northwind Airlines")]


def test_coref_organisation_description_never_resolves_to_a_person():
    doc = _with_speakers(hand_doc("Northwind Airlines will cut jobs, the company said.", _AIRLINE,
                                  ents=((0, 2, "PERSON"),)), (6, 8))
    scan = CorefScan.of(doc)
    assert organisations.described_organisation(scan, scan.speakers[0]).target is None
    SpeakerResolver()(doc)
    assert _resolved(doc) == []


def _two_people(pronoun: str):
    text = f"Mr Tom Reyes met Maya Lindqvist. {pronoun} said it works."
    return _with_speakers(hand_doc(text, f"""
        Mr        PROPN NNP compound  2
        Tom       PROPN NNP compound  2
        Reyes     PROPN NNP nsubj     3
        met       VERB  VBD ROOT      3 meet
        Maya      PROPN NNP compound  5
        Lindqvist PROPN NNP dobj      3
        .         PUNCT .   punct     3
        {pronoun} PRON  PRP nsubj     8
        said      VERB  VBD ROOT      8 say
        it        PRON  PRP nsubj     10
        works     VERB  VBZ ccomp     8 work
        .         PUNCT .   punct     8
    """, ents=((1, 3, "PERSON"), (4, 6, "PERSON"))), (7, 8))


def test_coref_pronoun_takes_the_latest_person_of_its_gender():
    she, he = _two_people("She"), _two_people("He")
    SpeakerResolver()(she)
    SpeakerResolver()(he)
    # "Mr" makes Reyes a man: "She" passes over him though he is the subject "He" prefers.
    assert _resolved(she) == [("She", "Maya Lindqvist")]
    assert _resolved(he) == [("He", "Tom Reyes")]


def test_coref_unnamed_plural_source_stays_unresolved():
    doc = _with_speakers(hand_doc("Maya Lindqvist left. Two officials said it works.", """
        Maya      PROPN NNP compound  1
        Lindqvist PROPN NNP nsubj     2
        left      VERB  VBD ROOT      2 leave
        .         PUNCT .   punct     2
        Two       NUM   CD  nummod    5
        officials NOUN  NNS nsubj     6 official
        said      VERB  VBD ROOT      6 say
        it        PRON  PRP nsubj     8
        works     VERB  VBZ ccomp     6 work
        .         PUNCT .   punct     6
    """, ents=((0, 2, "PERSON"),)), (4, 6))
    scan = CorefScan.of(doc)
    assert persons.unnamed_source(scan, scan.speakers[0]).target is None
    SpeakerResolver()(doc)
    assert _resolved(doc) == []


_LOPEZ = """
    Maria  PROPN NNP compound 1
    Lopez  PROPN NNP nsubj    2
    left   VERB  VBD ROOT     2 leave
    .      PUNCT .   punct    2
    She    PRON  PRP nsubj    5
    said   VERB  VBD ROOT     5 say
    it     PRON  PRP nsubj    8
    would  AUX   MD  aux      8
    rain   VERB  VB  ccomp    5
    .      PUNCT .   punct    5
"""


def test_coref_a_second_scan_of_a_doc_starts_from_the_people_read_before_the_resolvers_voted():
    import gc
    import weakref

    from annotator.nlp.coref.person_register import gender_from_context, people_of
    from annotator.nlp.coref.scan import _PEOPLE

    doc = _with_speakers(hand_doc("Maria Lopez left. She said it would rain.", _LOPEZ,
                                  ents=((0, 2, "PERSON"),)), (4, 5))
    fresh = people_of(list(doc.ents))
    gender_from_context(doc, fresh)
    first = CorefScan.of(doc)
    persons.referred_person(first, first.speakers[0])  # ``She``: a vote for the scan's own Person
    assert first.people[0].gender["f"] == fresh[0].gender["f"] + 1
    again = CorefScan.of(doc)
    assert [(p.key, p.mentions, p.gender) for p in again.people] == [(p.key, p.mentions, p.gender) for p in fresh]
    assert again.people[0] is not first.people[0] and again.people[0].gender is not first.people[0].gender
    doc.ents = []  # other entities: read again
    assert CorefScan.of(doc).people == []
    alive = weakref.ref(doc)
    del doc, first, again, fresh
    gc.collect()
    assert alive() is None and len(_PEOPLE) == 0
