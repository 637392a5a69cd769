"""The quotation marks and syntax the pre-labeler's rules read, the predicates over them, and the
configured lexicon of cue words (``Lexicon``); the default word lists by class are in ``cue_words``,
the words about who is named (pronouns, titles, person and organisation nouns) in ``name_words``.

The cue verbs are configurable (``[components.annotator_quotes]`` ``speech_verbs``,
``cognition_verbs``, ``extra_cue_verbs``); the quotes component builds one ``Lexicon`` from its
config and the later components share it (``shared_lexicon``), so an added verb counts everywhere.
Matching a verb uses the lemma and, as a fallback for pipelines without a lemmatizer (or when it
errs), the inflected forms built here, so ``said``, ``says`` and ``saying`` all count as ``say``.
"""

from __future__ import annotations

from typing import Iterable

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
    INTENTION_INFINITIVE_VERBS,
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

# -- quotation marks and punctuation ---------------------------------------------------------

#: Every character that opens or closes a quote: straight, typographic, guillemets, German, single.
QUOTE_MARKS = "\"“”„«»‹›‘’‚"
#: The text of a token that is a quotation mark: one of those, or two apostrophes (``''``), which
#: some wire and newspaper copy writes for a double mark.
QUOTE_MARK_TOKENS = frozenset(QUOTE_MARKS) | {"''"}
#: Marks that can close a quote at the end of a paragraph (one that runs on has none).
CLOSING_MARKS = "\"”“»«›’"
SENTENCE_END = frozenset(".!?")
#: A possessive ending split off a name (``Reeves's``, ``Jones'``).
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

# -- syntax ----------------------------------------------------------------------------------

SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: Tags of a finite verb: a clause with one can be a statement.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Words that open an embedded question (``explain how …``).
WH_WORDS = frozenset({"how", "why", "what", "where", "when", "whether", "which", "who"})

_IRREGULAR = {
    "say": ("said", "says"),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "feel": ("felt",),
    "deny": ("denied", "denies"),
    "reply": ("replied", "replies"),
    "testify": ("testified", "testifies"),
    "worry": ("worried", "worries"),
    "speculate": ("speculated",),
    "cry": ("cried", "cries"),
    "read": ("read",),
    "know": ("knew", "known"),
    "show": ("showed", "shown"),
    "find": ("found",),
    "understand": ("understood",),
    "hear": ("heard",),
    "learn": ("learned", "learnt"),
}
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


class Lexicon:
    """Which tokens are speech or cognition verbs, and which verbs, nouns and adjectives carry the
    other attributions (an object, an infinitive, a clause after a noun or an adjective): the
    configured part of the word lists."""

    def __init__(self, speech: Iterable[str] = SPEECH_VERBS, cognition: Iterable[str] = COGNITION_VERBS,
                 extra: Iterable[str] = (), *, object_verbs: Iterable[str] = OBJECT_CUE_VERBS,
                 infinitive_verbs: Iterable[str] = INFINITIVE_CUE_VERBS, clause_verbs: Iterable[str] = CLAUSE_CUE_VERBS,
                 nouns: Iterable[str] = CUE_NOUNS, adjectives: Iterable[str] = CUE_ADJECTIVES,
                 prepositional_verbs: dict[str, Iterable[str]] | None = None,
                 stance_verbs: Iterable[str] = STANCE_OBJECT_VERBS,
                 intention_verbs: Iterable[str] = INTENTION_INFINITIVE_VERBS,
                 regard_verbs: Iterable[str] = REGARD_VERBS, evidence_verbs: Iterable[str] = EVIDENCE_VERBS,
                 adjective_prepositions: dict[str, Iterable[str]] | None = None,
                 stance_nouns: dict[str, Iterable[str]] | None = None, light_verbs: Iterable[str] = LIGHT_STANCE_VERBS,
                 passive_verbs: Iterable[str] = PASSIVE_JUDGEMENT_VERBS,
                 judgement_verbs: Iterable[str] = JUDGEMENT_VERBS, question_verbs: Iterable[str] = QUESTION_VERBS,
                 unsaid_verbs: Iterable[str] = UNSAID_OBJECT_VERBS, act_done_verbs: Iterable[str] = ACT_DONE_VERBS,
                 act_prepositions: Iterable[str] = ACT_PREPOSITIONS,
                 linking_verbs: Iterable[str] = LINKING_VERBS,
                 continuing_prepositions: Iterable[str] = CONTINUING_PREPOSITIONS,
                 clause_only_evidence_verbs: Iterable[str] = CLAUSE_ONLY_EVIDENCE_VERBS,
                 source_prepositions: Iterable[str] = SOURCE_PREPOSITIONS) -> None:
        self.speech = _lowered(speech) | _lowered(extra)
        self.cognition = _lowered(cognition) - self.speech
        self.lemmas = self.speech | self.cognition
        self.object_verbs = _lowered(object_verbs)
        self.infinitive_verbs = _lowered(infinitive_verbs)
        self.stance_verbs = _lowered(stance_verbs)
        self.intention_verbs = _lowered(intention_verbs)
        self.regard_verbs = _lowered(regard_verbs)
        self.evidence_verbs = _lowered(evidence_verbs)
        self.adjective_prepositions = _lowered_table(
            ADJECTIVE_PREPOSITIONS if adjective_prepositions is None else adjective_prepositions)
        self.clause_verbs = _lowered(clause_verbs) - self.lemmas
        self.nouns = _lowered(nouns)
        self.adjectives = _lowered(adjectives)
        self.prepositional_verbs = _lowered_table(
            PREPOSITIONAL_CUE_VERBS if prepositional_verbs is None else prepositional_verbs)
        self.stance_nouns = _lowered_table(stance_nouns or {})  # off unless configured (cue_words)
        self.light_verbs = _lowered(light_verbs)
        self.passive_verbs = _lowered(passive_verbs)
        self.judgement_verbs = _lowered(judgement_verbs)
        self.question_verbs = _lowered(question_verbs)
        self.unsaid_verbs = _lowered(unsaid_verbs)
        self.act_done_verbs = _lowered(act_done_verbs)
        self.act_prepositions = _lowered(act_prepositions)
        self.linking_verbs = _lowered(linking_verbs)
        self.continuing_prepositions = _lowered(continuing_prepositions)
        self.clause_only_evidence_verbs = _lowered(clause_only_evidence_verbs)
        self.source_prepositions = _lowered(source_prepositions)
        self.forms: dict[str, str] = {}
        for lemma in sorted(self.lemmas):
            for form in inflections(lemma):
                self.forms.setdefault(form, lemma)
        irregular_past = {f for forms in _IRREGULAR.values() for f in forms if not f.endswith("s")}
        self.past_forms = {f for f in self.forms if f.endswith("ed") or f in irregular_past}
        self._past_form_ids = frozenset(hash_string(f) for f in self.past_forms)

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


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _lowered_table(table: dict[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """A word → words table (verb → prepositions), lower-cased."""
    return {key.lower(): _lowered(values) for key, values in table.items()}


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
