"""The speech and cognition verbs that introduce reported speech: the one list, extendable by config.

Matching uses the lemma and, as a fallback for pipelines without a lemmatizer (or when it errs),
the inflected forms built here, so ``said``, ``says`` and ``saying`` all count as ``say``.
"""

from __future__ import annotations

from typing import Iterable

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

#: Part-of-speech ids that lemma_of looks further at: none (untagged), verbs, and the tags a
#: tagger sometimes gives a past form (``said`` as a noun).
_VERB_POS = frozenset({POS_IDS[""], POS_IDS["VERB"], POS_IDS["AUX"]})
_MISTAGGED_POS = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"], POS_IDS["ADJ"]})

#: Verbs of saying: a reported clause after them is speech.
SPEECH_VERBS = (
    "say", "state", "tell", "add", "note", "claim", "warn", "insist", "argue", "announce", "deny",
    "acknowledge", "admit", "affirm", "allege", "answer", "assert", "caution", "comment",
    "complain", "concede", "conclude", "confirm", "contend", "declare", "emphasize", "emphasise",
    "estimate", "explain", "indicate", "maintain", "mention", "observe", "predict", "promise",
    "recall", "remark", "repeat", "reiterate", "reply", "report", "respond", "retort", "reveal",
    "stress", "suggest", "testify", "tweet", "underline", "urge", "vow", "pledge", "write",
    "disclose", "ask", "quip", "joke", "boast", "counter", "lament", "agree", "threaten", "assure",
    "inform", "predict", "proclaim", "recount", "speculate", "underscore", "charge", "acknowledge",
    # Verbs news copy uses around quotes: ``…," he continued``, ``the crowd chanted "…"``.
    "continue", "exclaim", "shout", "yell", "chant", "scream", "confess", "plead", "interject",
    "muse", "concur", "post", "read", "insist", "signal",
)
#: Verbs of thinking and finding: with a finite clause they are indirect reports too
#: (``expected the plan to fail``, with no finite clause, is a forecast and is not).
COGNITION_VERBS = (
    "believe", "think", "feel", "fear", "suspect", "doubt", "worry", "reckon", "assume", "consider",
    # Attribution corpora of news (PARC, PolNeAR) count these with a finite clause too: ``hoped the
    # deal would hold``, ``polls show that …``, ``the study found that …``, ``knows that …``.
    "hope", "expect", "know", "show", "find", "realize", "realise", "recognize", "recognise",
    "understand", "learn", "hear", "guess", "imagine",
)

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
    "read": ("read",),
    "know": ("knew", "known"),
    "show": ("showed", "shown"),
    "find": ("found",),
    "understand": ("understood",),
    "hear": ("heard",),
    "learn": ("learned", "learnt"),
}


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


class CueLexicon:
    """Which tokens are speech or cognition verbs; built once per component from its config."""

    def __init__(self, speech: Iterable[str] = SPEECH_VERBS, cognition: Iterable[str] = COGNITION_VERBS,
                 extra: Iterable[str] = ()) -> None:
        self.speech = {v.lower() for v in speech} | {v.lower() for v in extra}
        self.cognition = {v.lower() for v in cognition} - self.speech
        self.lemmas = self.speech | self.cognition
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
