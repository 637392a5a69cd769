"""The lexicon: cue verbs matched by lemma or inflected form, configured once in the quotes
component and shared by every later component (also through a saved and reloaded pipeline)."""

import spacy

from annotator.nlp import coref, quotes  # noqa: F401  (register the factories)
from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.entities import EntityHarmoniser
from annotator.nlp.lexicon import Lexicon, shared_lexicon
from annotator.nlp.speakers import subject_of
from tests.nlp.hand_docs import hand_doc

_COMPONENTS = ("annotator_quotes", "annotator_speakers", "annotator_entities", "annotator_coref")


def test_lexicon_knows_inflected_forms_when_the_lemma_is_missing():
    doc = hand_doc("She says it", "She PRON PRP nsubj 1\nsays VERB VBZ ROOT 1 says\nit PRON PRP dobj 1")
    assert Lexicon().lemma_of(doc[1]) == "say"
    grumbled = hand_doc("grumbled", "grumbled VERB VBD ROOT 0")[0]
    assert Lexicon().lemma_of(grumbled) is None
    assert Lexicon(extra=["grumble"]).lemma_of(grumbled) == "grumble"


def _pipeline(extra: list[str]):
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes", config={"extra_cue_verbs": extra})
    for name in _COMPONENTS[1:]:
        nlp.add_pipe(name)
    return nlp


def test_lexicon_extra_cue_verbs_reach_every_component(tmp_path):
    nlp = _pipeline(["grumble"])
    lexicon = nlp.get_pipe("annotator_quotes").lexicon
    assert "grumble" in lexicon.speech
    assert nlp.get_pipe("annotator_speakers").lexicon is lexicon
    assert nlp.get_pipe("annotator_entities").lexicon is lexicon
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert "grumble" in loaded.get_pipe("annotator_speakers").lexicon.speech
    assert loaded.get_pipe("annotator_entities").lexicon is loaded.get_pipe("annotator_quotes").lexicon


def test_lexicon_without_a_quotes_component_is_the_default():
    assert shared_lexicon(spacy.blank("en")).speech == Lexicon().speech


def test_lexicon_extra_verb_lets_speakers_climb_to_the_reporting_subject():
    # "She said his wife was happy and grumbled.": with "grumble" a speech verb, the one who
    # grumbled is the one who said, not the wife.
    doc = hand_doc("She said his wife was happy and grumbled.", """
        She      PRON  PRP  nsubj  1
        said     VERB  VBD  ROOT   1 say
        his      PRON  PRP$ poss   3
        wife     NOUN  NN   nsubj  4
        was      AUX   VBD  ccomp  1 be
        happy    ADJ   JJ   acomp  4
        and      CCONJ CC   cc     4
        grumbled VERB  VBD  conj   4 grumble
        .        PUNCT .    punct  1
    """)
    assert subject_of(doc[7], Lexicon()).text == "wife"
    assert subject_of(doc[7], Lexicon(extra=["grumble"])).text == "She"


def test_lexicon_extra_verb_makes_its_subject_an_introduced_name():
    doc = hand_doc("Then Elena Ruiz grumbled that it rained.", """
        Then     ADV   RB  advmod   3
        Elena    PROPN NNP compound 2
        Ruiz     PROPN NNP nsubj    3
        grumbled VERB  VBD ROOT     3 grumble
        that     SCONJ IN  mark     6
        it       PRON  PRP nsubj    6
        rained   VERB  VBD ccomp    3 rain
        .        PUNCT .   punct    3
    """)
    ensure_span_groups(doc)
    assert [e.text for e in EntityHarmoniser()(doc).ents] == []
    doc.ents = []
    found = EntityHarmoniser(lexicon=Lexicon(extra=["grumble"]))(doc).ents
    assert [(e.text, e.label_) for e in found] == [("Elena Ruiz", "PERSON")]


def test_lexicon_attribution_word_lists_come_from_the_component_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes", config={"object_cue_verbs": ["grumble"], "infinitive_cue_verbs": ["plan"],
                                             "clause_cue_verbs": ["sense"], "cue_nouns": ["gripe"],
                                             "cue_adjectives": ["grumpy"], "prepositional_cue_verbs": {"moan": ["about"]}})
    lexicon = nlp.get_pipe("annotator_quotes").lexicon
    assert (lexicon.object_verbs, lexicon.infinitive_verbs, lexicon.clause_verbs) == ({"grumble"}, {"plan"}, {"sense"})
    # spaCy merges a dict setting into the default one: an entry is added beside the others.
    assert lexicon.prepositional_verbs["moan"] == {"about"} and "call" in lexicon.prepositional_verbs
    assert (lexicon.nouns, lexicon.adjectives) == ({"gripe"}, {"grumpy"})


def test_lexicon_classes_each_cue_verb_by_what_it_reports():
    from annotator.nlp.cue_words import cue_verb_class

    assert [cue_verb_class(v) for v in ("say", "show", "hope", "believe", "oppose", "intend", "grumble")] == [
        "communication", "perception/evidence", "expectation", "cognition", "judgement/stance", "intention", None]


def test_every_word_class_is_one_config_key_one_keyword_and_one_attribute():
    import pytest

    from annotator.nlp.lexicon import WORD_CLASSES

    default_config = spacy.language.Language.get_factory_meta("annotator_quotes").default_config
    assert [key for key in default_config if key not in ("min_direct_words", "headline_max_words", "headline_types")] == [
        c.config_key for c in WORD_CLASSES]
    for word_class in WORD_CLASSES:
        # a made-up word: a default of no class, so none holds it apart from another (cognition less speech)
        given = {"Zorbing": ["Upon"]} if word_class.is_table else ["Zorbing"]
        nlp = spacy.blank("en")
        nlp.add_pipe("annotator_quotes", config={word_class.config_key: given})
        held = "speech" if word_class.name == "extra" else word_class.name
        for lexicon in (nlp.get_pipe("annotator_quotes").lexicon, Lexicon(**{word_class.name: given})):
            words = getattr(lexicon, held)
            if word_class.is_table:  # (spaCy adds a config's table entries beside the default ones)
                assert words["zorbing"] == {"upon"}, word_class
            elif held == word_class.name:
                assert words == {"zorbing"}, word_class  # a list given replaces the default
            else:
                assert "zorbing" in words and "say" in words, word_class
    with pytest.raises(TypeError, match="'verbs'"):
        Lexicon(verbs=["say"])
