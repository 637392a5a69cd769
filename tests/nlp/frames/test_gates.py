"""The gates (``nlp/frames/gates.py``): the frames and the broad shapes find the same candidates
with them as without them, and the parse facts they read are the Doc's; sentences of our own."""

from __future__ import annotations

import gc
import weakref

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.frames.candidates import FRAME_NAMES, candidates
from annotator.nlp.frames.gates import ParseFacts, parse_facts
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.broad import BROAD_SOURCES, broad_candidates
from annotator.nlp.suggest.shapes import SHAPE_SOURCES, every_shape

#: One sentence or more for every frame and broad shape, and some each refuses (negated, quoted).
TEXT = "\n".join([
    "The mayor said the budget would shrink next year.",
    "She told reporters on a conference call that the plant will close in June.",
    "He asked the minister whether the tax would rise.",
    "The governor vowed to veto the measure. The governor did not promise to veto the measure.",
    "The council announced a new curfew for the harbour district.",
    "The union endorsed the rival of the mayor. The union did not endorse the rival of the mayor.",
    "The survey showed most tenants unhappy with the repairs. The audit found widespread errors in the ledger.",
    "Many voters see the governor as a reformer.",
    "The activists called for an inquiry into the flooding.",
    "The coach is confident that the team will recover. The senator was critical of the new levy.",
    "The proposal was criticised by several economists.",
    "The minister's claim that prices will fall drew scepticism. Her message: the harbour stays open.",
    "In his view, the deal will collapse before the summer.",
    "The chairman did not say whether the factory would reopen.",
    "Farmers who think the dam will fail have protested.",
    "We believe the court erred in its ruling.",
    "The bridge is expected to open in the spring.",
    "The senator, who opposed the treaty, left the chamber early.",
    "The union urged the court to halt the closure of the mill.",
    "The report found that the pipes were corroded.",
    "Her doubts about the levy grew. The mayor's stance on housing shifted. Worries about the dam spread.",
    'She said "the plan will fail badly" and left the room.',
    "The coach resigned on Friday, saying that the club had misled him for months.",
    "The ferry company cut its fares, hoping to win back the summer passengers.",
    "The new figures appear to contradict the forecast of the ministry.",
    "The chart shows that rents in the old town climbed again last winter.",
    "The residents objected loudly to the tunnel and argued against the new toll on the bridge.",
    "The ferry company disputes the official count of the stranded passengers.",
    "Resigning on Friday, the coach accused the directors of the club.",
    "The ferry company has reportedly cut its winter fares.",
    "The ferry won the string of races known as the Island Cup.",
    "The idea is that small donors can still give to the harbour fund.",
    "There are fears that the storm will close the harbour for a week.",
    "The council met ahead of a ruling expected in the coming weeks.",
    "Voters in the valley spoke openly about fears of a long drought.",
    "The mayor resigned after complaints that the buses ran late.",
    "Ms. Ode was crowned the queen of the regatta. The harbour master had been told that the pier would close.",
    "The regatta looks like a walkover. The new levy came under sharp criticism after the figures were published.",
    "The dockers were eager to settle the dispute before the holiday. The pilots are backers of the new pier.",
    "Nobody read the report the auditors praised so warmly. A plan opposed by most farmers was dropped.",
    "The new toll rankled the ferry pilots. Nobody believed what the pilots said about the storm.",
    "Ames's support among dockworkers has slipped since June.",
    "Harbour Board Chief Praises New Ferry Timetable",
])


def _frame_keys(found):
    return [(c.frame, c.word, c.place, c.chars, c.found.quote_type, c.found.cue.start_char) for c in found]


def _broad_keys(found):
    return [(b.source, b.found.chars, b.found.quote_type, b.found.cue.start_char,
             b.speaker.start_char if b.speaker is not None else None, b.own_speaker) for b in found]


@pytest.mark.model
def test_the_gates_change_no_candidate(nlp_model):
    doc = nlp_model(TEXT)
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    gated = _frame_keys(candidates(doc, lexicon, taken=[]))
    assert gated == _frame_keys(candidates(doc, lexicon, taken=[], gated=False))
    # the sentences reach every frame, so each gate lets its rule through somewhere
    assert {key[0] for key in gated} == set(FRAME_NAMES)
    broad = _broad_keys(broad_candidates(QuoteScan.of(doc, lexicon), set(BROAD_SOURCES)))
    assert broad == _broad_keys(broad_candidates(QuoteScan.of(doc, lexicon), set(BROAD_SOURCES), gated=False))
    assert {key[0] for key in broad} == set(BROAD_SOURCES)
    shapes = _broad_keys(every_shape(QuoteScan.of(doc, lexicon), set(SHAPE_SOURCES)))
    assert shapes == _broad_keys(every_shape(QuoteScan.of(doc, lexicon), set(SHAPE_SOURCES), gated=False))
    assert {key[0] for key in shapes} == set(SHAPE_SOURCES)


def _hand_doc() -> Doc:
    """``Ann did not say "it rained" : no`` parsed by hand: ``say`` heads the sentence."""
    words = ["Ann", "did", "not", "say", '"', "it", "rained", '"', ":", "no"]
    heads = [3, 3, 3, 3, 6, 6, 3, 6, 3, 8]
    deps = ["nsubj", "aux", "neg", "ROOT", "punct", "nsubj", "ccomp", "punct", "punct", "dep"]
    pos = ["PROPN", "AUX", "PART", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "INTJ"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_parse_facts_read_the_children_on_each_side():
    doc = _hand_doc()
    facts = ParseFacts(doc, [])
    assert facts.child({"nsubj"}, "before").tolist() == [i in (3, 6) for i in range(len(doc))]
    assert facts.child({"nsubj"}, "after").tolist() == [False] * len(doc)
    assert facts.child({"ccomp"}, "after")[3] and not facts.child({"ccomp"}, "before")[3]
    assert facts.negated.tolist() == [i == 3 for i in range(len(doc))]
    assert facts.label({"ROOT"}).tolist() == [i == 3 for i in range(len(doc))]  # a root is not its own child
    assert not facts.child({"ROOT"}).any()
    assert facts.part_of_speech("VERB").tolist() == [i in (3, 6) for i in range(len(doc))]
    assert facts.next_is(":").tolist() == [i == 7 for i in range(len(doc))]
    assert facts.head_is("say").tolist() == [doc[i].head.i == 3 for i in range(len(doc))]


def test_parse_facts_read_the_children_of_a_kind_and_the_words():
    doc = _hand_doc()
    facts = ParseFacts(doc, [])
    # ``say``'s subject, a name, stands before it; ``rained``'s, a pronoun, too
    assert facts.parent_of(facts.label({"nsubj"}) & facts.part_of_speech("PROPN"), "before").tolist() == \
        [i == 3 for i in range(len(doc))]
    assert not facts.parent_of(facts.label({"nsubj"}) & facts.part_of_speech("PROPN"), "after").any()
    assert facts.parent_of(facts.part_of_speech("PRON")).tolist() == [i == 6 for i in range(len(doc))]
    assert facts.part_of_speech("PRON", "PROPN").tolist() == [i in (0, 5) for i in range(len(doc))]
    assert facts.reads({"ann", "no"}).tolist() == [i in (0, 9) for i in range(len(doc))]
    assert not facts.to_infinitive.any() and not facts.tagged({"VB"}).any()  # (no tags given)


def test_parse_facts_know_a_to_infinitive():
    words = ["They", "want", "to", "leave"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "aux", "xcomp"],
              tags=["PRP", "VBP", "TO", "VB"])
    facts = ParseFacts(doc, [])
    assert facts.to_infinitive.tolist() == [False, False, False, True]
    assert facts.tagged({"VB", "TO"}).tolist() == [False, False, True, True]
    assert facts.parent_of(facts.label({"xcomp"}) & facts.to_infinitive, "after").tolist() == [False, True, False, False]


def test_parse_facts_know_the_quoted_words_and_a_mark_below():
    doc = _hand_doc()
    inside = [(doc[5].idx, doc[6].idx + len("rained"))]
    facts = ParseFacts(doc, inside)
    assert facts.quoted.tolist() == [i in (5, 6) for i in range(len(doc))]
    assert facts.above({"nsubj"}, "it").tolist() == [i in (3,) for i in range(len(doc))]  # ``rained`` is after ``it``
    assert not facts.above({"mark"}, "that").any()


def test_parse_facts_of_an_empty_doc():
    facts = ParseFacts(spacy.blank("en")(""), [])
    assert len(facts.quoted) == 0 and len(facts.child({"dobj"}, "after")) == 0


def test_the_kept_parse_facts_let_their_doc_go():
    # parse_facts keeps each Doc's facts with the Doc as a weak key: facts that held the Doc kept
    # every pre-labeled Doc alive (memory growing with each document, slower collections).
    doc = spacy.blank("en")("Dana Shore said the vote would be close.")
    assert parse_facts(doc) is parse_facts(doc)
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_parse_facts_read_lemmas_lower_cased():
    # as ``token.lemma_.lower()`` reads them: a lemma in capitals counts too
    words = ["Pilots", "Seemed", "calm", "and", "seem", "tired"]
    lemmas = ["pilot", "Seem", "calm", "and", "seem", "tired"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas)
    facts = ParseFacts(doc, [])
    assert facts.lemma_reads({"seem"}).tolist() == [i in (1, 4) for i in range(len(doc))]
    assert not facts.lemma_reads({"appear"}).any()
    assert len(ParseFacts(spacy.blank("en")(""), []).lemma_reads({"seem"})) == 0


#: Sentences for the gates that read a lemma or a form (``raised_gate``, ``undergone_gate``,
#: ``felt_reaction_gate``): a raising verb read as an auxiliary, a link with an empty ``it``, a
#: question as a subject, a target noun, a felt reaction, and verbs of the same shapes that are none.
LEMMA_GATED = "\n".join([
    "The captain seemed shaken by the storm. The captain was shaken by the storm.",
    "It was unclear whether the ferry would run. It remained doubtful that the pier would reopen.",
    "Whether the ferry will run is unclear. The skipper looks tired and seems nervous.",
    "The new levy drew sharp criticism from the growers. The new levy drew a large crowd.",
    "The delays angered the farmers. The delays reached the farmers.",
    "The mayor appears to back the plan. The mayor wants to back the plan.",
])


@pytest.mark.model
def test_the_lemma_gates_change_no_candidate(nlp_model):
    doc = nlp_model(LEMMA_GATED)
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    sources = {"rule:raised-subject", "rule:raised-complement", "rule:noun-target-subject", "rule:felt-reaction"}
    shapes = _broad_keys(every_shape(QuoteScan.of(doc, lexicon), sources))
    assert shapes == _broad_keys(every_shape(QuoteScan.of(doc, lexicon), sources, gated=False))
    assert {key[0] for key in shapes} == sources
