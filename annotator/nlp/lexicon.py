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

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from annotator.nlp.cue_words import (
    ADJECTIVE_PREPOSITIONS,
    CLAUSE_CUE_VERBS,
    COGNITION_VERBS,
    CUE_ADJECTIVES,
    CUE_NOUNS,
    EVIDENCE_VERBS,
    INFINITIVE_CUE_VERBS,
    INTENTION_INFINITIVE_VERBS,
    JUDGEMENT_VERBS,
    LIGHT_STANCE_VERBS,
    OBJECT_CUE_VERBS,
    PASSIVE_JUDGEMENT_VERBS,
    PREPOSITIONAL_CUE_VERBS,
    REGARD_VERBS,
    SPEECH_VERBS,
    STANCE_OBJECT_VERBS,
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
_VERB_POS = frozenset({POS_IDS[""], POS_IDS["VERB"], POS_IDS["AUX"]})
_MISTAGGED_POS = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"], POS_IDS["ADJ"]})


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
                 judgement_verbs: Iterable[str] = JUDGEMENT_VERBS) -> None:
        self.speech = {v.lower() for v in speech} | {v.lower() for v in extra}
        self.cognition = {v.lower() for v in cognition} - self.speech
        self.lemmas = self.speech | self.cognition
        self.object_verbs = frozenset(v.lower() for v in object_verbs)
        self.infinitive_verbs = frozenset(v.lower() for v in infinitive_verbs)
        self.stance_verbs = frozenset(v.lower() for v in stance_verbs)
        self.intention_verbs = frozenset(v.lower() for v in intention_verbs)
        self.regard_verbs = frozenset(v.lower() for v in regard_verbs)
        self.evidence_verbs = frozenset(v.lower() for v in evidence_verbs)
        adjectives_chosen = ADJECTIVE_PREPOSITIONS if adjective_prepositions is None else adjective_prepositions
        self.adjective_prepositions = {a.lower(): frozenset(p.lower() for p in ps) for a, ps in adjectives_chosen.items()}
        self.clause_verbs = frozenset(v.lower() for v in clause_verbs) - self.lemmas
        self.nouns = frozenset(n.lower() for n in nouns)
        self.adjectives = frozenset(a.lower() for a in adjectives)
        chosen = PREPOSITIONAL_CUE_VERBS if prepositional_verbs is None else prepositional_verbs
        self.prepositional_verbs = {v.lower(): frozenset(p.lower() for p in ps) for v, ps in chosen.items()}
        stances = {} if stance_nouns is None else stance_nouns  # off unless configured (cue_words)
        self.stance_nouns = {n.lower(): frozenset(p.lower() for p in ps) for n, ps in stances.items()}
        self.light_verbs = frozenset(v.lower() for v in light_verbs)
        self.passive_verbs = frozenset(v.lower() for v in passive_verbs)
        self.judgement_verbs = frozenset(v.lower() for v in judgement_verbs)
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
        also_ids = {hash_string(w) for w in also}
        return [i for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist())
                if pos in _VERB_POS or lower in also_ids or pos in _MISTAGGED_POS and lower in self._past_form_ids]

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
