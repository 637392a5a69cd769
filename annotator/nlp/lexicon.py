"""The quotation marks and syntax the pre-labeler's rules read, the predicates over them, and the
configured lexicon of cue words (``Lexicon``); the default word lists by class are in ``cue_words``,
the words about who is named (pronouns, titles, person and organisation nouns) in ``name_words``.
The words themselves are plain-text package data, ``words/*.txt``, read once by ``word_lists``.

The cue verbs are configurable (``[components.annotator_quotes]`` ``speech_verbs``,
``cognition_verbs``, ``extra_cue_verbs``); the quotes component builds one ``Lexicon`` from its
config and the later components share it (``shared_lexicon``), so an added verb counts everywhere.
Matching a verb uses the lemma and, as a fallback for pipelines without a lemmatizer (or when it
errs), the inflected forms built here, so ``said``, ``says`` and ``saying`` all count as ``say``.
"""

from __future__ import annotations

from typing import Collection, Iterable, Mapping, NamedTuple

import numpy
from spacy.attrs import DEP, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from annotator.nlp.cue_words import (
    ACT_DONE_VERBS,
    ACT_PREPOSITIONS,
    ADJECTIVE_PREPOSITIONS,
    CLAUSE_CUE_VERBS,
    CLAUSE_ONLY_EVIDENCE_VERBS,
    COGNITION_VERBS,
    CONTINUING_PREPOSITIONS,
    CUE_ADJECTIVES,
    CUE_NOUNS,
    EVIDENCE_VERBS,
    INFINITIVE_CUE_VERBS,
    JUDGEMENT_VERBS,
    LIGHT_STANCE_VERBS,
    LINKING_VERBS,
    OBJECT_CUE_VERBS,
    PASSIVE_JUDGEMENT_VERBS,
    PREPOSITIONAL_CUE_VERBS,
    QUESTION_VERBS,
    REGARD_VERBS,
    SOURCE_PREPOSITIONS,
    SPEECH_VERBS,
    STANCE_OBJECT_VERBS,
    UNSAID_OBJECT_VERBS,
)
from annotator.nlp.word_lists import word_set, word_table, words

# -- cue words of the rules beyond ``cue_words``' classes (``words/lexicon.txt``) ----------------

OBJECT_PREPOSITIONS = word_set("OBJECT_PREPOSITIONS")
POLL_NOUNS = word_set("POLL_NOUNS")
OWN_INTENTION_VERBS = words("OWN_INTENTION_VERBS")
COMPARING_OBJECT_VERBS = words("COMPARING_OBJECT_VERBS")
WELCOMING_OBJECT_VERBS = words("WELCOMING_OBJECT_VERBS")
OFFERING_OBJECT_VERBS = words("OFFERING_OBJECT_VERBS")
FINDING_VERBS = words("FINDING_VERBS")
RECEIVED_JUDGEMENT_VERBS = words("RECEIVED_JUDGEMENT_VERBS")
RECEIVED_JUDGEMENT_NOUNS = words("RECEIVED_JUDGEMENT_NOUNS")
SMALL_CLAUSE_VERBS = word_set("SMALL_CLAUSE_VERBS")
FEELING_CAUSED_VERBS = word_set("FEELING_CAUSED_VERBS")
NAMING_PARTICIPLES = word_set("NAMING_PARTICIPLES")
QUESTION_NOUNS = word_set("QUESTION_NOUNS")
REPORTING_NOMINALIZATIONS = word_set("REPORTING_NOMINALIZATIONS")
WILL_ADJECTIVES = word_set("WILL_ADJECTIVES")
SIDE_PHRASES = word_set("SIDE_PHRASES")

# -- quotation marks and punctuation ---------------------------------------------------------

#: Every character that opens or closes a quote: straight, typographic, guillemets, German, single.
QUOTE_MARKS = "\"“”„«»‹›‘’‚"
#: The text of a token that is a quotation mark: one of those, or two apostrophes (``''``), which
#: some wire and newspaper copy writes for a double mark.
QUOTE_MARK_TOKENS = frozenset(QUOTE_MARKS) | {"''"}
#: Marks that can close a quote at the end of a paragraph (one that runs on has none).
CLOSING_MARKS = "\"”“»«›’"
SENTENCE_END = frozenset(".!?")
#: What closes a clause set off in a sentence: a comma or a sentence's end.
CLAUSE_CLOSE = SENTENCE_END | {","}
#: A possessive ending split off a name (``Reeves's``, ``Jones'``).
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

# -- syntax ----------------------------------------------------------------------------------

SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: A clause has a subject of its own: a subject, a clause as its subject (``what he said is true``), or an
#: expletive standing in for one (``there is``, ``it seems``).
CLAUSE_SUBJECT_DEPS = (*SUBJECT_DEPS, "csubj", "csubjpass", "expl")
#: Tags of a finite verb: a clause with one can be a statement.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags of a verb that carries its own tense (``FINITE_TAGS`` less the modal, an auxiliary's tag).
TENSED_VERB_TAGS = FINITE_TAGS - {"MD"}
CONTENT_AFTER_MARKS = word_set("CONTENT_AFTER_MARKS")
ADJUNCT_CLAUSE_MARKS = word_set("ADJUNCT_CLAUSE_MARKS")
WH_WORDS = word_set("WH_WORDS")
#: Words a title leaves in lower case (``Tea with the Mayor``).
TITLE_SMALL_WORDS = word_set("TITLE_SMALL_WORDS")
#: The most words a quoted title or slogan is taken to have.
TITLE_MAX_WORDS = 9

#: Inflected forms of cue verbs that ``inflections`` does not build.
_IRREGULAR = word_table("IRREGULAR")
#: Part-of-speech ids that lemma_of looks further at: none (untagged), verbs, and the tags a
#: tagger sometimes gives a past form (``said`` as a noun).
_VERB_POS_IDS = (POS_IDS[""], POS_IDS["VERB"], POS_IDS["AUX"])
_MISTAGGED_POS_IDS = (POS_IDS["NOUN"], POS_IDS["PROPN"], POS_IDS["ADJ"])
_ROOT = hash_string("ROOT")


def _any_equal(column: numpy.ndarray, values) -> numpy.ndarray:
    """Which entries of ``column`` (a Doc array's column) equal one of a few ``values``."""
    found = numpy.zeros(len(column), dtype=bool)
    for value in values:
        found |= column == value
    return found


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma plus the irregular ones we know."""
    forms = {lemma, lemma + "s", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    else:
        forms |= {lemma + "ed"}
        if lemma[-1] not in "aeiouwy" and lemma[-2:-1] in tuple("aeiou") and lemma[-3:-2] not in tuple("aeiou"):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        forms.add(lemma + "es")
    forms.update(_IRREGULAR.get(lemma, ()))
    return forms


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _lowered_table(table: dict[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """A word → words table (verb → prepositions), lower-cased."""
    return {key.lower(): _lowered(values) for key, values in table.items()}


class WordClass(NamedTuple):
    """One configurable class of cue words: ``name`` is the ``Lexicon`` attribute and constructor
    keyword that hold it, ``config_key`` the quotes component's config key, ``default`` its words, or
    for a table word → words (a verb or adjective → its prepositions)."""

    name: str
    config_key: str
    default: Collection[str] | Mapping[str, Collection[str]]

    @property
    def is_table(self) -> bool:
        return isinstance(self.default, Mapping)

    def normalise(self, words: Iterable[str] | Mapping[str, Iterable[str]]) -> frozenset[str] | dict[str, frozenset[str]]:
        """The words as the ``Lexicon`` holds them: lower-cased, a set (a table: word → set)."""
        return _lowered_table(words) if self.is_table else _lowered(words)

    def config_default(self) -> list[str] | dict[str, list[str]]:
        """The default as the component's config gives it: a list (sorted where the words are a set)."""
        if isinstance(self.default, Mapping):
            return {word: list(words) for word, words in self.default.items()}
        return sorted(self.default) if isinstance(self.default, (set, frozenset)) else list(self.default)


#: Every configurable class of cue words, in the order of the quotes component's config. Adding a
#: class is adding a row: the ``Lexicon`` attribute and keyword, the config key and its default follow.
WORD_CLASSES: tuple[WordClass, ...] = (
    WordClass("speech", "speech_verbs", SPEECH_VERBS),
    WordClass("cognition", "cognition_verbs", COGNITION_VERBS),  # held less the speech verbs
    WordClass("extra", "extra_cue_verbs", ()),  # more speech verbs: joined to ``speech``, not kept apart
    WordClass("object_verbs", "object_cue_verbs", OBJECT_CUE_VERBS + COMPARING_OBJECT_VERBS + WELCOMING_OBJECT_VERBS
              + OFFERING_OBJECT_VERBS),
    WordClass("infinitive_verbs", "infinitive_cue_verbs", INFINITIVE_CUE_VERBS),
    WordClass("clause_verbs", "clause_cue_verbs", CLAUSE_CUE_VERBS),  # held less the speech and cognition verbs
    WordClass("prepositional_verbs", "prepositional_cue_verbs", PREPOSITIONAL_CUE_VERBS),
    WordClass("nouns", "cue_nouns", CUE_NOUNS),
    WordClass("adjectives", "cue_adjectives", CUE_ADJECTIVES),
    WordClass("stance_verbs", "stance_cue_verbs", STANCE_OBJECT_VERBS),
    WordClass("intention_verbs", "intention_cue_verbs", OWN_INTENTION_VERBS),
    WordClass("regard_verbs", "regard_cue_verbs", REGARD_VERBS),
    WordClass("evidence_verbs", "evidence_cue_verbs", EVIDENCE_VERBS),
    WordClass("adjective_prepositions", "prepositional_cue_adjectives", ADJECTIVE_PREPOSITIONS),
    # off unless configured: cue_words.STANCE_NOUN_PREPOSITIONS is the class to switch on
    WordClass("stance_nouns", "stance_cue_nouns", {}),
    WordClass("light_verbs", "light_stance_verbs", LIGHT_STANCE_VERBS),
    WordClass("passive_verbs", "passive_cue_verbs", PASSIVE_JUDGEMENT_VERBS),
    WordClass("judgement_verbs", "judgement_cue_verbs", JUDGEMENT_VERBS),
    WordClass("question_verbs", "question_cue_verbs", QUESTION_VERBS),
    WordClass("unsaid_verbs", "unsaid_object_verbs", UNSAID_OBJECT_VERBS),
    WordClass("act_done_verbs", "act_done_verbs", ACT_DONE_VERBS),
    WordClass("act_prepositions", "act_prepositions", ACT_PREPOSITIONS),
    WordClass("linking_verbs", "linking_verbs", LINKING_VERBS),
    WordClass("continuing_prepositions", "continuing_prepositions", CONTINUING_PREPOSITIONS),
    WordClass("object_prepositions", "object_prepositions", OBJECT_PREPOSITIONS),
    WordClass("clause_only_evidence_verbs", "clause_only_evidence_verbs", CLAUSE_ONLY_EVIDENCE_VERBS),
    WordClass("source_prepositions", "source_prepositions", SOURCE_PREPOSITIONS),
    WordClass("poll_nouns", "poll_source_nouns", POLL_NOUNS),
    WordClass("finding_verbs", "finding_to_clause_end_verbs", FINDING_VERBS),
    WordClass("received_verbs", "received_judgement_verbs", RECEIVED_JUDGEMENT_VERBS),
    WordClass("received_nouns", "received_judgement_nouns", RECEIVED_JUDGEMENT_NOUNS),
    WordClass("will_adjectives", "will_cue_adjectives", WILL_ADJECTIVES),
    WordClass("side_phrases", "side_taking_phrases", SIDE_PHRASES),
)
_CLASS_NAMES = frozenset(word_class.name for word_class in WORD_CLASSES)


class Lexicon:
    """Which tokens are speech or cognition verbs, and which verbs, nouns and adjectives carry the
    other attributions (an object, an infinitive, a clause after a noun or an adjective): the
    configured part of the word lists.

    One attribute a class of ``WORD_CLASSES`` but ``extra`` (``nouns``, ``object_verbs``, …: a
    frozenset of lower-cased words, a table word → frozenset), given by the same keyword; ``speech``,
    ``cognition`` and ``extra`` may also come in that order. A class not given, or given as None,
    keeps its default."""

    def __init__(self, speech: Iterable[str] | None = None, cognition: Iterable[str] | None = None,
                 extra: Iterable[str] | None = None,
                 **word_lists: Iterable[str] | Mapping[str, Iterable[str]] | None) -> None:
        unknown = sorted(word_lists.keys() - _CLASS_NAMES)
        if unknown:
            raise TypeError(f"Lexicon() got an unexpected keyword argument {unknown[0]!r}")
        given = {**word_lists, "speech": speech, "cognition": cognition, "extra": extra}
        words = {c.name: c.normalise(c.default if given.get(c.name) is None else given[c.name]) for c in WORD_CLASSES}
        self.speech: frozenset[str] = words.pop("speech") | words.pop("extra")
        self.cognition: frozenset[str] = words.pop("cognition") - self.speech
        self.lemmas = self.speech | self.cognition
        words["clause_verbs"] -= self.lemmas
        for name, value in words.items():
            setattr(self, name, value)
        self.forms: dict[str, str] = {}
        for lemma in sorted(self.lemmas):
            for form in inflections(lemma):
                self.forms.setdefault(form, lemma)
        irregular_past = {f for forms in _IRREGULAR.values() for f in forms if not f.endswith("s")}
        self.past_forms = {f for f in self.forms if f.endswith("ed") or f in irregular_past}
        self._past_form_ids = frozenset(hash_string(f) for f in self.past_forms)

    @classmethod
    def from_config(cls, config: Mapping[str, object]) -> Lexicon:
        """The lexicon of the quotes component's config (its ``WORD_CLASSES`` keys; a key left out keeps its default)."""
        return cls(**{c.name: config[c.config_key] for c in WORD_CLASSES if c.config_key in config})

    def possible_cues(self, doc: Doc, also: Iterable[str] = ()) -> list[int]:
        """Indices of the tokens lemma_of may accept, and of the words in ``also``: a superset,
        read from the Doc's arrays so a scan of every word does not build a Token for each."""
        array = doc.to_array([POS, LOWER, DEP])
        pos, lower = array[:, 0], array[:, 1]
        wanted = _any_equal(pos, _VERB_POS_IDS) | _any_equal(lower, [hash_string(w) for w in also])
        # a noun heading its sentence may be a verb the tagger took for a plural (``Tenants blasts landlord``)
        mistagged = numpy.flatnonzero(_any_equal(pos, _MISTAGGED_POS_IDS) & ~wanted)
        past = self._past_form_ids
        wanted[[i for i, word, dep in zip(mistagged.tolist(), lower[mistagged].tolist(), array[mistagged, 2].tolist(),
                                          strict=True) if word in past or dep == _ROOT]] = True
        return numpy.flatnonzero(wanted).tolist()

    def lemma_of(self, token: Token) -> str | None:
        """The cue lemma if the token is a speech or cognition verb, else None."""
        pos = token.pos_  # read once: called for every token of every document
        if pos and pos not in ("VERB", "AUX"):
            # Taggers sometimes call a sentence-final "said" a noun; a known past form still counts.
            if pos not in ("NOUN", "PROPN", "ADJ") or token.lower_ not in self.past_forms:
                return None
        lemma = token.lemma_.lower()
        if lemma in self.lemmas:
            return lemma
        return self.forms.get(token.lower_)

    def is_cue(self, token: Token) -> bool:
        return self.lemma_of(token) is not None

    def is_speech(self, token: Token) -> bool:
        return self.lemma_of(token) in self.speech

    def has_speech_lemma(self, token: Token) -> bool:
        """The token's lemma is a speech verb (by lemma alone, whatever its tag)."""
        return token.lemma_.lower() in self.speech


def shared_lexicon(nlp: Language) -> Lexicon:
    """The lexicon of the pipeline's quotes component (built from its config), else the default one.

    Components are built in pipeline order (by ``add_pipe`` and by ``spacy.load``), so a later
    component's factory finds it; holding the same object, a component pickled to a worker process
    keeps it too.
    """
    for _, component in nlp.pipeline:
        lexicon = getattr(component, "lexicon", None)
        if isinstance(lexicon, Lexicon):
            return lexicon
    return Lexicon()


# -- predicates ------------------------------------------------------------------------------

def is_quote_mark(token: Token) -> bool:
    """A quotation mark, not the apostrophe of a possessive glued to its word (``Mr. Harris’ aide``)."""
    if token.text not in QUOTE_MARK_TOKENS:
        return False
    if token.text in ("’", "'") and token.i:
        before = token.doc[token.i - 1]
        return bool(before.whitespace_) or not before.text[-1:].isalpha()
    return True


def title_case(words: Iterable[Token]) -> bool:
    """``"Harbor Lights Reopens Pier"``, ``"NO NEW TAXES"``, ``"Tea with the Mayor"``: one to
    ``TITLE_MAX_WORDS`` words, every one capitalized or a title's small word (``TITLE_SMALL_WORDS``),
    as a headline, a work's name or a slogan is written; the one reading of "is this a title" for
    the quote rules and the speaker rules."""
    alpha = [t for t in words if t.is_alpha]
    return 0 < len(alpha) <= TITLE_MAX_WORDS and all(t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in alpha)
