"""The word lists as data: the format of ``annotator/nlp/words/*.txt``, the shipped files (each
list bound by a module, no word written twice by mistake), and the Python names the rules import
keeping the types their callers use (tuples where order or ``+`` matter, sets, word → words tables)."""

from collections import Counter

import pytest
import spacy

from annotator.nlp import cue_words, doc_words, doubt, lexicon, name_words
from annotator.nlp.word_lists import WordListError, expand, parse, table, unread_lists, word_lists

_TEXT = """\
# The reasons stand next to the words.
[GREETINGS]
hello
  good morning
# a comment between words
hi

[TABLE]
speak: about of
"""


def test_word_file_reads_lists_with_comments_and_multi_word_entries():
    greetings, table = parse(_TEXT, "x.txt")
    assert (greetings.name, greetings.line, greetings.entries) == ("GREETINGS", 2, ("hello", "good morning", "hi"))
    assert (table.name, table.entries) == ("TABLE", ("speak: about of",))


def test_word_file_refuses_an_entry_outside_a_list():
    with pytest.raises(WordListError, match=r"x\.txt:1: 'hello' comes before any"):
        parse("hello\n[GREETINGS]\n", "x.txt")


def test_every_shipped_list_is_bound_by_a_module():
    assert unread_lists() == []


#: Lists written with a word twice before they were data (the quotes component's config shows
#: them as they were); any other repeat is a slip.
_KNOWN_REPEATS = {"SPEECH_VERBS": {"insist", "acknowledge", "predict"}, "COMMUNICATION_VERBS": {"demand", "describe"},
                  "STANCE_VERBS": {"embrace"}, "CUE_NOUNS": {"insistence"}}


def test_shipped_lists_hold_lower_case_entries_each_written_once():
    for name, word_list in word_lists().items():
        assert word_list.entries, name
        own = [e for e in word_list.entries if not e.startswith("@")]
        assert all(e == e.lower() and e == e.strip() for e in own), name
        repeated = {e for e, count in Counter(word_list.entries).items() if count > 1}
        assert repeated == _KNOWN_REPEATS.get(name, set()), name


_MODULES = (cue_words, name_words, lexicon, doc_words, doubt)
#: The lists read in order: ``+``-joined, classed in order, read by ``str.endswith``, or shown in order
#: as a config default.
_ORDERED = {
    "SPEECH_VERBS", "COGNITION_VERBS", "COMMUNICATION_VERBS", "PERCEPTION_VERBS", "STANCE_VERBS", "EXPECTATION_VERBS",
    "INTENTION_VERBS", "CUE_NOUNS", "CUE_ADJECTIVES", "PUBLISHING_OBJECT_VERBS", "OBJECT_CUE_VERBS",
    "STANCE_OBJECT_VERBS", "INTENTION_INFINITIVE_VERBS", "REGARD_VERBS", "EVIDENCE_VERBS", "LIGHT_STANCE_VERBS",
    "PASSIVE_JUDGEMENT_VERBS", "PERSON_SUFFIXES", "OWN_INTENTION_VERBS", "COMPARING_OBJECT_VERBS",
    "WELCOMING_OBJECT_VERBS", "OFFERING_OBJECT_VERBS", "FINDING_VERBS", "RECEIVED_JUDGEMENT_VERBS",
    "RECEIVED_JUDGEMENT_NOUNS",
}
#: The word → words tables (a verb or adjective → its prepositions, a verb → its irregular forms).
_TABLES = {"ADJECTIVE_PREPOSITIONS", "STANCE_PREPOSITIONAL_VERBS", "PREPOSITIONAL_CUE_VERBS",
           "STANCE_NOUN_PREPOSITIONS", "_IRREGULAR"}


def test_each_list_keeps_the_python_type_its_callers_use():
    bound = {name: getattr(module, name) for module in _MODULES for name in vars(module)
             if name.lstrip("_") in word_lists()}
    assert _ORDERED | _TABLES <= bound.keys()
    for name, value in bound.items():
        if name in _ORDERED:
            assert type(value) is tuple and all(type(w) is str for w in value), name
        elif name in _TABLES:
            assert type(value) is dict and all(type(v) is tuple and v for v in value.values()), name
        else:
            assert type(value) is frozenset, name
    assert name_words.GENDERED == name_words.MALE | name_words.FEMALE
    assert cue_words.COMMUNICATION_VERBS[:len(cue_words.SPEECH_VERBS)] == cue_words.SPEECH_VERBS
    assert "new zealander" in name_words.DEMONYMS
    assert cue_words.ADJECTIVE_PREPOSITIONS["skeptical"] == ("of", "about")


def test_a_list_takes_in_another_in_place_and_refuses_a_loop():
    lists = {w.name: w for w in parse("[A]\nx\n@B\nz\n[B]\ny\n[LOOP]\n@LOOP\n[LOST]\n@NOWHERE\n", "x.txt")}
    assert expand(lists, "A") == ("x", "y", "z")
    with pytest.raises(WordListError, match="takes itself in"):
        expand(lists, "LOOP")
    with pytest.raises(WordListError, match=r"no word list \[NOWHERE\] \(taken in by \[LOST\]\)"):
        expand(lists, "LOST")


def test_a_table_reads_key_and_values_and_refuses_a_key_twice():
    assert table("T", ("speak: about of", "rail:  against ")) == {"speak": ("about", "of"), "rail": ("against",)}
    for wrong in (("speak about",), ("speak:",), ("speak: of", "speak: about")):
        with pytest.raises(WordListError, match=r"\[T\]"):
            table("T", wrong)


def test_after_label_skips_a_page_label_and_its_dash_only():
    after_label, nlp = name_words.after_label, spacy.blank("en")
    assert [t.text for t in after_label(list(nlp("EXCLUSIVE – Dana Whitfield")))] == ["Dana", "Whitfield"]
    assert [t.text for t in after_label(list(nlp("Update")))] == ["Update"]
    assert [t.text for t in after_label(list(nlp("Dana Whitfield")))] == ["Dana", "Whitfield"]
    assert [t.text for t in after_label(list(nlp("Live Nation")))] == ["Live", "Nation"]
